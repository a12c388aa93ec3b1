// nianbao.js — the checker for any page or worker, as an ES module:
//   import { check, rules } from './nianbao.js';
//   const doc = await check(fileOrText, { previous, published: '2025-02-03' });
// `doc` is the SPEC §6 document, the same as `nianbao check --format json`. The wasm beside this
// file is loaded on first use. A bug inside rejects that one call; the next call gets a fresh
// instance (the module asks for one from its panic hook).
import init, * as api from './nianbao-api.js';

// Where the wasm comes from: beside this file, unless `useWasm` gave its bytes first.
let wasmSource = () => new URL('./nianbao-api_bg.wasm', import.meta.url);

/** Uses these bytes as the module's wasm (for pages that may not fetch: the page, the offline file). */
export function useWasm(bytes) {
  wasmSource = () => bytes;
}

let ready;
function load() {
  ready ??= init({ module_or_path: wasmSource() }).catch((error) => {
    ready = undefined;
    throw refusal('load-failed', '检查模块未能载入（' + error + '）。');
  });
  return ready;
}

function refusal(code, message) {
  return { code, message };
}

/** The bytes of a string (UTF-8), Uint8Array, other typed array, ArrayBuffer or Blob/File. */
async function bytesOf(input, what) {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    try {
      return new Uint8Array(await input.arrayBuffer());
    } catch (error) {
      throw refusal('unreadable', `无法读取${what}文件（${error}）。`);
    }
  }
  throw refusal('bad-input', `${what}应为文字、Uint8Array、ArrayBuffer 或文件（Blob/File）。`);
}

/** Calls the wasm; a trap (a bug) becomes an `internal` refusal, and the next call starts afresh. */
function call(f) {
  try {
    return f();
  } catch (error) {
    if (error && typeof error === 'object' && typeof error.code === 'string') throw error;
    // The glue swaps in a fresh instance at the start of the next call, but only after copying
    // that call's arguments into the old one: so make that call now, without arguments.
    try {
      api.fresh();
    } catch {
      // Not swapped yet: the next call's own start tries again.
    }
    throw refusal('internal', '检查时发生内部错误（' + error + '）。请把报告发给维护人员；再次检查会重新启动检查模块。');
  }
}

export async function check(input, options = {}) {
  const bytes = await bytesOf(input, '报告');
  const previous = options.previous == null ? undefined : await bytesOf(options.previous, '上一年度报告');
  const published = options.published ?? undefined;
  if (published !== undefined && typeof published !== 'string') {
    throw refusal('bad-option', '发布日期应为 YYYY-MM-DD 格式的文字。');
  }
  await load();
  return call(() => api.checkBytes(bytes, previous, published));
}

export async function rules() {
  await load();
  return call(() => api.rules());
}

/** The text of a file as the checker reads it (used by the page for PDF and old Word files). */
export async function read(input) {
  const bytes = await bytesOf(input, '报告');
  await load();
  return call(() => api.read(bytes));
}

/** For the tests: a deliberate bug inside the module. */
export async function testPanic() {
  await load();
  return call(() => api.testPanic());
}
