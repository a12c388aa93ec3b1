// <nianbao-checker> in a CMS-like page with hostile CSS, loaded from the app's sub-folder: every
// interaction inside the shadow root (paste, click, keyboard, drop, choose file, export), the
// `nianbao-checked` event, host styles unchanged, the widget unchanged by the host, 360 px, no
// request after load, the panic panel, and 0 axe-core WCAG 2 A/AA violations inside the shadow root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, fixture, BASE, screenshotPath, here } from './harness.mjs';

const HOSTILE = `
  * { font-family: "Comic Sans MS", serif !important; color: #c00 !important; line-height: 3 !important; box-sizing: content-box; letter-spacing: 2px; }
  body { background: #ffd; font-size: 22px; text-align: center; }
  div, section, table, td, th, p, ol, li, button, textarea, select, h1, h2, h3 { margin: 20px !important; padding: 15px !important; border: 4px dotted lime !important; }
  button, .button { background: hotpink !important; text-transform: uppercase; }
  table { display: block; } td { display: inline; } .app, .cell, #source { display: none !important; }
  .sidebar { width: 360px; float: right; }
`;
const host = (widget, hostile = true) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某区人民政府 · 政务公开</title>
<style>${hostile ? HOSTILE : '.sidebar { width: 360px; float: right; }'}</style>
${widget ? `<script type="module" src="${BASE}embed.js"></script>` : ''}</head>
<body><h1 class="title">政府信息公开</h1><p class="lead">本栏目提供年度报告检查工具。</p><button class="host-button">返回首页</button>
<div class="${widget === 'sidebar' ? 'sidebar' : 'column'}">${widget ? `<nianbao-checker${widget === 'sidebar' ? ' compact' : ''}></nianbao-checker>` : ''}</div>
<script type="module">window.checked = []; document.addEventListener('nianbao-checked', (e) => window.checked.push(e.detail));</script>
</body></html>`;

const app = useApp({
  '/cms/article.html': host('column'),
  '/cms/sidebar.html': host('sidebar'),
  '/cms/plain.html': host(null),
  '/cms/neutral.html': host('column', false),
});

const W = 'nianbao-checker';

async function open(pathname) {
  const page = await app.context.newPage();
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(`${app.server.origin}${pathname}`);
  await page.waitForSelector(`${W} #source`);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests, errors, consoleErrors };
}

const shadow = (page, fn, arg) => page.evaluate(({ fn, arg }) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('nianbao-checker').shadowRoot, arg), { fn: fn.toString(), arg });
const checks = (page) => shadow(page, (root) => root.querySelector('#summary')?.dataset.checks ?? '0');

async function paste(page, text) {
  const before = await checks(page);
  await page.locator(`${W} #source`).fill(text);
  await page.waitForFunction((n) => (document.querySelector('nianbao-checker').shadowRoot.querySelector('#summary')?.dataset.checks ?? '0') !== n, before);
}

/** Computed styles of the host page's own elements. */
const hostStyles = (page) => page.evaluate(() => ['h1.title', 'p.lead', 'button.host-button', 'body'].map((s) => {
  const c = getComputedStyle(document.querySelector(s));
  return [s, c.fontFamily, c.color, c.fontSize, c.lineHeight, c.backgroundColor, c.margin, c.padding, c.border, c.textTransform];
}));

/** Computed styles of the widget's elements. */
const widgetStyles = (page) => shadow(page, (root) => ['.masthead h1', '#source', '.button', 'td.cell', 'table.official', '.finding .message'].map((s) => {
  const el = root.querySelector(s);
  const c = getComputedStyle(el);
  return [s, c.fontFamily, c.color, c.fontSize, c.lineHeight, c.backgroundColor, c.margin, c.padding, c.borderTopWidth, c.display, c.letterSpacing, c.textTransform];
}));

