// <nianbao-checker>: the checker inside any page. A host page needs two lines:
//   <script type="module" src="…/nianbao/embed.js"></script>
//   <nianbao-checker></nianbao-checker>            (attribute `compact` for a narrow sidebar)
// Everything is found beside this file. The checker lives in a shadow root: the host's CSS does
// not change it and its CSS does not touch the host. After each check the element dispatches
// `nianbao-checked` (bubbling, composed) whose `detail` is the SPEC §6 document.
import init, { mount_widget } from './nianbao-web.js';

const beside = (file) => new URL(file, import.meta.url).href;
let started;
const start = () => (started ??= init({ module_or_path: beside('nianbao-web_bg.wasm') }));
// PDF and old Word files: the API module, loaded only when such a file arrives.
const readOther = (bytes) => import('./nianbao.js').then((api) => api.read(bytes));

class NianbaoChecker extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const styled = ['style.css', 'widget.css'].map((file) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = beside(file);
      root.append(link);
      return new Promise((resolve) => { link.onload = link.onerror = resolve; });
    });
    await Promise.all(styled);
    try {
      await start();
      mount_widget(root, this, readOther);
    } catch (error) {
      const panel = document.createElement('div');
      panel.id = 'boot-error';
      panel.setAttribute('role', 'alert');
      panel.textContent = '检查工具未能启动（' + error + '）。请使用新版 Chrome、Edge、Firefox 或 360/QQ 浏览器的极速模式打开。';
      root.append(panel);
    }
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);
