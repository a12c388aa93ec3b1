// The app in Debian's Chromium, as a clerk uses it: paste, drop, click, keyboard, export — and
// not a single network request after the page has loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useApp, open, paste, drop, dropGenerated, fixture, cellText, screenshotPath } from './harness.mjs';

const app = useApp();

// A dozen cells per sample, by key, as printed in the report (reviewed against the texts).
const CELLS = {
  '000_675c1ca713925614.txt': {
    'active.licensing.prev_items': '4', 'active.licensing.change': '0', 'active.licensing.decisions': '50',
    'active.procurement.projects': '19', 'active.procurement.amount': '1187.0427\u00a0万元', 'active.rules.made': '0',
    'applications.new.total': '0', 'applications.granted.natural': '0', 'applications.other.total': '0',
    'applications.processed.total': '0', 'reviews.review.total': '0', 'reviews.lawsuit_after_review.total': '0',
  },
  '001_1feac183b5673ebd.txt': {
    'active.normative.made': '1', 'active.licensing.prev_items': '35', 'active.licensing.change': '+156',
    'active.licensing.decisions': '191', 'active.other_services.decisions': '189', 'active.penalty.change': '+93',
    'active.fees.change': '+1', 'active.procurement.amount': '3189300元', 'applications.new.total': '4',
    'applications.partial.natural': '1', 'applications.denied_law.total': '3', 'applications.processed.total': '4',
  },
  '002_f4b8342ecd306093.txt': {
    'active.rules.made': '—', 'active.normative.public_total': '0', 'active.licensing.decisions': '0',
    'active.procurement.amount': '0', 'applications.new.total': '0', 'applications.granted.total': '0',
    'applications.ignored_confirm.total': '0', 'applications.other.natural': '0', 'applications.processed.total': '0',
    'applications.carried_out.total': '0', 'reviews.review.upheld': '0', 'reviews.lawsuit_direct.total': '0',
  },
  '003_4130bab209259fbf.txt': {
    'active.rules.made': '0', 'active.normative.public_total': '0', 'active.licensing.prev_items': '0',
    'active.coercion.decisions': '0', 'active.fees.change': '0', 'active.procurement.projects': '0',
    'applications.new.total': '0', 'applications.denied_query.total': '0', 'applications.unable_unclear.total': '0',
    'applications.processed.total': '0', 'reviews.review.total': '0', 'reviews.lawsuit_after_review.pending': '0',
  },
  '004_1a03130d040d2924.txt': {
    'active.normative.made': '8', 'active.normative.published': '8', 'active.normative.public_total': '8',
    'active.rules.public_total': '0', 'active.penalty.decisions': '0', 'active.procurement.amount': '0',
    'applications.new.total': '0', 'applications.carried_in.total': '0', 'applications.partial.total': '0',
    'applications.processed.total': '0', 'reviews.review.upheld': '0', 'reviews.lawsuit_direct.pending': '0',
  },
  'hongze-district-2023.txt': {
    'active.normative.repealed': '5', 'active.normative.in_force': '5', 'active.licensing.decisions': '550',
    'active.penalty.decisions': '4119', 'active.fees.amount_wan': '7730.28', 'applications.new.total': '21',
    'applications.partial.total': '4', 'applications.unable_not_held.natural': '10', 'applications.other.total': '0',
    'applications.processed.total': '21', 'reviews.review.upheld': '10', 'reviews.lawsuit_after_review.upheld': '5',
  },
  'hongze-district-2024.txt': {
    'active.normative.issued': '3', 'active.normative.in_force': '8', 'active.licensing.decisions': '9487',
    'active.coercion.decisions': '84', 'active.fees.amount_wan': '7545', 'applications.new.total': '95',
    'applications.granted.total': '50', 'applications.unable_not_held.total': '31', 'applications.processed.total': '95',
    'reviews.review.total': '2', 'reviews.lawsuit_direct.upheld': '1', 'reviews.lawsuit_after_review.total': '3',
  },
  'huaian-city-2024.txt': {
    'active.normative.repealed': '26', 'active.licensing.decisions': '447228', 'active.penalty.decisions': '3985758',
    'active.fees.amount_wan': '96171.6', 'applications.new.natural': '3001', 'applications.new.total': '3119',
    'applications.carried_in.total': '34', 'applications.unable_not_held.total': '769', 'applications.other_misc.total': '110',
    'applications.processed.total': '3050', 'reviews.review.other': '178', 'reviews.lawsuit_after_review.pending': '6',
  },
};