test('paste in the widget marks the cells, dispatches nianbao-checked, and the host is untouched', async () => {
  const plain = await app.context.newPage();
  await plain.goto(`${app.server.origin}/cms/plain.html`);
  const hostBefore = await hostStyles(plain);
  await plain.close();

  const { page, requests, errors } = await open('/cms/article.html');
  const text = fixture('reports/huaian-city-2024.txt').toString()
    .replace('（一）予以公开 1288 21 0 0 50 3 1362', '（一）予以公开 1288 22 0 0 50 3 1362');
  await paste(page, text);
  const cell = page.locator(`${W} #cell-applications-granted-commercial`);
  assert.match(await cell.getAttribute('class'), /sev-error/);
  assert.equal((await page.locator(`${W} #cell-applications-granted-commercial .cell-value`).textContent()).trim(), '22');
  assert.match(await page.locator(`${W} #cell-applications-granted-total`).getAttribute('class'), /sev-error/);
  assert.doesNotMatch(await page.locator(`${W} #cell-applications-partial-natural`).getAttribute('class'), /sev-/);
  assert.match(await page.locator(`${W} #verdict`).textContent(), /2 个错误/);

  const events = await page.evaluate(() => window.checked);
  assert.equal(events.length, 1, 'one event per check');
  assert.equal(events[0].organ, '淮安市人民政府');
  assert.equal(events[0].cells['applications.granted.commercial'].value, 22);
  assert.deepEqual(events[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort(), ['T3-PROCESSED', 'T3-ROW-TOTAL']);

  assert.deepEqual(await hostStyles(page), hostBefore, 'the host page looks the same with the widget');
  const neutral = await app.context.newPage();
  await neutral.goto(`${app.server.origin}/cms/neutral.html`);
  await neutral.waitForSelector(`${W} #source`);
  await paste(neutral, text);
  assert.deepEqual(await widgetStyles(page), await widgetStyles(neutral), 'the hostile CSS does not reach the widget');
  await neutral.close();
  await page.screenshot({ path: screenshotPath('widget-hostile-host.png'), fullPage: true });
  assert.deepEqual(requests, [], 'no request after load');
  assert.deepEqual(errors, []);
  await page.close();
});

test('click, keyboard, rich paste, drop, choose file and export inside the shadow root', async () => {
  const { page, requests } = await open('/cms/article.html');
  await paste(page, fixture('reports/hongze-district-2023.txt').toString());

  // Click a finding: its cell lights up and the source line is selected.
  await page.locator(`${W} button.finding[data-rule="T4-TOTAL"]`).first().click();
  assert.match(await page.locator(`${W} #cell-reviews-review-upheld`).getAttribute('class'), /selected/);
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelector('#source').dataset.line === '131');
  assert.equal(await shadow(page, (root) => root.activeElement?.id), 'cell-reviews-review-upheld', 'the finding focuses its first cell');
  // Click a cell: its findings light up.
  await page.locator(`${W} #cell-applications-new-total`).click();
  await page.locator(`${W} #cell-reviews-review-total`).click();
  assert.match(await page.locator(`${W} button.finding[data-rule="T4-TOTAL"]`).first().getAttribute('class'), /related/);

  // Keyboard: Tab from the sample menu reaches a finding; Enter focuses its cell; Tab moves on.
  await page.locator(`${W} #sample-menu`).focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await shadow(page, (root) => root.activeElement?.classList.contains('finding'));
  }
  assert.ok(reached, 'Tab reaches a finding');
  await page.keyboard.press('Enter');
  assert.equal(await shadow(page, (root) => root.activeElement.id), 'cell-reviews-review-upheld');
  assert.equal(await shadow(page, (root) => getComputedStyle(root.activeElement.querySelector('.tip')).display), 'block');
  await page.keyboard.press('Tab');
  assert.equal(await shadow(page, (root) => root.activeElement.id), 'cell-reviews-review-corrected');
  // Space on a cell chooses it.
  await page.keyboard.press(' ');
  assert.match(await page.locator(`${W} #cell-reviews-review-corrected`).getAttribute('class'), /selected/);

  // Typing: the text is the textarea's (not the host's), re-checked after a pause.
  await page.locator(`${W} #source`).focus();
  await page.keyboard.press('Control+End');
  const before = await checks(page);
  await page.keyboard.type('\n补充说明');
  await page.waitForFunction((n) => document.querySelector('nianbao-checker').shadowRoot.querySelector('#summary').dataset.checks !== n, before);
  assert.match(await page.locator(`${W} #source`).inputValue(), /^- 1 -[\s\S]*补充说明$/);

  // A paste from Word (text/html) inside the shadow root.
  const html = fixture('structured/huaian-city-2024.word-clipboard.html').toString();
  const prevented = await shadow(page, (root, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '（表格已被压平）');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    root.querySelector('#source').dispatchEvent(event);
    return event.defaultPrevented;
  }, html);
  assert.equal(prevented, true);
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelector('#organ')?.textContent === '淮安市人民政府');
  assert.equal(await page.locator(`${W} #cell-applications-new-total`).getAttribute('title'), '来源：网页表格 2 第 4 行第 8 格');

  // Drop a .docx on the widget, with a second file: the widget has no batch view, so it reads the
  // first and says so.
  const docx = [...fixture('structured/hongze-district-2023.docx')];
  await shadow(page, (root, data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], '洪泽区2023年报.docx'));
    dt.items.add(new File(['另一份报告'], '另一份.txt'));
    root.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  }, docx);
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelector('#organ')?.textContent === '洪泽区人民政府');
  assert.equal(await page.locator(`${W} #cell-reviews-review-upheld`).getAttribute('title'), '来源：Word 表格 3 第 4 行第 1 格');
  await page.waitForSelector(`${W} .notice`);
  assert.match(await page.locator(`${W} .notice-text`).textContent(), /^拖入了 2 个文件，这里一次检查一份报告：已载入第一个文件“洪泽区2023年报\.docx”。/);
  await page.locator(`${W} .notice-close`).click();

  // Choose a file with the file picker; an image is refused with the notice, the text kept.
  const kept = await page.locator(`${W} #source`).inputValue();
  await page.locator(`${W} #file-input`).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await page.waitForSelector(`${W} .notice`);
  assert.match(await page.locator(`${W} .notice-text`).textContent(), /文件“photo\.png”未载入：这是图片文件/);
  assert.equal(await page.locator(`${W} #source`).inputValue(), kept);
  await page.locator(`${W} .notice-close`).click();
  assert.equal(await page.locator(`${W} .notice`).count(), 0, 'the notice closes');
  await page.locator(`${W} #file-input`).setInputFiles({ name: '2024.txt', mimeType: 'text/plain', buffer: fixture('reports/hongze-district-2024.txt') });
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelector('#year')?.textContent === '2024');

  // The sample menu, then the exports.
  await page.locator(`${W} #sample-menu`).selectOption({ label: '洪泽区人民政府 2023（表四有误）' });
  await page.waitForFunction(() => document.querySelector('nianbao-checker').shadowRoot.querySelector('#year')?.textContent === '2023');
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator(`${W} #export-json`).click()]);
  const doc = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.organ, '洪泽区人民政府');
  assert.deepEqual(doc, (await page.evaluate(() => window.checked)).at(-1), 'the event carries the exported document');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(`${W} #export-csv`).click()]);
  assert.match(fs.readFileSync(await csv.path()).toString('utf8'), /"T4-TOTAL","错误","131"/);
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [], 'no request after load');
  await page.close();
});

