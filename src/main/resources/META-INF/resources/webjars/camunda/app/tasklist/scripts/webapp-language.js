/*
 * lianban: the language Tasklist shows, by Tasklist's own rule: the browser's first language when config.js offers
 * it (availableLocales), otherwise the fallback locale. The custom scripts use it to speak the same language.
 */
import config from './config.js';

export function webappLanguage() {
  const locales = config.locales || {};
  const offered = locales.availableLocales || ['en'];
  const first = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
    .split('-')[0]
    .toLowerCase();
  return offered.includes(first) ? first : locales.fallbackLocale || 'en';
}
