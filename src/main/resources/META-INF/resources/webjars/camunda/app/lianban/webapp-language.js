/*
 * lianban: the language a webapp shows, by the webapps' own rule: the browser's first language when the webapp's
 * config.js offers it (locales.availableLocales), otherwise its fallback locale. The custom scripts use it to speak
 * the same language as the page.
 */
export function webappLanguage(locales = {}) {
  const offered = locales.availableLocales || ['en'];
  const first = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
    .split('-')[0]
    .toLowerCase();
  return offered.includes(first) ? first : locales.fallbackLocale || 'en';
}
