// Starts the app, then forbids every further connection: a second Content-Security-Policy can
// only tighten the first, so after this line the page cannot fetch, post or open a socket.
import init from './nianbao-web.js';

try {
  await init({ module_or_path: new URL('./nianbao-web_bg.wasm', import.meta.url) });
} catch (error) {
  const panel = document.getElementById('boot-error');
  panel.hidden = false;
  panel.textContent = '页面未能启动（' + error + '）。请使用新版 Chrome、Edge、Firefox 或 360/QQ 浏览器的极速模式打开。';
}
const lock = document.createElement('meta');
lock.httpEquiv = 'Content-Security-Policy';
lock.content = "connect-src 'none'; img-src data: blob:; font-src 'none'; form-action 'none'";
document.head.appendChild(lock);
