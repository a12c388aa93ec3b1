// Benchmark (not a test): COUNT reports (default 100) dropped on the page at once and checked
// through the batch's Web Worker, from the drop to "检查完成", RUNS times (default 5), in Debian's
// Chromium against the built dist/. The reports cycle through the fixtures the CLI benchmark uses
// (scripts/bench-batch.sh: text, .docx, HTML). Prints one JSON object; the median is the number.
// With --zip, the same reports are dropped as one .zip (deflated), opened in the worker.
// Usage: node tests/browser/bench-batch.mjs [COUNT] [RUNS] [--zip]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, root } from './harness.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--zip');
const ZIP = process.argv.includes('--zip');
const COUNT = Number(args[0] ?? 100);
const RUNS = Number(args[1] ?? 5);

const sources = ['reports', 'structured']
  .flatMap((dir) => fs.readdirSync(path.join(root, 'tests/fixtures', dir))
    .filter((f) => /\.(txt|docx|html)$/.test(f))
    .map((f) => path.join(dir, f)))
  .sort();
let fixtures = sources.map((rel) => ({ name: path.basename(rel), data: Array.from(fs.readFileSync(path.join(root, 'tests/fixtures', rel))) }));

/** A zip archive (deflated entries, UTF-8 names) of [{ name, data }]. */
function zipOf(files) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of files) {
    const bytes = Buffer.from(data);
    const packed = zlib.deflateRawSync(bytes);
    const fileName = Buffer.from(name);
    const fields = (h, at) => {
      h.writeUInt16LE(0x800, at); h.writeUInt16LE(8, at + 2); // UTF-8 name; deflate
      h.writeUInt32LE(zlib.crc32(bytes), at + 8); h.writeUInt32LE(packed.length, at + 12); h.writeUInt32LE(bytes.length, at + 16);
      h.writeUInt16LE(fileName.length, at + 20);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); fields(head, 6);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0); record.writeUInt16LE(20, 4); record.writeUInt16LE(20, 6); fields(record, 8);
    record.writeUInt32LE(offset, 42);
    local.push(head, fileName, packed);
    central.push(record, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

if (ZIP) {
  const files = Array.from({ length: COUNT }, (_, i) => ({ ...fixtures[i % fixtures.length], name: `${String(i).padStart(4, '0')}-${fixtures[i % fixtures.length].name}` }));
  fixtures = [{ name: 'reports.zip', data: Array.from(zipOf(files)) }];
}

const server = await serve();
const context = await launch();
const times = [];
let rows = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#source');
    const ms = await page.evaluate(async ({ fixtures, count }) => {
      const dt = new DataTransfer();
      for (let i = 0; i < count; i++) {
        const f = fixtures[i % fixtures.length];
        dt.items.add(new File([new Uint8Array(f.data)], `${String(i).padStart(4, '0')}-${f.name}`));
      }
      const started = performance.now();
      document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((resolve) => {
        const poll = () => (document.querySelector('#batch-status')?.textContent.startsWith('检查完成') ? resolve() : setTimeout(poll, 5));
        poll();
      });
      return performance.now() - started;
    }, { fixtures, count: ZIP ? 1 : COUNT });
    rows = await page.locator('#batch-table tbody tr').count();
    times.push(ms / 1000);
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(JSON.stringify({
  reports: rows, zip: ZIP, runs: RUNS, first_run_seconds: +times[0].toFixed(3), best_seconds: +sorted[0].toFixed(3),
  median_seconds: +median.toFixed(3), reports_per_second: Math.round(rows / median),
}));
