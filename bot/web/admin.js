// The admin console: sign in with the admin token, then one tab per admin API.
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

/** Each tab and what to (re)load when it is shown. */
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
};

function showLogin(message) {
  $('console').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('login-error').hidden = !message;
  $('login-token').focus();
}

async function openTab() {
  const name = Object.hasOwn(TABS, location.hash.slice(1)) ? location.hash.slice(1) : 'faqs';
  for (const link of document.querySelectorAll('[data-tab]')) {
    link.classList.toggle('active', link.dataset.tab === name);
    link.setAttribute('aria-selected', String(link.dataset.tab === name));
  }
  for (const section of document.querySelectorAll('.tab')) section.hidden = section.id !== `tab-${name}`;
  try {
    await TABS[name]();
  } catch (err) {
    if (err.status !== 401) toast(err.message);
  }
}

function start() {
  $('login').hidden = true;
  $('console').hidden = false;
  void openTab();
  // The inbox count shows on its tab whichever tab is open.
  if (location.hash !== '#inbox') loadInbox().catch(() => undefined);
}

hooks.unauthorized = () => {
  session.clear();
  showLogin('令牌无效或已更换，请重新登录。 The token was not accepted; please sign in again.');
};

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const token = $('login-token').value.trim();
  try {
    await api('/api/admin/faqs?limit=1', { token });
  } catch (err) {
    showLogin(err.status === 401 ? '令牌无效 That token was not accepted.' : err.message);
    return;
  }
  session.set(token);
  $('login-token').value = '';
  start();
});
$('logout').addEventListener('click', () => { session.clear(); showLogin(); });
window.addEventListener('hashchange', () => void openTab());

initFaqs();
initImport();
initTry();
initCustomers();
initPhrases();
initScripts();
initDashboard();
initQuality();
if (session.token) start(); else showLogin();
