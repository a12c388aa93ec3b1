// The JavaScript API (dist/nianbao.js) in Chromium: for every fixture, check() gives exactly the
// document the CLI prints with --format json; inputs of every kind; refusals; rules(); a bug
// inside leaves the next call working; no request after the module has loaded.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { useApp, root, fixture, BASE } from './harness.mjs';

// A plain page of the site, without the app's CSP, that imports the module from the app's folder.
const app = useApp({ '/api-host.html': '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>API</title></head><body></body></html>' });

// Every report fixture the CLI reads: text, .docx, HTML, .doc and PDF (the refused ones below).
const FIXTURES = ['reports', 'synthetic', 'encodings', 'structured', 'doc', 'pdf', 'pdf/libreoffice'].flatMap((dir) =>
  fs.readdirSync(path.join(root, 'tests/fixtures', dir)).filter((f) => /\.(txt|docx|html|doc|pdf)$/.test(f) && !f.includes('encrypted')).map((f) => `${dir}/${f}`));

/** The CLI's JSON documents (`--format json` of each file, as `ndjson` lines carry them), in order. */
function cli(args) {
  const run = spawnSync('cargo', ['run', '-q', '--locked', '-p', 'nianbao-cli', '--', 'check', '--format', 'ndjson', '--jobs', '1', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `the CLI ran (${run.status}): ${run.stderr}`);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line).report);
}

let expected;
before(() => {
  expected = cli(FIXTURES.map((f) => path.join('tests/fixtures', f)));
});

async function apiPage() {
  const page = await app.context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(`${app.server.origin}/api-host.html`);
  await page.evaluate(async (url) => { window.nianbao = await import(url); await window.nianbao.rules(); }, `${BASE}nianbao.js`);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests, consoleErrors };
}

test('check() gives the CLI document for every fixture', async () => {
  assert.ok(FIXTURES.length >= 35, `${FIXTURES.length} fixtures`);
  assert.ok(FIXTURES.includes('pdf/huaian-city-2024.pdf') && FIXTURES.includes('doc/huaian-city-2024.doc'));
  const { page, requests } = await apiPage();
  for (const [i, file] of FIXTURES.entries()) {
    const doc = await page.evaluate((bytes) => window.nianbao.check(new Uint8Array(bytes)), [...fixture(file)]);
    assert.deepEqual(doc, expected[i], file);
  }
  assert.deepEqual(requests, [], 'no request after the module loaded');
  await page.close();
});

test('every input kind, previous and published as the CLI takes them', async () => {
  const { page } = await apiPage();
  const file = 'reports/hongze-district-2024.txt';
  const bytes = [...fixture(file)];
  const docs = await page.evaluate(async ({ bytes, text }) => {
    const u8 = new Uint8Array(bytes);
    return [
      await window.nianbao.check(text),
      await window.nianbao.check(u8.buffer),
      await window.nianbao.check(new Blob([u8])),
      await window.nianbao.check(new File([u8], '报告.txt')),
    ];
  }, { bytes, text: fixture(file).toString() });
  const want = expected[FIXTURES.indexOf(file)];
  for (const doc of docs) assert.deepEqual(doc, want);

  // Last year's report with 2 applications carried over, which this year's does not take in.
  const previous = fixture('reports/hongze-district-2023.txt').toString().replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 2 0 0 0 0 0 2');
  const previousFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-api-')), 'previous.txt');
  fs.writeFileSync(previousFile, previous);
  const [withBoth] = cli(['--previous', previousFile, '--published', '2025-02-03', `tests/fixtures/${file}`]);
  const doc = await page.evaluate(async ({ bytes, previous }) =>
    window.nianbao.check(new Uint8Array(bytes), { previous, published: '2025-02-03' }),
  { bytes, previous });
  assert.deepEqual(doc, withBoth);
  assert.ok(doc.findings.some((f) => f.rule === 'YEAR-CARRY'), 'the year pair was compared');
  assert.deepEqual(doc.published, { date: '2025-02-03', line: null, source: '用户输入' });
  await page.close();
});

test('unreadable input and bad options reject with a code and a Chinese message', async () => {
  const { page } = await apiPage();
  const refusals = await page.evaluate(async () => {
    const refusal = (p) => p.then(() => 'resolved', (e) => e);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    return {
      image: await refusal(window.nianbao.check(png)),
      empty: await refusal(window.nianbao.check('')),
      previous: await refusal(window.nianbao.check('正文', { previous: png })),
      date: await refusal(window.nianbao.check('正文', { published: '2025/02/03' })),
      kind: await refusal(window.nianbao.check(42)),
    };
  });
  assert.deepEqual(refusals.image, { code: 'image', message: '这是图片文件，无法读取其中的文字。请使用报告的 Word 原稿或网页文字。' });
  assert.equal(refusals.empty.code, 'empty');
  assert.match(refusals.empty.message, /^内容为空/);
  assert.deepEqual(refusals.previous, { code: 'image', message: '上一年度报告未能读取：这是图片文件，无法读取其中的文字。请使用报告的 Word 原稿或网页文字。' });
  assert.deepEqual(refusals.date, { code: 'bad-option', message: '发布日期的格式应为 YYYY-MM-DD，收到“2025/02/03”。' });
  assert.equal(refusals.kind.code, 'bad-input');
  await page.close();
});

test('encrypted .doc and PDF files reject with the CLI\'s message', async () => {
  const { page } = await apiPage();
  for (const [file, code] of [['doc/youchegang-2020.encrypted.doc', 'doc-encrypted'], ['pdf/bad/encrypted-password.pdf', 'pdf-encrypted']]) {
    const run = spawnSync('cargo', ['run', '-q', '--locked', '-p', 'nianbao-cli', '--', 'check', `tests/fixtures/${file}`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 2);
    const refusal = await page.evaluate((bytes) => window.nianbao.check(new Uint8Array(bytes)).then(() => 'resolved', (e) => e), [...fixture(file)]);
    assert.deepEqual(refusal, { code, message: run.stderr.trim().replace(`nianbao: tests/fixtures/${file}: `, '') }, file);
  }
  await page.close();
});

test('rules() is the catalogue of docs/rules.md', async () => {
  const { page } = await apiPage();
  const rules = await page.evaluate(() => window.nianbao.rules());
  const markdown = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
  assert.deepEqual(rules.map((r) => r.id), [...markdown.matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
  const first = rules[0];
  assert.equal(first.severity, 'error');
  assert.ok(markdown.includes(`**规则说明**：${first.title}`) && markdown.includes(`**为什么重要**：${first.why}`) && markdown.includes(`**如何修改**：${first.fix}`));
  await page.close();
});

test('a bug inside rejects that call, puts its message in the console, and the next call works', async () => {
  const { page, consoleErrors, requests } = await apiPage();
  const refusal = await page.evaluate(() => window.nianbao.testPanic().then(() => 'resolved', (e) => e));
  assert.equal(refusal.code, 'internal');
  assert.match(refusal.message, /^检查时发生内部错误/);
  assert.ok(consoleErrors.some((m) => m.includes('nianbao_test_panic')), `console: ${consoleErrors}`);
  const file = 'reports/huaian-city-2024.txt';
  const doc = await page.evaluate((bytes) => window.nianbao.check(new Uint8Array(bytes)), [...fixture(file)]);
  assert.deepEqual(doc, expected[FIXTURES.indexOf(file)]);
  assert.deepEqual(requests, [], 'a fresh instance from the same module, no download');
  await page.close();
});
