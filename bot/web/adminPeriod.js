// The period the dashboard and quality review show: whole days of the shop's calendar, shared by
// both tabs, so switching between them keeps what the admin picked.
import { api, clearErrors, toast } from './adminShared.js';

/** `from` and `to` are shop-local dates (YYYY-MM-DD), empty until the server has named them. */
export const period = { from: '', to: '', timeZone: '' };

/** The shop-local calendar day of an instant (ISO string or epoch ms). */
export function shopDate(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The query string for the period (empty: the server's default, the last 7 days). */
export function periodQuery() {
  const params = new URLSearchParams();
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  return params;
}

/** Takes the period and time zone a metrics response reports (`from`/`to` are instants). */
export function learnPeriod(metrics) {
  period.timeZone = metrics.timeZone;
  period.from = shopDate(metrics.from, metrics.timeZone);
  period.to = shopDate(metrics.to, metrics.timeZone);
}

/**
 * Only the metrics endpoint names the shop's time zone; a tab opened before the dashboard asks it
 * once, so its date fields show the shop's default period rather than the browser's.
 */
export async function ensurePeriod() {
  if (!period.timeZone) learnPeriod(await api(`/api/admin/metrics?${periodQuery()}`));
}

/** Writes the period into a period form's fields and its time-zone note. */
export function showPeriod(form) {
  form.elements.namedItem('from').value = period.from;
  form.elements.namedItem('to').value = period.to;
  const zone = form.querySelector('.zone');
  if (zone) zone.textContent = period.timeZone ? `店铺时区 Shop time zone: ${period.timeZone}` : '';
}

/**
 * Wires a period form: submitting it takes its dates; a `data-days` button picks the last n
 * days up to the shop's today. `load()` then shows the new period.
 */
export function bindPeriodForm(form, load) {
  const reload = () => load().catch((err) => { if (err.status !== 401) toast(err.message); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    period.from = form.elements.namedItem('from').value;
    period.to = form.elements.namedItem('to').value;
    void reload();
  });
  for (const button of form.querySelectorAll('[data-days]')) {
    button.addEventListener('click', () => {
      const today = shopDate(Date.now(), period.timeZone || undefined);
      period.to = today;
      period.from = addDays(today, 1 - Number(button.dataset.days));
      clearErrors(form);
      void reload();
    });
  }
}
