// The batch view in Chromium: one organ's reports of three years and an unreadable file dropped
// at once; the table, the automatic year pairing (a broken 结转 shows on the next year), changing
// last year, sorting and filtering by keyboard, opening a row and coming back, the CSV and .xlsx
// exports (the workbook read back by LibreOffice), no fetch after load (the worker and its modules
// are scripts from the page's own folder), and axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { useApp, open, fixture, root } from './harness.mjs';

const app = useApp();
const require = createRequire(import.meta.url);

const fixtureDir = (rel) => path.join(root, 'tests/fixtures', rel);
const HONGZE = ['2022', '2023', '2024'].map((y) => `hongze-district-${y}.txt`);

/** The fixture set, with 2023's 结转 broken as the CLI test does it, and a damaged .docx. */
function files() {
  const out = HONGZE.map((name) => ({ name, bytes: fixture(`batch/hongze/${name}`) }));
  const text = out[1].bytes.toString('utf8');
  const broken = text.replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 1 0 0 0 0 0 1');
  assert.notEqual(broken, text, "the fixture's 结转 row");
  out[1].bytes = Buffer.from(broken);
  out.push({ name: '损坏.docx', bytes: Buffer.from('PK\u0003\u0004 not really a zip') });
  return out;
}

/** Drops many files at once on the page, as from the file manager. */
async function dropMany(page, target, list) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, data } of list) dt.items.add(new File([new Uint8Array(data)], name));
    return dt;
  }, list.map(({ name, bytes }) => ({ name, data: Array.from(bytes) })));
  await page.dispatchEvent(target, 'drop', { dataTransfer });
}

/** Rows of a CSV file (quoted fields, CRLF or LF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Every sheet of a workbook as LibreOffice reads it (rows by sheet name), or null, saying so,
 * where LibreOffice is not installed (`bash scripts/setup.sh all` installs it). */
function libreOffice(xlsx) {
  try {
    execFileSync('soffice', ['--version']);
  } catch {
    console.log('SKIPPED the .xlsx check in LibreOffice: soffice is not installed');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'nianbao-xlsx-'));
  fs.copyFileSync(xlsx, path.join(dir, 'batch.xlsx'));
  // 44 , · 34 " · 76 UTF-8 · … · -1: every sheet into its own file, batch-<sheet>.csv.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter,
    '--outdir', path.join(dir, 'csv'), path.join(dir, 'batch.xlsx')], { stdio: 'ignore' });
  return Object.fromEntries(['汇总', '问题', '单元格'].map((name) =>
    [name, parseCsv(fs.readFileSync(path.join(dir, 'csv', `batch-${name}.csv`), 'utf8'))]));
}

const column = (page, n) => page.locator(`#batch-table tbody tr > :nth-child(${n})`).allTextContents();

