/*
 * lianban: words the webapps' templates write outside their translations, put in Chinese on a Chinese page. The
 * footer names the browser's time zone by its tz database id ("Asia/Shanghai"): China's zone reads 北京时间, as
 * people here call it. Alerts carry a "Close" for screen readers: it reads 关闭. Other zones keep their id, and
 * pages in other languages keep their words. A page is Chinese when its footer's translated label is.
 * Loaded by each webapp's config.js (customScripts); the webapp draws its views after the script runs, hence the
 * observer.
 */
const BEIJING = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);
const CHINESE = /[\u4e00-\u9fff]/;

function putInChinese() {
  const zone = document.querySelector('#footer-timezone i');
  if (!zone || !CHINESE.test(zone.parentElement.textContent)) {
    return;
  }
  if (BEIJING.has(zone.textContent.trim())) {
    zone.textContent = '北京时间';
  }
  document.querySelectorAll('.sr-only').forEach((hidden) => {
    if (hidden.textContent.trim() === 'Close') {
      hidden.textContent = '关闭';
    }
  });
}

new MutationObserver(putInChinese).observe(document.body, { childList: true, subtree: true, characterData: true });
putInChinese();
