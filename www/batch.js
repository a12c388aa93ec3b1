// The page's batch view, loaded only when many files or a folder arrive (boot.js): a table of every
// file — organ, year, format, errors, warnings, what could not be read, and the report taken as
// last year — sorted by any column, filtered to files with errors, exported as CSV or .xlsx.
// Reading and checking run in a Web Worker (batch-worker.js) with a progress bar; a .zip of reports
// is opened there, each report in it a row (`报告.zip/子目录/某局.docx`). A row opens that report in
// the page's detail view (nianbao-web's show_report), and "返回批量列表" comes back.
import { show_report as showReport } from './nianbao-web.js';

// The extensions a batch takes from a folder: core's REPORT_EXTENSIONS, and .zip archives.
const REPORT = /[^/]\.(txt|docx|doc|wps|html|htm|pdf|zip)$/i;

const COLUMNS = [
  { label: '文件', value: (r) => r.file },
  { label: '机关', value: (r) => r.organ ?? '' },
  { label: '年度', value: (r) => r.year ?? -Infinity },
  { label: '格式', value: (r) => r.format ?? '' },
  { label: '错误', value: (r) => r.errors },
  { label: '警告', value: (r) => r.warnings },
  { label: '未能读取', value: (r) => (r.error ? Infinity : r.unread_rows) },
  { label: '上一年度报告', value: (r) => (r.previous == null ? '' : batch.rows[r.previous].file) },
];

const batch = { rows: [], sort: null, descending: false, errorsOnly: false, busy: false };
let view;
let worker;

