/*
 * lianban: one login for Tasklist, Cockpit, Admin and the project's pages, at /login. Loaded by each webapp's
 * config.js (customScripts). Camunda's own sign-in view (#/login) never stays on screen: the webapps go there
 * after 退出 in the user menu (the server has then ended the whole session) and when the session has run out
 * (their API calls get 401). After 退出 the browser goes to /login?logout ("您已退出登录"); otherwise it reloads
 * the webapp, which the server sends to /login and back to the webapp after logging in.
 */
const LOGGED_OUT = 'lianban.loggedOut';

document.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.closest('[cam-widget-header] li.logout')) {
    sessionStorage.setItem(LOGGED_OUT, 'true');
  }
}, true);

// the sign-in view can be reached twice in a row (退出 itself, and a list still loading that gets 401 for the ended
// session): the first decides where to go; a second would take the flag away and send a logged-out person back
// to the webapp instead of to 您已退出登录
let leaving = false;

function leaveSignIn() {
  if (leaving || !/^#!?\/login\b/.test(window.location.hash)) {
    return;
  }
  leaving = true;
  if (sessionStorage.getItem(LOGGED_OUT)) {
    sessionStorage.removeItem(LOGGED_OUT);
    window.location.replace('/login?logout');
  } else {
    window.location.replace(window.location.pathname);
  }
}

// AngularJS moves between views with history.pushState/replaceState, which fire no event of their own
for (const method of ['pushState', 'replaceState']) {
  const original = history[method];
  history[method] = function (...args) {
    const result = original.apply(this, args);
    leaveSignIn();
    return result;
  };
}
window.addEventListener('hashchange', leaveSignIn);
window.addEventListener('popstate', leaveSignIn);
leaveSignIn();
