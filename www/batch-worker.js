// The batch's Web Worker: reads, pairs and checks many reports off the page's thread with the API
// crate's BatchSession, and says how far it is (n / N). Its wasm comes as a script module
// (nianbao-api-wasm.js), so the worker makes no fetch; the page keeps the files and the rows.
import init, { BatchSession } from './nianbao-api.js';
import wasm from './nianbao-api-wasm.js';

let ready;
let session;

onmessage = async ({ data }) => {
  try {
    ready ??= init({ module_or_path: wasm });
    await ready;
    if (data.type === 'start') postMessage({ type: 'rows', rows: await start(data.files) });
    if (data.type === 'previous') postMessage({ type: 'rows', rows: session.setPrevious(data.row, data.previous ?? undefined) });
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

/** `files`: [{ name, file }], in the order of the page's table. */
async function start(taken) {
  session?.free();
  session = new BatchSession();
  const total = taken.length;
  for (const [n, { name, file }] of taken.entries()) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      bytes = null;
    }
    if (bytes) session.add(name, bytes);
    else session.addUnreadable(name, '无法读取该文件（可能已被移动或删除）。');
    postMessage({ type: 'progress', done: n + 1, total, stage: '读取' });
  }
  session.pair();
  for (let i = 0; i < total; i++) {
    session.check(i);
    postMessage({ type: 'progress', done: i + 1, total, stage: '检查' });
  }
  return session.finish();
}
