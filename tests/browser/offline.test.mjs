// The single-file offline edition (dist/nianbao-offline.html) opened from disk (file://) with the
// network cut: it starts, checks pasted text and dropped Word files, exports, and never makes a
// request. Its CSP (hashes, no 'unsafe-inline', connect-src 'none') is the one in force.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist, fixture, cellText, drop, paste } from './harness.mjs';

const file = path.join(dist, 'nianbao-offline.html');
let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('the offline file is one file: no src or href to load', () => {
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /\s(src|href)=/);
  assert.doesNotMatch(html, /unsafe-inline/);
  assert.match(html, /connect-src 'none'/);
});

test('from file:// with the network cut, it checks pasted text and dropped files', async () => {
  const page = await context.newPage();
  await context.setOffline(true);
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.waitForSelector('#source');

  await paste(page, fixture('reports/huaian-city-2024.txt').toString());
  assert.equal(await page.locator('#organ').textContent(), '淮安市人民政府');
  assert.equal(await cellText(page, 'applications.new.total'), '3119');
  assert.equal(await cellText(page, 'reviews.review.other'), '178');
  await page.locator('#cell-applications-new-total').click();
  assert.match(await page.locator('#cell-applications-new-total').getAttribute('class'), /selected/);
  assert.equal(await page.getAttribute('#source', 'data-line'), '92');

  await drop(page, '洪泽区2023年报.docx', fixture('structured/hongze-district-2023.docx'));
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '洪泽区人民政府');
  assert.equal(await page.locator('#cell-reviews-review-upheld').getAttribute('title'), '来源：Word 表格 3 第 4 行第 1 格');
  await drop(page, '淮安市2024年报（GBK）.txt', fixture('encodings/huaian-city-2024.gbk.txt'));
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市人民政府');

  // A PDF and a .doc go to the API inside the file (no fetch).
  await drop(page, '洪泽区2024年报.pdf', fixture('pdf/hongze-district-2024.pdf'));
  await page.waitForFunction(() => document.querySelector('#year')?.textContent === '2024');
  assert.equal(await cellText(page, 'applications.new.total'), '95');
  await drop(page, '淮安市2024年报.doc', fixture('doc/huaian-city-2024.doc'));
  await page.waitForFunction(() => document.querySelector('#organ')?.textContent === '淮安市人民政府');
  assert.equal(await cellText(page, 'applications.new.total'), '3119');

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(JSON.parse(fs.readFileSync(await json.path(), 'utf8')).organ, '淮安市人民政府');
  const blocked = await page.evaluate(async () => {
    try { await fetch('https://example.org/'); return false; } catch { return true; }
  });
  assert.equal(blocked, true);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), [], 'no request');
  assert.deepEqual(problems.filter((p) => !/example\.org/.test(p)), [], 'no CSP violation, no error');
  await context.setOffline(false);
  await page.close();
});
