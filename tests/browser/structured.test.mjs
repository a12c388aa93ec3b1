// Word and web-page input in the browser: HTML pasted from Word through a clipboard event, a
// dropped .docx (read with its table grid), and the refusals for a zip bomb and an old .doc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, drop, fixture, cellText, docxWith } from './harness.mjs';

const app = useApp();

test('HTML pasted from Word is read by its tables', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  const html = fixture('structured/huaian-city-2024.word-clipboard.html').toString();
  const prevented = await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '淮安市人民政府 2024 年政府信息公开工作年度报告（表格已被压平）');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('#source').dispatchEvent(event);
    return event.defaultPrevented;
  }, html);
  assert.equal(prevented, true, 'the HTML replaces the flattened text');
  await page.waitForSelector('#summary');
  assert.equal(await page.locator('#organ').textContent(), '淮安市人民政府');
  for (const [key, value] of Object.entries({
    'applications.new.total': '3119', 'applications.granted.legal': '50', 'applications.unable_not_held.total': '769',
    'applications.other_no_correction.natural': '67', 'reviews.review.total': '351', 'active.fees.amount_wan': '96171.6',
  })) {
    assert.equal(await cellText(page, key), value, key);
  }
  assert.match(await page.locator('#source').inputValue(), /三、本年度办理结果\t（一）予以公开\t1288\t21/);
  assert.match(await page.locator('.file-name').textContent(), /从 Word 或网页粘贴/);
  assert.equal(await page.locator('#cell-applications-new-total').getAttribute('title'), '来源：网页表格 2 第 4 行第 8 格');
  assert.match(await page.locator('#verdict').textContent(), /全部检查通过/);
  assert.deepEqual(requests, []);
  await page.close();
});

test('a dropped .docx shows the right values and where they stand in Word', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  await drop(page, '洪泽区2023年报.docx', fixture('structured/hongze-district-2023.docx'));
  await page.waitForSelector('#summary');
  assert.equal(await cellText(page, 'reviews.review.upheld'), '10');
  assert.equal(await cellText(page, 'applications.new.total'), '21');
  assert.equal(await page.locator('#cell-reviews-review-upheld').getAttribute('title'), '来源：Word 表格 3 第 4 行第 1 格');
  assert.match(await page.locator('#cell-reviews-review-total').getAttribute('class'), /sev-error/);
  assert.equal(await page.locator('button.finding[data-rule="T4-TOTAL"]').count(), 2);
  assert.deepEqual(requests, []);
  await page.close();
});

test('a zip bomb and an old .doc are refused with their messages; the text stays', async () => {
  const { page } = await open(app.context, app.server.url);
  await drop(page, 'report.docx', fixture('structured/youchegang-2020.docx'));
  await page.waitForSelector('#summary');
  const text = await page.locator('#source').inputValue();

  await drop(page, 'bomb.docx', docxWith(Buffer.alloc(64 * 1024 * 1024)));
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice-text').textContent(), /文件“bomb\.docx”未载入：文件解压后超过 32 MB 的上限/);
  assert.equal(await page.locator('#source').inputValue(), text);

  await drop(page, '年报.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  // Read by the API module (loaded for it): a .doc header with nothing behind it is damaged.
  await page.waitForFunction(() => /另存为 \.docx/.test(document.querySelector('.notice-text')?.textContent ?? ''));
  assert.match(await page.locator('.notice-text').textContent(), /文件“年报\.doc”未载入：这份旧版 Word\/WPS 文档（\.doc\/\.wps）已损坏或不完整/);
  assert.equal(await page.locator('#source').inputValue(), text);
  assert.equal(await cellText(page, 'active.licensing.change'), '+156', 'the report is still shown');
  await page.close();
});

test('a dropped PDF or .doc is read by the API module, fetched only then, as scripts', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  await drop(page, '淮安市2024年报.pdf', fixture('pdf/huaian-city-2024.pdf'));
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市人民政府');
  assert.equal(await cellText(page, 'applications.new.total'), '3119');
  assert.equal(await cellText(page, 'reviews.review.other'), '178');
  assert.match(await page.locator('#cell-applications-new-total').getAttribute('title'), /^来源：PDF 第 \d+ 页 表格 \d+ 第 \d+ 行第 \d+ 格$/);
  assert.deepEqual(requests.map((u) => u.replace(app.server.url, '')).sort(), ['nianbao-api-wasm.js', 'nianbao-api.js', 'nianbao.js']);
  await drop(page, '洪泽区2023年报.doc', fixture('doc/hongze-district-2023.doc'));
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '洪泽区人民政府');
  assert.equal(await page.locator('#cell-reviews-review-upheld').getAttribute('title'), '来源：Word 表格 3 第 4 行第 1 格');
  assert.equal(requests.length, 3, 'the module is loaded once');
  await drop(page, '加密.doc', fixture('doc/youchegang-2020.encrypted.doc'));
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice-text').textContent(), /^文件“加密\.doc”未载入：.*密码/);
  assert.equal(await cellText(page, 'reviews.review.upheld'), '10', 'the report is still shown');
  await page.close();
});
