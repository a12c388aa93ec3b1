// Benchmark (not a test): parse + check of each fixture through the core compiled to wasm32, in
// Debian's Chromium. Prints one JSON line per file with the median microseconds of 200 samples.
// Each sample times enough calls to last at least 10 ms (the page's clock is coarse) and divides.
// Run through scripts/bench-wasm.sh, which builds the module: node bench.mjs MODULE.wasm FILES...
import { launch } from './harness.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [wasmPath, ...files] = process.argv.slice(2);
const context = await launch();
try {
  const page = await context.newPage();
  for (const file of files) {
    const result = await page.evaluate(async ({ wasm, report }) => {
      const decode = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      // Dev-dependencies linked into the example import wasm-bindgen's hooks; parse + check calls none.
      const module = await WebAssembly.compile(decode(wasm));
      const imports = {};
      for (const { module: m, name } of WebAssembly.Module.imports(module)) {
        (imports[m] ??= {})[name] = () => { throw new Error(`${m}.${name} is not available`); };
      }
      const instance = await WebAssembly.instantiate(module, imports);
      const { memory, input, check } = instance.exports;
      const bytes = decode(report);
      const ptr = input(bytes.length);
      new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
      const findings = check(20); // warm up
      let calls = 1;
      for (let t = 0; t < 10; ) {
        const start = performance.now();
        check(calls);
        t = performance.now() - start;
        if (t < 10) calls *= 2;
      }
      const samples = [];
      for (let i = 0; i < 200; i++) {
        const start = performance.now();
        check(calls);
        samples.push(((performance.now() - start) * 1000) / calls);
      }
      samples.sort((a, b) => a - b);
      return { findings, calls, median_us: Math.round(samples[100]), min_us: Math.round(samples[0]) };
    }, { wasm: fs.readFileSync(wasmPath).toString('base64'), report: fs.readFileSync(file).toString('base64') });
    console.log(JSON.stringify({ file: path.basename(file), ...result }));
  }
} finally {
  await context.close();
}
