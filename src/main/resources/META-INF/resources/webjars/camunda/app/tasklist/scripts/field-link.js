/*
 * lianban: grid workers and community secretaries land in Tasklist after logging in; on the spot they report from
 * the phone page /m (手机上报). Tasklist's menu gets a link to it for whoever may open it (the page answers anyone
 * else 403), put back should Tasklist draw its header again. Loaded by customScripts in config.js.
 */
import { webappLanguage } from './webapp-language.js';

const LABEL = { zh: '手机上报', en: 'Report from the phone' };

function addLink() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (!menu || menu.querySelector('.lianban-field')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'lianban-field';
  const link = document.createElement('a');
  link.href = '/m';
  link.textContent = LABEL[webappLanguage()] || LABEL.en;
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

fetch('/m', { method: 'HEAD', credentials: 'same-origin' }).then((answer) => {
  if (answer.ok) {
    addLink();
    new MutationObserver(addLink).observe(document.body, { childList: true, subtree: true });
  }
});
