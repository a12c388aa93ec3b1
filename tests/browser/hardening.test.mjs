// The page as a portal hosts it: a clean console on load (no /favicon.ico request), report text
// that stays text whatever markup it holds — pasted, pasted as HTML, dropped as .html and .docx —
// under a CSP that is never violated, and 0 axe-core WCAG 2 A/AA violations with a report loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, paste, drop, fixture, docxWith, here } from './harness.mjs';

const app = useApp();

/** Opens the app with every console error, page error, failed request and CSP violation recorded from the start. */
async function openWatched() {
  const page = await app.context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(app.server.url);
  await page.waitForSelector('#source');
  return { page, problems, requests };
}

test('the page loads with a clean console and asks for no favicon', async () => {
  const { page, problems, requests } = await openWatched();
  await page.waitForTimeout(500); // a favicon request comes after load
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(app.server.url)), [], 'no request outside the app');
  assert.deepEqual(requests.filter((u) => /favicon/.test(u)), []);
  assert.match(await page.locator('link[rel=icon]').getAttribute('href'), /^data:image\/svg\+xml,/);
  await page.close();
});

// Markup a report could carry in a label, a cell or its title: each would set window.__pwned if it ran.
const IMG = `<img src=x onerror="window.__pwned='img'">`;
const SCRIPT = `<script>window.__pwned='script'</script>`;
const LINK = `<a href="javascript:window.__pwned='link'">（八）点此</a>`;

/** `text` with `from` replaced by `to`, which must be there. */
function replaced(text, from, to) {
  assert.ok(text.includes(from), `the fixture has ${from}`);
  return text.replace(from, to);
}

/** The 2021 tab-row report with the markup in its title, in two cells of 表二 and as a row label of 表三. */
function hostileText() {
  let text = fixture('synthetic/tab-rows-2021.txt').toString();
  text = replaced(text, '示例市人民政府\n', `示例市人民政府${IMG}\n`);
  text = replaced(text, '规章\t1\t0\t5', `规章\t${IMG}\t${SCRIPT}\t5`);
  return replaced(text, '（七）总计\t22', `${LINK}\t1\t2\t3\t4\t5\t6\t21\n（七）总计\t22`);
}

const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The same report as an HTML page: the markup as text in cells and labels, and live besides. */
function hostileHtml() {
  const blocks = [];
  for (const line of hostileText().split('\n')) {
    if (line.includes('\t')) {
      const row = `<tr>${line.split('\t').map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`;
      if (Array.isArray(blocks.at(-1))) blocks.at(-1).push(row); else blocks.push([row]);
    } else {
      blocks.push(`<p>${escape(line)}</p>`);
    }
  }
  const body = blocks.map((b) => (Array.isArray(b) ? `<table>${b.join('')}</table>` : b)).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><script>window.__pwned='head'</script></head>
<body onload="window.__pwned='onload'">${IMG}${SCRIPT}<iframe src="javascript:window.__pwned='iframe'"></iframe>
<a href="javascript:window.__pwned='link'">链接</a>${body}</body></html>`;
}

/** The same report as WordprocessingML, the markup as the text of runs. */
function hostileDocx() {
  const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`;
  const parts = [];
  let rows = null;
  for (const line of hostileText().split('\n')) {
    if (line.includes('\t')) {
      rows ??= [];
      rows.push(`<w:tr>${line.split('\t').map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`);
      continue;
    }
    if (rows) { parts.push(`<w:tbl>${rows.join('')}</w:tbl>`); rows = null; }
    parts.push(para(line));
  }
  if (rows) parts.push(`<w:tbl>${rows.join('')}</w:tbl>`);
  return docxWith(Buffer.from(`<w:document><w:body>${parts.join('')}</w:body></w:document>`));
}

/** After a report is shown: nothing ran, nothing was blocked, nothing was fetched, and the label is shown as text. */
async function assertInert(page, problems, requests, how) {
  await page.waitForSelector('#summary');
  await page.waitForTimeout(300); // an image's error event or a navigation would come now
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${how}: nothing ran`);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], `${how}: the CSP was never needed`);
  assert.deepEqual(problems, [], how);
  assert.deepEqual(requests, [], `${how}: no request after load`);
  assert.equal(await page.locator('.app img, .app script, .app iframe, .app a[href^="javascript:"]').count(), 0, how);
  const row = page.locator('button.finding[data-rule="STRUCT-ROW"]');
  assert.match(await row.textContent(), /“<ahref="javascript:window.__pwned='link'">（八）点此<\/a>”不是统一格式中的行/, how);
}

test('markup in a report is text: pasted, pasted as HTML, dropped as .html and as .docx', async () => {
  const { page, problems, requests } = await openWatched();
  requests.length = 0;
  await paste(page, hostileText());
  assert.match(await page.locator('#source').inputValue(), /规章\t<img src=x onerror="window.__pwned='img'">\t<script>/);
  await assertInert(page, problems, requests, 'pasted text');

  const prevented = await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'flattened');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('#source').dispatchEvent(event);
    return event.defaultPrevented;
  }, hostileHtml());
  assert.equal(prevented, true, 'the pasted HTML is read by its tables');
  await page.waitForFunction(() => /从 Word 或网页粘贴/.test(document.querySelector('.file-name')?.textContent ?? ''));
  await assertInert(page, problems, requests, 'pasted HTML');

  await drop(page, '年报.html', Buffer.from(hostileHtml()));
  await page.waitForFunction(() => /年报\.html/.test(document.querySelector('.file-name')?.textContent ?? ''));
  assert.match(await page.locator('#source').inputValue(), /规章\t<img src=x onerror="window.__pwned='img'">\t<script>/);
  await assertInert(page, problems, requests, 'dropped .html');

  await drop(page, '年报.docx', hostileDocx());
  await page.waitForFunction(() => /年报\.docx/.test(document.querySelector('.file-name')?.textContent ?? ''));
  assert.match(await page.locator('#source').inputValue(), /规章\t<img src=x onerror="window.__pwned='img'">\t<script>/);
  await assertInert(page, problems, requests, 'dropped .docx');
  await page.close();
});

test('axe-core: no WCAG 2 A/AA violation with a report and its findings shown', async () => {
  const { page } = await openWatched();
  const text = fixture('reports/hongze-district-2023.txt').toString();
  await paste(page, replaced(text, '（一）予以公开 0 0 0 0 0 0 0', '（一）予以公开 1 0 0 0 0 0 0'));
  await page.locator('button.finding').first().click(); // a finding chosen: its cells lit, its line shown
  // Evaluated through the driver, which the page's CSP does not govern (it forbids inline scripts).
  await page.evaluate(fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
  assert.deepEqual(violations, []);
  assert.ok(result.passes.length > 20, `axe ran its checks (${result.passes.length} passed)`);
  await page.close();
});