test('axe-core: no WCAG 2 A/AA violation in the widget with a report and its findings shown', async () => {
  const { page } = await open('/cms/article.html');
  const text = fixture('reports/hongze-district-2023.txt').toString();
  assert.ok(text.includes('（一）予以公开 0 0 0 0 0 0 0'));
  await paste(page, text.replace('（一）予以公开 0 0 0 0 0 0 0', '（一）予以公开 1 0 0 0 0 0 0'));
  await page.locator(`${W} button.finding`).first().click(); // a finding chosen: its cells lit, its line shown
  await page.evaluate(fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  // The widget as context: axe walks its open shadow root (the host page's own markup is not ours).
  const result = await page.evaluate(() => window.axe.run(document.querySelector('nianbao-checker'),
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${JSON.stringify(v.nodes[0].target)}`);
  assert.deepEqual(violations, []);
  // Inside the shadow root, a node's target is the host's selector, then the selector within it.
  const inShadow = result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0]) && n.target[0][0] === W);
  assert.ok(inShadow.length > 50, `axe checked the widget's own elements (${inShadow.length} nodes passed)`);
  assert.ok(result.passes.length > 20, `axe ran its checks (${result.passes.length} passed)`);
  await page.close();
});

test('in a 360 px sidebar the widget stacks and fits', async () => {
  const { page, requests } = await open('/cms/sidebar.html');
  await paste(page, fixture('reports/hongze-district-2023.txt').toString());
  const layout = await shadow(page, (root) => ({
    width: root.querySelector('.nianbao-root').getBoundingClientRect().width,
    overflow: root.querySelector('.app').scrollWidth,
    columns: getComputedStyle(root.querySelector('.workspace')).gridTemplateColumns.split(' ').length,
  }));
  assert.equal(layout.width, 360);
  assert.ok(layout.overflow <= 360, `nothing sticks out (${layout.overflow})`);
  assert.equal(layout.columns, 1, 'paste area above the results');
  await page.locator(`${W} #findings`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('widget-360-findings.png') });
  assert.deepEqual(requests, []);
  await page.close();
});

test('a bug shows the Chinese error panel inside the widget, with its message in the console', async () => {
  const { page, consoleErrors } = await open('/cms/article.html');
  await paste(page, fixture('reports/hongze-district-2024.txt').toString());
  await page.evaluate(async (url) => {
    const app = await import(url);
    try { app.nianbao_test_panic(); } catch { /* the wasm trap after the hook */ }
  }, `${BASE}nianbao-web.js`);
  await page.waitForSelector(`${W} #panic-panel`);
  assert.match(await page.locator(`${W} #panic-panel`).textContent(), /页面出错了。.*您粘贴或载入的报告仍在文本框中/);
  assert.match(await page.locator(`${W} #source`).inputValue(), /^- 1 -\n淮安市洪泽区人民政府/);
  assert.ok(consoleErrors.some((m) => m.includes('nianbao_test_panic')), `console: ${consoleErrors}`);
  await page.close();
});
