/*
 * lianban: whoever starts a process in Tasklist sees its case number at once (JH-2026-000042, TK-2026-000001).
 * The register step gives the business key inside the start; Camunda's answer to the start dialog's
 * submit-form call carries it. Tasklist only says "process started", so this script reads the answer and adds a
 * notification of its own that stays until closed. Loaded by customScripts in config.js.
 */
import { webappLanguage } from './webapp-language.js';

// the start dialog's call: POST …/process-definition/{id}/submit-form (or …/key/{key}/start)
const START_CALL = /\/process-definition\/(?:key\/)?[^/]+\/(?:submit-form|start)$/;

const WORDS = {
  zh: (caseNumber) => ({ status: '已提报', message: `编号 ${caseNumber}` }),
  en: (caseNumber) => ({ status: 'Filed', message: `case number ${caseNumber}` })
};

function businessKeyOf(request) {
  try {
    return JSON.parse(request.responseText).businessKey;
  } catch (e) {
    return null;
  }
}

// Tasklist is an AngularJS app: its Notifications service shows the message, inside a digest
function notify(caseNumber) {
  const injector = window.angular.element(document.documentElement).injector();
  const words = (WORDS[webappLanguage()] || WORDS.en)(caseNumber);
  injector.get('$rootScope').$applyAsync(() =>
    injector.get('Notifications').addMessage({ type: 'success', status: words.status, message: words.message })
  );
}

// The start dialog closes after the answer; a notification added while it is open would go down with it
function afterDialogCloses(show) {
  if (!document.querySelector('.modal')) {
    show();
    return;
  }
  const watcher = new MutationObserver(() => {
    if (!document.querySelector('.modal')) {
      watcher.disconnect();
      show();
    }
  });
  watcher.observe(document.body, { childList: true });
}

// Tasklist's API client talks XMLHttpRequest: note the answers of start calls
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START_CALL.test(new URL(url, location.href).pathname)) {
    this.addEventListener('load', () => {
      const caseNumber = this.status === 200 && businessKeyOf(this);
      if (caseNumber) {
        afterDialogCloses(() => notify(caseNumber));
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
