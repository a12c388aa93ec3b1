// The batch's Web Worker: reads, pairs and checks many reports off the page's thread with the API
// crate's BatchSession, and says how far it is (n / N, counting each report inside a .zip). Its
// wasm comes as a script module (nianbao-api-wasm.js), so the worker makes no fetch. A .zip of
// reports is opened here (core batch::archive), one report at a time; opening one of its reports
// later unpacks that one again (extractMember), so no report's bytes are kept.
import init, { BatchSession, extractMember } from './nianbao-api.js';
import wasm from './nianbao-api-wasm.js';

let ready;
let session;
/** The files as the page gave them, and for each row the index of the file it came from. */
let taken = [];
let origin = [];
let names = [];

onmessage = async ({ data }) => {
  try {
    ready ??= init({ module_or_path: wasm });
    await ready;
    if (data.type === 'start') {
      const rows = await start(data.files);
      names = rows.map((r) => r.file);
      postMessage({ type: 'rows', rows });
    }
    if (data.type === 'previous') postMessage({ type: 'rows', rows: session.setPrevious(data.row, data.previous ?? undefined) });
    if (data.type === 'open') postMessage({ type: 'open', row: data.row, ...(await open(data.row, data.previous)) });
    if (data.type === 'csv') postMessage({ type: 'csv', csv: session.csv() });
    if (data.type === 'xlsx') {
      const xlsx = (await xlsxModule()).workbook(session.sheets());
      postMessage({ type: 'xlsx', xlsx }, [xlsx.buffer]);
    }
  } catch (error) {
    postMessage({ type: 'error', message: String(error?.message ?? error) });
  }
};

/** The .xlsx writer (crates/xlsx), loaded on the first export: its wasm also comes as a script. */
let xlsx;
function xlsxModule() {
  xlsx ??= Promise.all([import('./nianbao-xlsx.js'), import('./nianbao-xlsx-wasm.js')])
    .then(async ([module, wasm]) => {
      await module.default({ module_or_path: wasm.default });
      return module;
    })
    .catch((error) => {
      xlsx = undefined;
      throw error;
    });
  return xlsx;
}

/** `files`: [{ name, file }], in the order of the page's table; a .zip adds a row for each report in it. */
async function start(files) {
  session?.free();
  session = new BatchSession();
  taken = files;
  origin = [];
  let total = files.length;
  const progress = () => postMessage({ type: 'progress', done: origin.length, total, stage: '读取' });
  for (const [n, { name, file }] of files.entries()) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      bytes = null;
    }
    const reports = bytes ? session.add(name, bytes) : session.addUnreadable(name, '无法读取该文件（可能已被移动或删除）。');
    if (reports === undefined) {
      origin.push(n);
      progress();
      continue;
    }
    // A .zip: its reports count instead of it, and an archive inside adds its own when opened.
    total += reports - 1;
    let left = reports;
    for (let after; (after = session.addNext()) !== undefined; left = after) {
      origin.push(n);
      total += after - (left - 1);
      progress();
    }
  }
  session.pair();
  for (let i = 0; i < origin.length; i++) {
    session.check(i);
    postMessage({ type: 'progress', done: i + 1, total: origin.length, stage: '检查' });
  }
  return session.finish();
}

/** The files of row `row` and of its last year (`previous`, or null), as File objects for the
 * page's detail view: a file as given, a report inside a .zip unpacked again. */
async function open(row, previous) {
  const file = async (i) => {
    const { file } = taken[origin[i]];
    const location = session.location(i);
    if (!location) return file;
    const bytes = extractMember(new Uint8Array(await file.arrayBuffer()), location);
    return new File([bytes], names[i].split('/').pop());
  };
  return { file: await file(row), previous: previous == null ? null : await file(previous) };
}
