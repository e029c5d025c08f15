// The admin console: sign in with your name and the admin token, then one tab per admin API.
import { $, api, hooks, session, toast } from './adminShared.js';
import { initFaqs, loadFaqs } from './adminFaqs.js';
import { initImport } from './adminImport.js';
import { initTry } from './adminTry.js';
import { loadInbox } from './adminInbox.js';
import { initCustomers, loadCustomers } from './adminCustomers.js';
import { initPhrases, loadPhrases } from './adminPhrases.js';
import { initScripts, loadScripts } from './adminScripts.js';
import { initDashboard, loadDashboard } from './adminDashboard.js';
import { initQuality, loadQuality } from './adminQuality.js';
import { initAudit, loadAudit } from './adminAudit.js';

/** Each tab and what to (re)load when it is shown, given the parameters after its name (`#audit?entityId=x`). */
const TABS = {
  faqs: loadFaqs,
  import: () => Promise.resolve(),
  try: () => Promise.resolve(),
  inbox: loadInbox,
  customers: loadCustomers,
  phrases: loadPhrases,
  scripts: loadScripts,
  dashboard: loadDashboard,
  quality: loadQuality,
  audit: loadAudit,
};

/** The sign-in form; `name` prefills who was signed in (when the token stops working mid-session). */
function showLogin(message, name = '') {
  $('console').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('login-error').hidden = !message;
  if (name) $('login-name').value = name;
  ($('login-name').value.trim() ? $('login-token') : $('login-name')).focus();
}

async function openTab() {
  const [hashName, query = ''] = location.hash.slice(1).split('?');
  const name = Object.hasOwn(TABS, hashName) ? hashName : 'faqs';
  for (const link of document.querySelectorAll('[data-tab]')) {
    link.classList.toggle('active', link.dataset.tab === name);
    link.setAttribute('aria-selected', String(link.dataset.tab === name));
  }
  for (const section of document.querySelectorAll('.tab')) section.hidden = section.id !== `tab-${name}`;
  try {
    await TABS[name](new URLSearchParams(query));
  } catch (err) {
    if (err.status !== 401) toast(err.message);
  }
}

function start() {
  $('login').hidden = true;
  $('console').hidden = false;
  $('whoami').textContent = session.name;
  void openTab();
  // The inbox count shows on its tab whichever tab is open.
  if (location.hash !== '#inbox') loadInbox().catch(() => undefined);
}

hooks.unauthorized = () => {
  const name = session.name;
  session.clear();
  showLogin('令牌无效或已更换，请重新登录。 The token was not accepted; please sign in again.', name);
};

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('login-name').value.trim();
  const token = $('login-token').value.trim();
  if (!name) {
    showLogin('请填写您的名字，修改记录会署上它。 Please enter your name; the audit log records it with your changes.');
    return;
  }
  try {
    await api('/api/admin/faqs?limit=1', { token, name });
  } catch (err) {
    showLogin(err.status === 401 ? '令牌无效 That token was not accepted.' : err.message);
    return;
  }
  session.set(token, name);
  $('login-name').value = '';
  $('login-token').value = '';
  start();
});
$('logout').addEventListener('click', () => { session.clear(); $('login-name').value = ''; showLogin(); });
window.addEventListener('hashchange', () => void openTab());

initFaqs();
initImport();
initTry();
initCustomers();
initPhrases();
initScripts();
initDashboard();
initQuality();
initAudit();
// A session from before names were asked for has no name: sign in again.
if (session.token && session.name) start(); else showLogin();
