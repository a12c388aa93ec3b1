// Shared by the browser tests: serves dist/ from a sub-folder on 127.0.0.1, starts Debian's
// Chromium through playwright-core, opens the app and records every request the page makes.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(here, 'artifacts');
export const BASE = '/portal/tools/nianbao/'; // a sub-folder, as on a government portal

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves dist/ under BASE, and `pages` (path → HTML) as other pages of the site; returns { url, origin, close }. */
export async function serve(pages = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (pages[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pages[url.pathname]);
      return;
    }
    if (!url.pathname.startsWith(BASE)) { res.writeHead(404); res.end(); return; }
    const rel = url.pathname.slice(BASE.length) || 'index.html';
    const file = path.join(dist, path.normalize(rel));
    if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${BASE}`, origin, close: () => new Promise((r) => server.close(r)) };
}

/** Serves dist/ (and `pages`) and starts Chromium for a test file: returns { server, context }, filled in before the tests. */
export function useApp(pages = {}) {
  const app = {};
  before(async () => {
    app.server = await serve(pages);
    app.context = await launch();
  });
  after(async () => {
    await app.context?.close();
    await app.server?.close();
  });
  return app;
}

export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'nianbao-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the app; `requests` collects every request made after the page has started. */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#source');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, requests, errors };
}

export function fixture(rel) {
  return fs.readFileSync(path.join(root, 'tests/fixtures', rel));
}

/** Puts text into the paste area as a paste would, and waits for the check. */
export async function paste(page, text) {
  const before = await page.evaluate(() => document.querySelector('#summary')?.dataset.checks ?? '0');
  await page.locator('#source').fill(text);
  await page.waitForFunction((n) => (document.querySelector('#summary')?.dataset.checks ?? '0') !== n, before);
}

/** Drops a file with the given bytes on the page. */
export async function drop(page, name, bytes) {
  const dataTransfer = await page.evaluateHandle(({ name, data }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name));
    return dt;
  }, { name, data: Array.from(bytes) });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

/** Drops a file of `size` bytes of 'a', made inside the page (large files need not cross the driver). */
export async function dropGenerated(page, name, size) {
  const dataTransfer = await page.evaluateHandle(({ name, size }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(size).fill(97)], name));
    return dt;
  }, { name, size });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

export async function cellText(page, key) {
  return (await page.locator(`#cell-${key.replaceAll('.', '-')} .cell-value`).textContent()).trim();
}

export function screenshotPath(name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

/** A zip with one deflated entry word/document.xml, built by hand. */
export function docxWith(documentXml) {
  const name = Buffer.from('word/document.xml');
  const data = zlib.deflateRawSync(documentXml);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(1000, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(1000, 24); central.writeUInt16LE(name.length, 28);
  const cdOffset = 30 + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