test('a dropped batch: table, pairing, sorting, filter, a row opened and back, CSV and .xlsx, axe', async () => {
  const { page, requests, errors } = await open(app.context, app.server.url);
  const locked = await page.evaluate(() => [...document.querySelectorAll('meta[http-equiv]')].some((m) => m.content.includes("connect-src 'none'")));
  assert.equal(locked, true, 'the lock is in place before the batch starts');
  const types = [];
  page.on('request', (r) => types.push(`${r.resourceType()} ${new URL(r.url()).pathname.split('/').pop()}`));
  await dropMany(page, '.app', files());
  await page.waitForFunction(() => document.querySelector('#batch-status')?.textContent.startsWith('检查完成'));
  assert.equal(await page.locator('#batch-status').textContent(), '检查完成：4 个文件，1 个有错误，1 个无法读取；2 份报告与上一年度的报告配对。');
  assert.equal(await page.locator('.app').isVisible(), false);

  // The table: file, organ, year, format, and the unreadable file with its own row and reason.
  assert.deepEqual(await column(page, 1), [...HONGZE, '损坏.docx']);
  assert.deepEqual(await column(page, 2), ['洪泽区人民政府办公室', '洪泽区人民政府', '淮安市洪泽区人民政府', '（未识别）']);
  assert.deepEqual(await column(page, 3), ['2022', '2023', '2024', '（未识别）']);
  assert.deepEqual(await column(page, 4), ['新旧格式混用', '新旧格式混用', '新旧格式混用', '—']);
  assert.deepEqual(await column(page, 5), ['0', '4', '0', '—'], 'errors');
  assert.deepEqual(await column(page, 6), ['2', '1', '4', '—'], 'warnings');
  assert.deepEqual(await column(page, 7), ['0', '0', '0', '无法读取：这是压缩格式的文件（zip），但不是能读取的 Word 文档（.docx）。若是 .docx，文件可能已损坏，请用 Word 或 WPS 打开后另存再试；若是多份报告的压缩包，请在完整页面或命令行中批量检查，或解压后逐个检查。']);

  // Pairing: 2023 ← 2022, 2024 ← 2023; the broken 结转 of 2023 shows on 2024 only.
  const previous = await page.locator('select.batch-previous').evaluateAll((s) => s.map((e) => e.value));
  assert.deepEqual(previous, ['', '0', '1']);
  const rules = await page.locator('#batch-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rules.split(' ').filter((x) => x.startsWith('YEAR-'))));
  assert.deepEqual(rules, [[], [], ['YEAR-CARRY', 'YEAR-CARRY'], []]);

  // Clearing 2024's last year re-checks it without YEAR-*; choosing 2023 again brings them back.
  const select2024 = page.locator('tr[data-row="2"] select.batch-previous');
  await select2024.focus();
  await select2024.selectOption('');
  await page.waitForFunction(() => !document.querySelector('tr[data-row="2"]').dataset.rules.includes('YEAR-'));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.focus), 'previous-2', 'focus stays on the select');
  await select2024.selectOption('1');
  await page.waitForFunction(() => document.querySelector('tr[data-row="2"]').dataset.rules.includes('YEAR-CARRY'));

  // Sorting by keyboard: 年度 descending on the second press; aria-sort says so.
  await page.locator('button.batch-sort[data-column="2"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#batch-table thead th').nth(2).getAttribute('aria-sort'), 'ascending');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#batch-table thead th').nth(2).getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await column(page, 3), ['2024', '2023', '2022', '（未识别）']);

  // The filter: files with errors, and the unreadable one.
  await page.locator('#batch-errors-only').check();
  assert.deepEqual(await column(page, 1), ['hongze-district-2023.txt', '损坏.docx']);
  await page.locator('#batch-errors-only').uncheck();

  // axe: no WCAG 2 A/AA violation in the batch view.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('#batch'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);

  // The CSV summary (core sheet::csv): BOM, header, one row a file, last year named.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#batch-csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  assert.equal(lines[0], '\ufeff"文件","机关","年度","格式","错误","警告","提示","未能读取的行","无法读取文件","上一年度报告"');
  assert.equal(lines.length, 6);
  const line2024 = lines.find((l) => l.startsWith('"hongze-district-2024.txt"'));
  assert.match(line2024, /^"hongze-district-2024.txt","淮安市洪泽区人民政府","2024",.*"hongze-district-2023.txt"$/);

  // The .xlsx workbook (core batch::xlsx in the worker) opens in LibreOffice with the CSV's values.
  const [book] = await Promise.all([page.waitForEvent('download'), page.locator('#batch-xlsx').click()]);
  assert.equal(book.suggestedFilename(), '年度报告批量检查.xlsx');
  const sheets = libreOffice(await book.path());
  if (sheets) {
    assert.deepEqual(sheets['汇总'], parseCsv(csv.replace(/^\ufeff/, '')));
    const carry = sheets['问题'].filter((r) => r[0] === 'hongze-district-2024.txt' && r[1] === 'YEAR-CARRY');
    assert.equal(carry.length, 2);
    // 位置: the cells as the form names them, next to their keys.
    assert.match(carry[0][5], /^表三“[^”]+”行“[^”]+”列/);
  }

  // Opening 2024 (by keyboard) shows it in the detail view, checked against 2023; back returns.
  await page.locator('tr[data-row="2"] .batch-open').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市洪泽区人民政府');
  await page.waitForSelector('#previous-name');
  assert.equal(await page.locator('#previous-name').textContent(), '上一年度报告：hongze-district-2023.txt');
  const detailRules = await page.locator('.findings [data-rule]').evaluateAll((f) => f.map((e) => e.dataset.rule).filter((r) => r.startsWith('YEAR-')));
  assert.deepEqual(detailRules, ['YEAR-CARRY', 'YEAR-CARRY']);
  assert.equal(await page.locator('#batch').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'batch-back');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#batch').isVisible(), true);
  assert.equal(await page.locator('.app').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.focus), 'open-2', 'focus returns to the row');

  // After load: only the batch's own scripts and style (the .xlsx writer on its export), no fetch;
  // the worker started under the lock.
  assert.deepEqual(types.sort(), ['script batch-worker.js', 'script batch.js', 'script nianbao-api-wasm.js', 'script nianbao-api.js',
    'script nianbao-xlsx-wasm.js', 'script nianbao-xlsx.js', 'stylesheet batch.css']);
  assert.ok(requests.every((u) => u.startsWith(app.server.url)), String(requests));
  assert.deepEqual(errors, []);
});

