/*
 * lianban: replaces the config.js of the Camunda 7.24 webjar (same classpath path; the application's
 * own classes come before the webjar on the classpath). Based on the shipped file, Apache License 2.0,
 * Copyright Camunda Services GmbH.
 *
 * Language: the webapps take the first language of the browser (navigator.languages[0], e.g. "zh-CN"
 * gives "zh", "en-US" gives "en") when it is listed in availableLocales, otherwise fallbackLocale.
 * There is no language switch inside the webapps: English is chosen by putting English first in the
 * browser's language settings. zh.json next to this file is the translation written for lianban.
 */

export default {
  // one login with the project's pages, at /login: the webapps' own sign-in view is left at once; Chinese for
  // the few words the templates write outside their translations (北京时间 in the footer)
  customScripts: ['../lianban/login', '../lianban/template-words'],

  // the name in the header: the product, not the engine (as Tasklist's 联办 任务)
  app: {
    name: '首页',
    vendor: '联办'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
