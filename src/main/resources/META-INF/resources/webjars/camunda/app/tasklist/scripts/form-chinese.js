/*
 * lianban: Chinese for the texts Camunda Forms (form-js) write themselves. form-js has no translations
 * (bpmn-io/form-js issues 77 and 443): its validation messages, placeholders and date picker are English whatever
 * the webapp's language. When Tasklist runs in Chinese this script rewrites those texts as form-js renders them;
 * an English Tasklist keeps them as they are. Loaded by customScripts in config.js.
 */
import { webappLanguage } from './webapp-language.js';

// Texts form-js (and its date picker's labels for screen readers) writes as they are.
const EXACT = new Map([
  ['Field is required.', '此项为必填项'],
  ['Field must be a valid email.', '请填写有效的电子邮箱地址'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请填写有效的电话号码（带国际区号，如 +8613800000000）'],
  ['Value is not a number.', '请填写数字'],
  ['Value is expected to be an integer.', '请填写整数'],
  ['Date and time must both be entered.', '请同时填写日期和时间'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '没有匹配的选项'],
  ['All values selected', '已全部选择'],
  ['Remove tag', '移除'],
  ['Skip to search', '跳到搜索框'],
  ['Increment', '增加'],
  ['Decrement', '减少'],
  ['hh:mm', '时:分'],
  ['hh:mm ?m', '时:分 上午/下午'],
  ['Nothing to show.', '暂无数据'],
  ['Previous page', '上一页'],
  ['Next page', '下一页'],
  ['Click to remove sorting', '点击取消排序'],
  ['No content to show.', '暂无内容'],
  ["External content couldn't be loaded.", '外部内容无法加载'],
  ['No options source defined in the form definition', '表单未定义选项来源'],
  ['Month', '月份'],
  ['Year', '年份'],
  ['Hour', '时'],
  ['Minute', '分'],
  ['Powered by bpmn.io', '由 bpmn.io 提供技术支持'],
  ['Web-based tooling for BPMN, DMN, and forms powered by', '基于 Web 的流程、决策和表单工具，技术支持：']
]);

// Texts with a value in them. A field's pattern is a regular expression: users get a sentence, never the pattern.
const PATTERNS = [
  [/^Field must match pattern .*\.$/s, () => '格式不正确'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写 ${m[1]} 个字`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `不能超过 ${m[1]} 个字`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效的值，最接近的有效值为 ${m[1]} 和 ${m[2]}`],
  [/^Click to sort by (.+) ascending$/, (m) => `点击按${m[1]}升序排列`],
  [/^Click to sort by (.+) descending$/, (m) => `点击按${m[1]}降序排列`]
];

// Attributes form-js writes text into
const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

// Dates are written as 2026-12-10, whatever order the browser's own locale uses (form-js takes that one)
const DATE_FORMAT = 'Y-m-d';
const DATE_PLACEHOLDER = '年-月-日';

// flatpickr's Chinese (months, weekdays; the week starts on Monday)
const CHINESE_DATES = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

/** The Chinese of a form-js text, or null when the text is not one of form-js's own. */
function chinese(text) {
  const key = text.trim();
  if (!key) {
    return null;
  }
  if (EXACT.has(key)) {
    return text.replace(key, EXACT.get(key));
  }
  for (const [pattern, write] of PATTERNS) {
    const match = key.match(pattern);
    if (match) {
      return text.replace(key, write(match));
    }
  }
  return null;
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.fjs-container'));
}

// An added node is a form's part, or holds whole forms (Tasklist adding a form at once)
function translateAdded(node) {
  if (inForm(node)) {
    translateTree(node);
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    node.querySelectorAll('.fjs-container').forEach(translateTree);
  }
}

function translateText(node) {
  const text = chinese(node.data);
  if (text !== null) {
    node.data = text;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const text = value && chinese(value);
    if (text) {
      element.setAttribute(name, text);
    }
  }
}

// flatpickr builds its calendar from a locale; form-js starts it in English and in the browser's date order.
// Give each new one the Chinese and the house date format (form-js reads dates from flatpickr, not the text).
function localizeDatePickers(root) {
  for (const input of root.querySelectorAll('input.flatpickr-input')) {
    const picker = input._flatpickr;
    if (picker && !input.dataset.lianbanChinese) {
      input.dataset.lianbanChinese = 'true';
      picker.set({ locale: CHINESE_DATES, dateFormat: DATE_FORMAT, ariaDateFormat: 'Y年n月j日' });
      input.setAttribute('placeholder', DATE_PLACEHOLDER);
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    translateText(node);
  }
  translateAttributes(root);
  root.querySelectorAll(ATTRIBUTES.map((name) => `[${name}]`).join(',')).forEach(translateAttributes);
  localizeDatePickers(root);
}

// form-js (Preact) writes texts when it renders and re-renders; rewrite what it writes, inside forms only
function watch() {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateAdded);
      } else if (inForm(mutation.target)) {
        if (mutation.type === 'characterData') {
          translateText(mutation.target);
        } else {
          translateAttributes(mutation.target);
        }
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
}

if (webappLanguage() === 'zh') {
  watch();
}