test('a chosen folder is a batch: its reports paired, other files left out', async () => {
  const { page } = await open(app.context, app.server.url);
  const dir = path.join(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'nianbao-batch-')), 'hongze');
  fs.cpSync(fixtureDir('batch/hongze'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '说明.xlsx'), 'not a report');
  await page.locator('#folder-input').setInputFiles(dir);
  await page.waitForFunction(() => document.querySelector('#batch-status')?.textContent.startsWith('检查完成'));
  assert.deepEqual(await column(page, 1), HONGZE.map((f) => `hongze/${f}`));
  const previous = await page.locator('select.batch-previous').evaluateAll((s) => s.map((e) => e.value));
  assert.deepEqual(previous, ['', '0', '1']);
});

test('a single report with last year added and a publication date entered', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  const [, broken2023] = files();
  const rules = () => page.locator('.findings [data-rule]').evaluateAll((f) => f.map((e) => e.dataset.rule).filter((r) => /^(YEAR|DATE)-/.test(r)));
  const checks = () => page.evaluate(() => document.querySelector('#summary')?.dataset.checks);
  await page.locator('#file-input').setInputFiles({ name: HONGZE[2], mimeType: 'text/plain', buffer: fixture(`batch/hongze/${HONGZE[2]}`) });
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市洪泽区人民政府');
  assert.deepEqual(await rules(), []);

  let before = await checks();
  await page.locator('#previous-input').setInputFiles({ name: '2023.txt', mimeType: 'text/plain', buffer: broken2023.bytes });
  await page.waitForFunction((n) => document.querySelector('#summary')?.dataset.checks !== n, before);
  assert.equal(await page.locator('#previous-name').textContent(), '上一年度报告：2023.txt');
  assert.deepEqual(await rules(), ['YEAR-CARRY', 'YEAR-CARRY']);

  before = await checks();
  await page.locator('#published-input').fill('2025-04-02');
  await page.waitForFunction((n) => document.querySelector('#summary')?.dataset.checks !== n, before);
  assert.deepEqual(await rules(), ['YEAR-CARRY', 'YEAR-CARRY', 'DATE-DEADLINE']);
  assert.match(await page.locator('.findings [data-rule="DATE-DEADLINE"]').textContent(), /2025-04-02（用户输入）.*2025-03-31/);

  before = await checks();
  await page.locator('#previous-clear').click();
  await page.waitForFunction((n) => document.querySelector('#summary')?.dataset.checks !== n, before);
  assert.deepEqual(await rules(), ['DATE-DEADLINE']);
  assert.equal(await page.locator('#previous-input').count(), 1, 'the picker is back');
  assert.deepEqual(requests, []);
});