/** Elements: `el('td', { class: 'x' }, child, …)`; attributes set as given, `on*` as listeners. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false && value != null) node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** Starts a batch from dropped entries (files and folders) or chosen files. */
export async function start(list) {
  build();
  showTable();
  const files = [];
  for (const item of list) {
    if (item instanceof File) {
      const name = item.webkitRelativePath || item.name;
      if (!item.webkitRelativePath || REPORT.test(name)) files.push({ name, file: item });
    } else {
      await walk(item, item.isDirectory, files);
    }
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // as the CLI orders paths
  check(files);
}

/** A dropped folder, recursively: its report files (by extension); a dropped file always. */
async function walk(entry, inFolder, files) {
  if (entry.isFile) {
    const name = entry.fullPath.replace(/^\//, '');
    if (!inFolder || REPORT.test(name)) {
      const file = await new Promise((resolve) => entry.file(resolve, () => resolve(null)));
      files.push({ name, file });
    }
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    const entries = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (entries.length === 0) return;
    for (const child of entries) await walk(child, true, files);
  }
}

function check(files) {
  batch.rows = [];
  batch.busy = true;
  view.progress.max = Math.max(files.length, 1);
  view.progress.value = 0;
  view.progressText.textContent = `正在读取 0 / ${files.length}`;
  view.progressBox.hidden = false;
  view.status.textContent = `正在检查 ${files.length} 个文件……`;
  render();
  worker ??= startWorker();
  worker.postMessage({ type: 'start', files });
}

function startWorker() {
  const w = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
  w.onmessage = ({ data }) => {
    if (data.type === 'progress') {
      view.progress.max = Math.max(data.total, 1);
      view.progress.value = data.done;
      view.progressText.textContent = `已${data.stage} ${data.done} / ${data.total}`;
    } else if (data.type === 'rows') {
      const first = batch.busy;
      batch.busy = false;
      batch.rows = data.rows;
      render();
      if (first) done();
    } else if (data.type === 'open') {
      const row = batch.rows[data.row];
      const previous = row.previous == null ? null : batch.rows[row.previous].file;
      showReport(row.file, data.file, previous ?? undefined, data.previous ?? undefined);
    } else if (data.type === 'csv') {
      download('年度报告批量检查-汇总.csv', 'text/csv;charset=utf-8', data.csv);
    } else if (data.type === 'xlsx') {
      download('年度报告批量检查.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data.xlsx);
    } else if (data.type === 'error') {
      batch.busy = false;
      view.status.textContent = `批量检查未能完成：${data.message}`;
      view.progressBox.hidden = true;
    }
  };
  w.onerror = (event) => {
    batch.busy = false;
    view.status.textContent = `批量检查未能启动：${event.message ?? '检查线程出错'}。`;
  };
  return w;
}

function done() {
  const rows = batch.rows;
  const withErrors = rows.filter((r) => r.errors > 0).length;
  const unreadable = rows.filter((r) => r.error).length;
  const paired = rows.filter((r) => r.previous != null).length;
  view.progressBox.hidden = true;
  view.status.textContent =
    `检查完成：${rows.length} 个文件，${withErrors} 个有错误，${unreadable} 个无法读取；${paired} 份报告与上一年度的报告配对。`;
}

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  el('a', { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

/** The batch section and the "back" bar, made once and kept. */
function build() {
  if (view) return;
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('./batch.css', import.meta.url).href }));
  const app = document.querySelector('.app');
  const progress = el('progress', { id: 'batch-progress', 'aria-label': '检查进度' });
  const progressText = el('span', { id: 'batch-progress-text' });
  const progressBox = el('div', { class: 'batch-progress' }, progress, ' ', progressText);
  const status = el('p', { id: 'batch-status', role: 'status' });
  const errorsOnly = el('input', {
    type: 'checkbox', id: 'batch-errors-only',
    onchange: () => { batch.errorsOnly = errorsOnly.checked; render(); },
  });
  const head = el('tr', {}, ...COLUMNS.map((c, i) => el('th', { scope: 'col' },
    el('button', { type: 'button', class: 'batch-sort', 'data-column': i, onclick: () => sortBy(i) }, c.label,
      el('span', { class: 'batch-sort-sign', 'aria-hidden': 'true' }, '')))));
  const body = el('tbody');
  const caption = el('caption', { id: 'batch-caption' });
  const table = el('table', { id: 'batch-table', class: 'batch-table' }, caption, el('thead', {}, head), body);
  const picker = el('input', {
    type: 'file', multiple: true, id: 'batch-files',
    onchange: () => { if (picker.files.length) start([...picker.files]); picker.value = ''; },
  });
  const section = el('section', { id: 'batch', class: 'batch', 'aria-labelledby': 'batch-title' },
    el('header', { class: 'batch-head' },
      el('h1', { id: 'batch-title', tabindex: '-1' }, '批量检查'),
      el('p', { class: 'privacy' }, '报告只在本机检查，不会上传到任何地方。')),
    el('div', { class: 'batch-tools' },
      el('label', { class: 'button file-button' }, '再选择一批文件…', picker),
      el('label', { class: 'batch-filter' }, errorsOnly, '只看有错误的（含无法读取的文件）'),
      el('button', { type: 'button', class: 'button', id: 'batch-csv', onclick: () => worker?.postMessage({ type: 'csv' }) },
        '下载汇总 CSV（Excel）'),
      el('button', { type: 'button', class: 'button', id: 'batch-xlsx', onclick: () => worker?.postMessage({ type: 'xlsx' }) },
        '下载 Excel 工作簿（汇总、问题、单元格）'),
      el('button', { type: 'button', class: 'button', id: 'batch-close', onclick: close }, '关闭批量检查，检查单份报告')),
    progressBox, status,
    el('div', { class: 'batch-scroll' }, table));
  section.addEventListener('dragover', (event) => event.preventDefault());
  section.addEventListener('drop', (event) => {
    event.preventDefault();
    const entries = [...event.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
    start(entries.some((e) => e.isDirectory) ? entries : [...event.dataTransfer.files]);
  });
  const backButton = el('button', { type: 'button', class: 'button', id: 'batch-back', onclick: showTable }, '← 返回批量列表');
  const back = el('nav', { class: 'batch-back', 'aria-label': '批量检查' }, backButton);
  app.before(section, back);
  view = { app, section, back, backButton, body, head, caption, progress, progressText, progressBox, status };
}

function showTable() {
  view.app.hidden = true;
  view.back.hidden = true;
  view.section.hidden = false;
  const opened = view.body.querySelector(`[data-row="${batch.opened}"] .batch-open`);
  (opened ?? view.section.querySelector('h1')).focus?.();
}

function close() {
  view.section.hidden = true;
  view.back.hidden = true;
  view.app.hidden = false;
  document.getElementById('source')?.focus();
}

/** Opens row `i` in the detail view: the worker gives its file and its last year's (a report
 * inside a .zip unpacked again), then show_report reads them. */
function open(i) {
  batch.opened = i;
  view.section.hidden = true;
  view.app.hidden = false;
  view.back.hidden = false;
  worker.postMessage({ type: 'open', row: i, previous: batch.rows[i].previous });
  view.backButton.focus();
}

function sortBy(column) {
  batch.descending = batch.sort === column ? !batch.descending : false;
  batch.sort = column;
  render();
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

function render() {
  for (const [i, th] of [...view.head.children].entries()) {
    const sorted = batch.sort === i;
    if (sorted) th.setAttribute('aria-sort', batch.descending ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
    th.querySelector('.batch-sort-sign').textContent = sorted ? (batch.descending ? ' ▼' : ' ▲') : ' ↕';
  }
  let order = batch.rows.map((_, i) => i);
  if (batch.errorsOnly) order = order.filter((i) => batch.rows[i].errors > 0 || batch.rows[i].error);
  if (batch.sort != null) {
    const value = COLUMNS[batch.sort].value;
    const sign = batch.descending ? -1 : 1;
    order.sort((i, j) => sign * compare(value(batch.rows[i]), value(batch.rows[j])) || i - j);
  }
  const focused = document.activeElement?.dataset?.focus;
  view.body.replaceChildren(...order.map(row));
  if (focused) view.body.querySelector(`[data-focus="${focused}"]`)?.focus();
  const total = batch.rows.length;
  view.caption.textContent = batch.busy ? '检查中……' :
    `共 ${total} 个文件${batch.errorsOnly ? `，显示有错误的 ${order.length} 个` : ''}。点文件名查看该报告的详细检查结果。`;
}

function row(i) {
  const r = batch.rows[i];
  const name = r.error
    ? el('span', { class: 'batch-file' }, r.file)
    : el('button', { type: 'button', class: 'batch-open', 'data-focus': `open-${i}`, onclick: () => open(i) }, r.file);
  const unread = r.error
    ? el('span', { class: 'batch-unreadable' }, `无法读取：${r.error}`)
    : r.unread_rows > 0 ? `${r.unread_rows} 行` : '0';
  return el('tr', { 'data-row': i, 'data-rules': r.rules.join(' '), class: r.error ? 'unreadable' : r.errors > 0 ? 'has-errors' : null },
    el('th', { scope: 'row' }, name),
    el('td', {}, r.organ ?? '（未识别）'),
    el('td', { class: 'num' }, r.year == null ? '（未识别）' : String(r.year)),
    el('td', {}, r.format ?? '—'),
    el('td', { class: 'num errors' }, r.error ? '—' : String(r.errors)),
    el('td', { class: 'num warnings' }, r.error ? '—' : String(r.warnings)),
    el('td', {}, unread),
    el('td', {}, r.error ? '—' : previousSelect(i)));
}

/** The report taken as last year: chosen automatically, changed or cleared here (re-checks the row). */
function previousSelect(i) {
  const r = batch.rows[i];
  const select = el('select', {
    class: 'batch-previous', 'data-focus': `previous-${i}`, 'aria-label': `${r.file} 的上一年度报告`,
    onchange: () => worker.postMessage({ type: 'previous', row: i, previous: select.value === '' ? null : Number(select.value) }),
  }, el('option', { value: '' }, '（不与上一年度比较）'));
  for (const [j, other] of batch.rows.entries()) {
    if (j === i || other.error) continue;
    const label = `${other.file}（${other.organ ?? '机关未识别'}，${other.year ?? '年度未识别'}）`;
    select.append(el('option', { value: j, selected: r.previous === j }, label));
  }
  return select;
}
