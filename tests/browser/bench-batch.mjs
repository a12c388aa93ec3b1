// Benchmark (not a test): COUNT reports (default 100) dropped on the page at once and checked
// through the batch's Web Worker, from the drop to "检查完成", RUNS times (default 5), in Debian's
// Chromium against the built dist/. The reports cycle through the fixtures the CLI benchmark uses
// (scripts/bench-batch.sh: text, .docx, HTML). Prints one JSON object; the median is the number.
// Usage: node tests/browser/bench-batch.mjs [COUNT] [RUNS]
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, root } from './harness.mjs';

const COUNT = Number(process.argv[2] ?? 100);
const RUNS = Number(process.argv[3] ?? 5);

const sources = ['reports', 'structured']
  .flatMap((dir) => fs.readdirSync(path.join(root, 'tests/fixtures', dir))
    .filter((f) => /\.(txt|docx|html)$/.test(f))
    .map((f) => path.join(dir, f)))
  .sort();
const fixtures = sources.map((rel) => ({ name: path.basename(rel), data: Array.from(fs.readFileSync(path.join(root, 'tests/fixtures', rel))) }));

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
    }, { fixtures, count: COUNT });
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
  reports: rows, runs: RUNS, first_run_seconds: +times[0].toFixed(3), best_seconds: +sorted[0].toFixed(3),
  median_seconds: +median.toFixed(3), reports_per_second: Math.round(rows / median),
}));