// tests/fixtures/archive/hongze.zip (GBK names, a .zip inside, junk, a damaged entry; see its README).
const ZIPPED = [
  'hongze.zip/洪泽区政务公开/2023年度/洪泽区人民政府2023年报告.txt',
  'hongze.zip/洪泽区政务公开/其他/损坏的报告.txt',
  'hongze.zip/洪泽区政务公开/其他/油车港镇2020年报告.docx',
  'hongze.zip/洪泽区政务公开/往年/2022年度.zip/洪泽区人民政府办公室2022年报告.txt',
];

test('a dropped .zip: each report in it a row, paired with each other and with a loose file', async () => {
  const { page, errors } = await open(app.context, app.server.url);
  await dropMany(page, '.app', [
    { name: 'hongze.zip', bytes: fixture('archive/hongze.zip') },
    { name: HONGZE[2], bytes: fixture(`batch/hongze/${HONGZE[2]}`) },
  ]);
  await page.waitForFunction(() => document.querySelector('#batch-status')?.textContent.startsWith('检查完成'));
  assert.equal(await page.locator('#batch-status').textContent(), '检查完成：5 个文件，1 个有错误，1 个无法读取；2 份报告与上一年度的报告配对。');
  assert.deepEqual(await column(page, 1), [HONGZE[2], ...ZIPPED]);
  assert.deepEqual(await column(page, 2), ['淮安市洪泽区人民政府', '洪泽区人民政府', '（未识别）', '油车港镇', '洪泽区人民政府办公室']);
  assert.deepEqual(await column(page, 3), ['2024', '2023', '（未识别）', '2020', '2022']);
  assert.deepEqual(await column(page, 5), ['0', '4', '—', '0', '0'], 'errors');
  assert.equal((await column(page, 7))[2], '无法读取：压缩文件中的这个文件已损坏，无法解压。');
  assert.equal(await page.locator('#batch-progress-text').textContent(), '已检查 5 / 5', 'progress counts the reports in the .zip');

  // The loose 2024 ← 2023 in the .zip (its broken 结转 shows on 2024); 2023 ← 2022 in the .zip inside.
  const previous = await page.locator('select.batch-previous').evaluateAll((s) => s.map((e) => e.value));
  assert.deepEqual(previous, ['1', '4', '', '']);
  const rules = await page.locator('#batch-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rules.split(' ').filter((x) => x.startsWith('YEAR-'))));
  assert.deepEqual(rules, [['YEAR-CARRY', 'YEAR-CARRY'], [], [], [], []]);

  // Opening the loose 2024: its last year is unpacked from the .zip again for the detail view.
  await page.locator('tr[data-row="0"] .batch-open').click();
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市洪泽区人民政府');
  await page.waitForSelector('#previous-name');
  assert.equal(await page.locator('#previous-name').textContent(), `上一年度报告：${ZIPPED[0]}`);
  const detailRules = await page.locator('.findings [data-rule]').evaluateAll((f) => f.map((e) => e.dataset.rule).filter((r) => r.startsWith('YEAR-')));
  assert.deepEqual(detailRules, ['YEAR-CARRY', 'YEAR-CARRY']);

  // Opening 2023 from the .zip, with 2022 from the .zip inside it.
  await page.locator('#batch-back').click();
  await page.locator('tr[data-row="1"] .batch-open').click();
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '洪泽区人民政府');
  await page.waitForFunction((name) => document.querySelector('#previous-name')?.textContent === `上一年度报告：${name}`, ZIPPED[3]);
  assert.deepEqual(errors, []);
});

test('a .zip chosen on its own is a batch, not one report', async () => {
  const { page } = await open(app.context, app.server.url);
  await page.locator('#file-input').setInputFiles({ name: 'hongze.zip', mimeType: 'application/zip', buffer: fixture('archive/hongze.zip') });
  await page.waitForFunction(() => document.querySelector('#batch-status')?.textContent.startsWith('检查完成'));
  assert.deepEqual(await column(page, 1), ZIPPED);
  assert.equal(await page.locator('#batch-progress-text').textContent(), '已检查 4 / 4');
  const previous = await page.locator('select.batch-previous').evaluateAll((s) => s.map((e) => e.value));
  assert.deepEqual(previous, ['3', '', '']);
});
