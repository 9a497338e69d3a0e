/*
 * lianban: the webapps' footer names the browser's time zone by its tz database id ("Asia/Shanghai"). On a Chinese
 * page China's zone reads 北京时间, as people here call it; other zones, and pages in other languages, keep the id.
 * Loaded by each webapp's config.js (customScripts); the footer is drawn after the script runs, hence the observer.
 */
const BEIJING = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);
const CHINESE = /[\u4e00-\u9fff]/;

function nameTheZone() {
  const zone = document.querySelector('#footer-timezone i');
  if (zone && BEIJING.has(zone.textContent.trim()) && CHINESE.test(zone.parentElement.textContent)) {
    zone.textContent = '北京时间';
  }
}

new MutationObserver(nameTheZone).observe(document.body, { childList: true, subtree: true, characterData: true });
nameTheZone();
