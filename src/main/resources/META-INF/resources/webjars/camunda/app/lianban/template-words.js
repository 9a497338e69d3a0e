/*
 * lianban: words the webapps' templates write outside their translations, put in Chinese on a Chinese page. The
 * footer names the browser's time zone by its tz database id ("Asia/Shanghai"): China's zone reads 北京时间, as
 * people here call it. Alerts carry a "Close" for screen readers: it reads 关闭. Other zones keep their id, and
 * pages in other languages keep their words. A page is Chinese when its footer's translated label is.
 * Loaded by each webapp's config.js (customScripts); the webapp draws its views after the script runs, hence the
 * observer, which looks at the whole page once it is known to be Chinese and then only at what changed.
 */
const BEIJING = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);
const CHINESE = /[\u4e00-\u9fff]/;

/** The elements of root (an element or the document) and below that match the selector. */
function within(root, selector) {
  return [...(root.matches && root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
}

function putInChinese(root) {
  within(root, '#footer-timezone i').filter((zone) => BEIJING.has(zone.textContent.trim()))
    .forEach((zone) => { zone.textContent = '北京时间'; });
  within(root, '.sr-only').filter((hidden) => hidden.textContent.trim() === 'Close')
    .forEach((hidden) => { hidden.textContent = '关闭'; });
}

function pageIsChinese() {
  const footer = document.getElementById('footer-timezone');
  return footer !== null && CHINESE.test(footer.textContent);
}

let chinese = false;

/** Until the page is known to be Chinese, whether it is now, and then the whole page once. */
function learnLanguage() {
  chinese = pageIsChinese();
  if (chinese) {
    putInChinese(document);
  }
}

new MutationObserver((changes) => {
  if (!chinese) {
    learnLanguage();
    return;
  }
  // the words arrive in new elements, or as new text in one (the zone, bound to a variable); what this script
  // writes is new text only, so it does not come back here
  changes.forEach((change) => {
    if (change.type === 'characterData') {
      if (change.target.parentElement) {
        putInChinese(change.target.parentElement);
      }
    } else {
      change.addedNodes.forEach((node) => node.nodeType === Node.ELEMENT_NODE && putInChinese(node));
    }
  });
}).observe(document.body, { childList: true, subtree: true, characterData: true });
learnLanguage();
