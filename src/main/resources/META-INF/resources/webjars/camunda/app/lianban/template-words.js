/*
 * lianban: words the webapps' templates write outside their translations, put in Chinese on a Chinese page. The
 * footer names the browser's time zone by its tz database id ("Asia/Shanghai"): China's zone reads 北京时间, as
 * people here call it. Alerts carry a "Close" for screen readers: it reads 关闭. Other zones keep their id, and
 * pages in other languages keep their words. The page's language is the webapp's, by its config.js.
 * Loaded by each webapp's config.js (customScripts); the webapp draws its views after the script runs, hence the
 * observer, which looks at what changed after one look at the whole page.
 */
import { webappLanguage } from './webapp-language.js';

const BEIJING = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

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

/** On a Chinese page, the whole page once and then what changes. */
function watch(config) {
  if (webappLanguage(config.locales) !== 'zh') {
    return;
  }
  putInChinese(document);
  // the words arrive in new elements, or as new text in one (the zone, bound to a variable); what this script
  // writes is new text only, so it does not come back here
  new MutationObserver((changes) => changes.forEach((change) => {
    if (change.type === 'characterData') {
      if (change.target.parentElement) {
        putInChinese(change.target.parentElement);
      }
    } else {
      change.addedNodes.forEach((node) => node.nodeType === Node.ELEMENT_NODE && putInChinese(node));
    }
  })).observe(document.body, { childList: true, subtree: true, characterData: true });
}

// the config of the webapp this page is (/camunda/app/<webapp>/…), for its locales; not awaited at the top, since
// the webapp starts only once every custom script has run, and this fetch must not hold it up
const webapp = window.location.pathname.match(/\/app\/([^/]+)\//)[1];
import(new URL(`../${webapp}/scripts/config.js`, import.meta.url).href).then(({ default: config }) => watch(config));
