// What every tab of the admin console shares: the session, API calls, DOM building, error display.

const TOKEN_KEY = 'admin-token';
const NAME_KEY = 'admin-name';

export const $ = (id) => document.getElementById(id);

/**
 * The admin token and the admin's name, kept for this browser tab only (sessionStorage). The token
 * is shared by all admins; the name is what the audit log records as who made a change.
 */
export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get name() { return sessionStorage.getItem(NAME_KEY); },
  set(token, name) { sessionStorage.setItem(TOKEN_KEY, token); sessionStorage.setItem(NAME_KEY, name); },
  clear() { sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(NAME_KEY); },
};

/** Called when the API refuses the token (set by the entry module). */
export const hooks = { unauthorized: () => {} };

/** An API error as the server describes it: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || 'http_error';
    this.details = error.details;
  }
}

/**
 * Calls the admin API with the bearer token and the admin's name (`x-admin-name`, percent-encoded
 * because header values are Latin-1). `body` is sent as JSON, `raw` as is (with `contentType`);
 * `blob: true` returns the response body as a Blob.
 */
export async function api(path, { method = 'GET', body, raw, contentType, blob = false, token = session.token, name = session.name } = {}) {
  const headers = { authorization: `Bearer ${token}` };
  if (name) headers['x-admin-name'] = encodeURIComponent(name);
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (raw !== undefined) headers['content-type'] = contentType || 'text/plain; charset=utf-8';
  const res = await fetch(path, { method, headers, body: body !== undefined ? JSON.stringify(body) : raw });
  if (res.ok && blob) return res.blob();
  const text = await res.text();
  let data;
  try { data = text ? JSON.parse(text) : {}; } catch { data = {}; }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401) hooks.unauthorized();
    throw err;
  }
  return data;
}

/** Builds an element: `text` sets its text, `on<event>` adds a listener, anything else is an attribute. */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

export function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

export function showTab(name) {
  if (location.hash !== `#${name}`) location.hash = name;
}

export function clearErrors(form) {
  for (const span of form.querySelectorAll('.field-error')) span.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const general = form.querySelector('.form-error');
  if (general) { general.textContent = ''; general.hidden = true; }
}

/**
 * Shows an API error next to the form's fields: each `{ field, message }` detail goes under the
 * field it names ("alternates.2" under "alternates", as item 3); anything else above the buttons.
 */
export function showErrors(form, err) {
  clearErrors(form);
  const details = Array.isArray(err.details) ? err.details : [];
  const unplaced = [];
  for (const d of details) {
    const [root, index] = String(d.field).split('.');
    const span = form.querySelector(`[data-error-for="${CSS.escape(root)}"]`);
    if (!span) { unplaced.push(`${d.field}: ${d.message}`); continue; }
    const where = index !== undefined && /^\d+$/.test(index) ? `第 ${Number(index) + 1} 项 item ${Number(index) + 1}: ` : '';
    span.textContent = (span.textContent ? `${span.textContent}; ` : '') + where + d.message;
    const input = form.elements.namedItem(root);
    if (input && input.setAttribute) input.setAttribute('aria-invalid', 'true');
  }
  if (details.length === 0 || unplaced.length > 0) {
    const general = form.querySelector('.form-error');
    if (general) {
      general.textContent = unplaced.length > 0 ? unplaced.join('; ') : err.message;
      general.hidden = false;
    }
  }
}

/** An import's row problems (`details.issues`) as a list under its summary message. */
export function showIssues(box, err) {
  box.textContent = '';
  box.append(el('strong', { text: err.message }));
  const issues = (err.details && err.details.issues) || [];
  if (issues.length > 0) {
    box.append(el('ul', {}, issues.slice(0, 20).map((i) =>
      el('li', { text: `${i.row > 0 ? `第 ${i.row} 行 Row ${i.row} · ` : ''}${i.field}: ${i.message}` }))));
  }
  box.hidden = false;
}

export function formatTime(ms) {
  return new Date(ms).toLocaleString('zh-CN', { hour12: false });
}

/** Reads a picked file as text. */
export function readFile(input) {
  const file = input.files && input.files[0];
  return file ? file.text().then((text) => ({ name: file.name, text })) : Promise.resolve(null);
}

/** A delete button that asks once more before acting (no native dialogs). */
export function confirmButton(label, confirmLabel, action) {
  const button = el('button', { type: 'button', class: 'danger', text: label });
  button.addEventListener('click', () => {
    if (button.dataset.armed) { action(button); return; }
    button.dataset.armed = '1';
    button.textContent = confirmLabel;
    setTimeout(() => { delete button.dataset.armed; button.textContent = label; }, 4000);
  });
  return button;
}
