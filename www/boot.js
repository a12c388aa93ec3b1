// Starts the app, then forbids every further connection: a second Content-Security-Policy can
// only tighten the first, so after this line the page cannot fetch, post or open a socket.
// PDF and old Word files go to the API module (nianbao.js), loaded only when such a file arrives;
// its wasm comes as a script (nianbao-api-wasm.js), which the lock allows, as fetch is not.
// Many files or a folder go to the batch view (batch.js and its Web Worker, loaded only then).
import init, { mount_page } from './nianbao-web.js';

async function readOther(bytes) {
  const [api, wasm] = await Promise.all([import('./nianbao.js'), import('./nianbao-api-wasm.js')]);
  api.useWasm(wasm.default);
  return api.read(bytes);
}

/** Takes a drop (DataTransfer) or chosen files (FileList) for a batch when it is more than one
 * file, a folder or a .zip (of reports: the batch tells a .docx inside from an archive by its
 * content); false leaves it to the page. Folder entries must be taken during the drop. */
function takeBatch(source) {
  const dropped = source instanceof DataTransfer;
  const entries = dropped ? [...source.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean) : [];
  const files = [...(dropped ? source.files : source)];
  const folder = entries.some((e) => e.isDirectory);
  const zip = files.some((f) => /\.zip$/i.test(f.name));
  if (files.length < 2 && !folder && !zip && !files.some((f) => f.webkitRelativePath)) return false;
  import('./batch.js').then((batch) => batch.start(folder ? entries : files));
  return true;
}

try {
  await init({ module_or_path: new URL('./nianbao-web_bg.wasm', import.meta.url) });
  mount_page(readOther, takeBatch);
} catch (error) {
  const panel = document.getElementById('boot-error');
  panel.hidden = false;
  panel.textContent = '页面未能启动（' + error + '）。请使用新版 Chrome、Edge、Firefox 或 360/QQ 浏览器的极速模式打开。';
}
const lock = document.createElement('meta');
lock.httpEquiv = 'Content-Security-Policy';
lock.content = "connect-src 'none'; img-src data: blob:; font-src 'none'; form-action 'none'";
document.head.appendChild(lock);
