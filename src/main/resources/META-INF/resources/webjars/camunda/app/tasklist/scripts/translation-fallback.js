/*
 * lianban: now and then Tasklist draws a few of its words before its translation has loaded and never draws them
 * again: on a slow start the sorting's CREATION_DATE and the search's SEARCH_PLACEHOLDER stayed on screen for good.
 * A translation key left as a whole text or placeholder is replaced by its word from the same locales/<language>.json
 * that Tasklist reads. Loaded by customScripts in config.js.
 */
import { webappLanguage } from './webapp-language.js';

const KEY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

function word(key, words) {
  return key && KEY.test(key.trim()) && typeof words[key.trim()] === 'string' ? words[key.trim()] : null;
}

/** The keys in a node and below it: whole texts, and placeholders of fields. */
function translateIn(root, words) {
  if (root.nodeType === Node.TEXT_NODE) {
    const found = word(root.nodeValue, words);
    if (found) {
      root.nodeValue = root.nodeValue.replace(root.nodeValue.trim(), found);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    translateIn(node, words);
  }
  [root, ...root.querySelectorAll('[placeholder]')].forEach((field) => {
    const found = word(field.getAttribute('placeholder'), words);
    if (found) {
      field.setAttribute('placeholder', found);
    }
  });
}

fetch(new URL(`../locales/${webappLanguage()}.json`, import.meta.url), { credentials: 'same-origin' })
  .then((answer) => (answer.ok ? answer.json() : {}))
  .then((locale) => {
    const words = locale.labels || {};
    translateIn(document.body, words);
    // only what changed is looked at; a replaced word changes the text again, which then is no key: no loop
    new MutationObserver((changes) => changes.forEach((change) => {
      if (change.type === 'childList') {
        change.addedNodes.forEach((node) => translateIn(node, words));
      } else {
        translateIn(change.target, words);
      }
    }))
      .observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true,
        attributeFilter: ['placeholder'] });
  });
