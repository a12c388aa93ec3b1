// Trunk's post-build hook (Trunk.toml): makes three files from the compiled ones in the staging dir.
// - nianbao-api-wasm.js: the API's wasm as a script module (base64), so that the page can load
//   the API lazily under its `connect-src 'none'` lock (scripts may still come from 'self');
//   nianbao-xlsx-wasm.js the same for the batch's .xlsx writer.
// - nianbao-offline.html: the page as one file — style, app, API and both wasm inline — that works
//   from file:// with no network; its CSP allows exactly its own script and style, by hash.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const read = (file) => fs.readFileSync(path.join(dir, file));
const text = (file) => read(file).toString('utf8');
const hash = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Writes <name>-wasm.js: the wasm of <name> (<name>_bg.wasm) as a module; returns it in base64. */
function wasmScript(name) {
  const wasm = read(`${name}_bg.wasm`).toString('base64');
  fs.writeFileSync(path.join(dir, `${name}-wasm.js`),
    `// The wasm of ${name} (${name}_bg.wasm) as a module, for pages that may not fetch.\n` +
    `export default Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));\n`);
  return wasm;
}
const apiWasm = wasmScript('nianbao-api');
// The batch's .xlsx writer, loaded by its worker on the first export.
wasmScript('nianbao-xlsx');

/** A wasm-bindgen or nianbao.js module as statements inside a function: no imports, no exports. */
function unexported(source, imports = {}) {
  let out = source.replace(/^export (async function|function|class) /gm, '$1 ').replace(/^export \{[^}]*\};?$/gm, '');
  for (const [line, replacement] of Object.entries(imports)) {
    if (!out.includes(line)) throw new Error(`post-build: expected "${line}"`);
    out = out.replace(line, replacement);
  }
  if (/^\s*(import|export)\b/m.test(out)) throw new Error('post-build: a module statement is left');
  return out;
}

const script = `
${text('nianbao-web.js')}
const nianbaoApi = (() => {
${unexported(text('nianbao-api.js'))}
return { __wbg_init, checkBytes, fresh, rules, read, testPanic };
})();
const nianbao = (() => {
${unexported(text('nianbao.js'), { "import init, * as api from './nianbao-api.js';": 'const api = nianbaoApi; const init = api.__wbg_init;' })}
return { read, useWasm };
})();
const base64Bytes = (data) => Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
const API_WASM = ${JSON.stringify(apiWasm)};
const readOther = (bytes) => {
  nianbao.useWasm(base64Bytes(API_WASM));
  return nianbao.read(bytes);
};
try {
  await __wbg_init({ module_or_path: base64Bytes(${JSON.stringify(read('nianbao-web_bg.wasm').toString('base64'))}) });
  mount_page(readOther);
} catch (error) {
  const panel = document.getElementById('boot-error');
  panel.hidden = false;
  panel.textContent = '页面未能启动（' + error + '）。请使用新版 Chrome、Edge、Firefox 或 360/QQ 浏览器的极速模式打开。';
}
`;
const style = text('style.css');
for (const [name, body] of [['script', script], ['style', style]]) {
  if (body.includes(`</${name}`)) throw new Error(`post-build: </${name} inside the inline ${name}`);
}
const csp = [
  "default-src 'none'", `script-src ${hash(script)} 'wasm-unsafe-eval'`, `style-src ${hash(style)}`, 'img-src data: blob:',
  "font-src 'none'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'",
].join('; ');
const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- The offline edition: one file, nothing loaded from anywhere, no connection possible. -->
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>政府信息公开工作年度报告检查（离线版） · nianbao</title>
<style>${style}</style>
<script type="module">${script}</script>
</head>
<body>
<noscript>本页面需要启用 JavaScript 才能检查报告（检查在本机完成，不会上传任何内容）。</noscript>
<div id="boot-error" hidden></div>
</body>
</html>
`;
fs.writeFileSync(path.join(dir, 'nianbao-offline.html'), html);