test('pasting each sample shows its values in the right cells', async () => {
  const { page, requests, errors } = await open(app.context, app.server.url);
  for (const [file, cells] of Object.entries(CELLS)) {
    await paste(page, fixture(`reports/${file}`).toString());
    for (const [key, value] of Object.entries(cells)) {
      assert.equal(await cellText(page, key), value, `${file}: ${key}`);
    }
  }
  assert.deepEqual(requests, [], 'no request while pasting');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a changed 表三 number marks the cell and its partners, and the finding shows its line', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  const text = fixture('reports/huaian-city-2024.txt').toString()
    .replace('（一）予以公开 1288 21 0 0 50 3 1362', '（一）予以公开 1288 22 0 0 50 3 1362');
  await paste(page, text);
  const cell = page.locator('#cell-applications-granted-commercial');
  assert.match(await cell.getAttribute('class'), /sev-error/);
  assert.equal(await cellText(page, 'applications.granted.commercial'), '22');
  // Partners: the row total (T3-ROW-TOTAL) and the column total (T3-PROCESSED).
  assert.match(await page.locator('#cell-applications-granted-total').getAttribute('class'), /sev-error/);
  assert.match(await page.locator('#cell-applications-processed-commercial').getAttribute('class'), /sev-error/);
  assert.doesNotMatch(await page.locator('#cell-applications-partial-natural').getAttribute('class'), /sev-/, 'a cell in neither identity stays unmarked');
  const finding = page.locator('button.finding[data-rule="T3-ROW-TOTAL"]');
  assert.equal(await finding.count(), 1);
  assert.match(await finding.textContent(), /表三“（一）予以公开”行：“总计”列为 1362，但六类申请人相加为 1363。建议：表三“（一）予以公开”行“商业企业”列改为 21。/);
  assert.match(await page.locator('#verdict').textContent(), /2 个错误/);

  await finding.click();
  await page.waitForFunction(() => document.querySelector('#source').dataset.line === '102');
  const source = await page.evaluate(() => {
    const el = document.querySelector('#source');
    const lineStart = el.value.split('\n').slice(0, 101).join('\n').length + 1;
    return { start: el.selectionStart, lineStart, top: el.scrollTop };
  });
  assert.equal(source.start, source.lineStart, 'the source line 102 is selected');
  assert.ok(source.top > 1000, `scrolled to line 102 (scrollTop ${source.top})`);
  assert.match(await cell.getAttribute('class'), /selected/, 'the finding lights up its cells');

  // The reverse: clicking a cell lights up its findings.
  await page.locator('#cell-applications-processed-commercial').click();
  assert.match(await page.locator('button.finding[data-rule="T3-PROCESSED"]').getAttribute('class'), /related/);
  assert.deepEqual(requests, []);
  await page.close();
});

