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
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // lianban's scripts (paths relative to app/tasklist/, without .js): one login with the project's pages at
  // /login (the webapps' own sign-in view is left at once), Chinese for the words the templates write outside
  // their translations (北京时间 in the footer) and for the texts of Camunda Forms, the case number shown to
  // whoever starts a process, a link to the phone page for grid workers and secretaries, and the words Tasklist
  // sometimes draws before its translation has loaded
  customScripts: ['../lianban/login', '../lianban/template-words', 'scripts/form-chinese', 'scripts/filed-case-number',
    'scripts/field-link', 'scripts/translation-fallback'],

  // the name in the header: the product, not the engine
  app: {
    name: '任务',
    vendor: '联办'
  },

  // moment.js formats; dates are shown in the browser's time zone (Asia/Shanghai on users' machines)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss dddd',
    short: 'YYYY-MM-DD'
  },

  // the shipped keyboard shortcuts, kept (this file replaces the shipped one); descriptions in Chinese
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
