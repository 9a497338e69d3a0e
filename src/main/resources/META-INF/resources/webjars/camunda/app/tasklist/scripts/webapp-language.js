/* lianban: Tasklist's language (../lianban/webapp-language.js) by the locales of its own config.js. */
import config from './config.js';
import { webappLanguage as languageOf } from '../../lianban/webapp-language.js';

export function webappLanguage() {
  return languageOf(config.locales);
}