test('dropping a GBK file works; a binary file shows a message and keeps the text', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  await drop(page, '淮安市2024年报（GBK）.txt', fixture('encodings/huaian-city-2024.gbk.txt'));
  await page.waitForSelector('#summary');
  assert.equal(await page.locator('#organ').textContent(), '淮安市人民政府');
  assert.equal(await cellText(page, 'applications.new.total'), '3119');
  const text = await page.locator('#source').inputValue();
  assert.ok(text.startsWith('- 1 -\n淮安市人民政府'));

  await drop(page, 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice-text').textContent(), /文件“photo\.png”未载入：这是图片文件/);
  assert.equal(await page.locator('#source').inputValue(), text, 'the text is kept');

  await drop(page, 'random.bin', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
  await page.waitForFunction(() => /二进制/.test(document.querySelector('.notice-text')?.textContent ?? ''));
  assert.equal(await page.locator('#source').inputValue(), text);
  assert.deepEqual(requests, []);
  await page.close();
});

test('huge input is refused with a message and the page stays usable', async () => {
  const { page } = await open(app.context, app.server.url);
  await paste(page, fixture('reports/hongze-district-2024.txt').toString());
  await dropGenerated(page, 'huge.txt', 10 * 1024 * 1024);
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice-text').textContent(), /超过 4 MB 的上限，未载入/);
  const prevented = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(10 * 1024 * 1024));
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('#source').dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(prevented, true, 'a 10 MB paste is stopped');
  assert.match(await page.locator('.notice-text').textContent(), /粘贴的内容有 10\.0 MB/);
  assert.equal(await cellText(page, 'applications.new.total'), '95', 'the report is still shown');
  await page.close();
});

test('export JSON and CSV, with no network request', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  await paste(page, fixture('reports/hongze-district-2023.txt').toString());
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const doc = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.organ, '洪泽区人民政府');
  assert.deepEqual(doc.findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['T4-TOTAL', 'T4-TOTAL']);
  assert.equal(doc.cells['reviews.review.upheld'].value, 10);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const bytes = fs.readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  assert.match(bytes.toString('utf8'), /"T4-TOTAL","错误","131"/);
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [], 'only in-page blob: downloads');
  // The page cannot connect anywhere even if it tried: the second CSP forbids it.
  const blocked = await page.evaluate(async () => {
    try { await fetch('./index.html'); return false; } catch { return true; }
  });
  assert.equal(blocked, true, 'fetch is refused by connect-src none');
  await page.close();
});

test('keyboard only: Tab reaches the findings, Enter focuses the cells', async () => {
  const { page } = await open(app.context, app.server.url);
  await paste(page, fixture('reports/hongze-district-2023.txt').toString());
  await page.locator('#sample-menu').focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('finding'));
  }
  assert.ok(reached, 'Tab reaches a finding');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), 'T4-TOTAL');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-reviews-review-upheld');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.tip')).display), 'block', 'messages show on focus');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-reviews-review-corrected');
  await page.close();
});

test('a bug shows a Chinese error panel and the text stays', async () => {
  const { page } = await open(app.context, app.server.url);
  await paste(page, fixture('reports/hongze-district-2024.txt').toString());
  await page.evaluate(async () => {
    const app = await import('./nianbao-web.js');
    try { app.nianbao_test_panic(); } catch { /* the wasm trap after the hook */ }
  });
  await page.waitForSelector('#panic-panel');
  assert.match(await page.locator('#panic-panel').textContent(), /页面出错了。.*您粘贴或载入的报告仍在文本框中/);
  assert.match(await page.locator('#source').inputValue(), /^- 1 -\n淮安市洪泽区人民政府/);
  await page.close();
});

test('the sample menu loads a report, and screenshots at 1366 and 400 px', async () => {
  const { page, requests } = await open(app.context, app.server.url);
  await page.selectOption('#sample-menu', { label: '洪泽区人民政府 2023（表四有误）' });
  await page.waitForSelector('#summary');
  assert.equal(await page.locator('#year').textContent(), '2023');
  await page.screenshot({ path: screenshotPath('app-1366x768.png') });
  await page.locator('button.finding').first().click();
  await page.screenshot({ path: screenshotPath('app-1366x768-finding.png') });
  await page.setViewportSize({ width: 400, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('app-400-top.png') });
  await page.locator('#findings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('app-400-findings.png') });
  await page.locator('#table-applications').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('app-400-table.png') });
  // The print stylesheet: a check record without the editor and the buttons.
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.source')).display), 'none');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.export')).display), 'none');
  await page.screenshot({ path: screenshotPath('app-print.png'), fullPage: true });
  assert.deepEqual(requests, []);
  await page.close();
});
