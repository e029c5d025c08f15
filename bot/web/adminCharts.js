// Small SVG charts for the dashboard, drawn without a library. Each chart is an <svg role="img">
// named by its <title>, described by a <desc> listing every value, and showing the values as text.
import { el } from './adminShared.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 180;
const PAD = { left: 32, right: 8, top: 16, bottom: 22 };
let chartCount = 0;

/** Builds an SVG element; `text` sets its text content, anything else is an attribute. */
function svgEl(tag, attrs = {}, children = []) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** The <svg> with its accessible name (title) and description (every value, as text). */
function frame(kind, title, desc, height, children) {
  chartCount += 1;
  const id = `chart-${chartCount}`;
  return svgEl('svg', {
    class: `chart ${kind}`, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, 'data-chart': kind,
  }, [svgEl('title', { id: `${id}-title`, text: title }), svgEl('desc', { id: `${id}-desc`, text: desc }), ...children]);
}

/** The smallest 1, 2 or 5 times a power of ten at or above `max` (at least 1). */
function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= max);
}

/** Horizontal grid lines with their labels, for a value axis from 0 to `max` (halfway too if `half`). */
function grid(max, height, format, half) {
  const plotH = height - PAD.top - PAD.bottom;
  return (half ? [0, max / 2, max] : [0, max]).map((v) => {
    const y = PAD.top + plotH - (v / max) * plotH;
    return svgEl('g', { class: 'grid-line' }, [
      svgEl('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }),
      svgEl('text', { x: PAD.left - 4, y: y + 3, 'text-anchor': 'end', text: format(v) }),
    ]);
  });
}

/** Category labels under the plot; with many categories only every n-th is written. */
function categoryLabels(categories, xOf) {
  const every = Math.ceil(categories.length / 10);
  return categories.map((c, i) => (i % every === 0
    ? svgEl('text', { class: 'axis-label', x: xOf(i), y: HEIGHT - 6, 'text-anchor': 'middle', text: c })
    : null));
}

const dash = (v, format) => (v === null || v === undefined ? '—' : format(v));

/**
 * Vertical bars, one group per category with a bar per series:
 * `{ title, categories, series: [{ name, values, className }], format }`.
 */
export function barChart({ title, categories, series, format = String }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v !== null))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.max(1, (band * 0.72) / series.length);
  const labelled = categories.length * series.length <= 24;
  // Empty bars need no "0" written over the axis; the description still lists them.
  const bars = categories.flatMap((c, i) => series.map((s, j) => {
    const v = s.values[i] ?? 0;
    const h = (v / max) * plotH;
    const x = PAD.left + i * band + band * 0.14 + j * barW;
    const y = PAD.top + plotH - h;
    return svgEl('g', { class: `bar ${s.className || ''}`, 'data-category': c }, [
      svgEl('rect', { x, y, width: barW, height: h }, [svgEl('title', { text: `${c} ${s.name}: ${format(v)}` })]),
      labelled && v > 0 ? svgEl('text', { class: 'value', x: x + barW / 2, y: y - 3, 'text-anchor': 'middle', text: format(v) }) : null,
    ]);
  }));
  const desc = categories.map((c, i) => `${c}: ${series.map((s) => `${s.name} ${dash(s.values[i], format)}`).join(', ')}`).join('; ');
  return frame('bars', title, desc, HEIGHT, [
    ...grid(max, HEIGHT, format, Number.isInteger(max / 2)),
    ...bars,
    ...categoryLabels(categories, (i) => PAD.left + (i + 0.5) * band),
  ]);
}

/**
 * A line over categories for a share between 0 and 1: `{ title, categories, values, format }`.
 * Missing values (`null`, nothing to measure) break the line and are listed as "—".
 */
export function lineChart({ title, categories, values, format }) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, categories.length);
  const xOf = (i) => PAD.left + (i + 0.5) * step;
  const yOf = (v) => PAD.top + plotH - v * plotH;
  const segments = [];
  let current = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined) { if (current.length) segments.push(current); current = []; return; }
    current.push(`${xOf(i)},${yOf(v)}`);
  });
  if (current.length) segments.push(current);
  const labelled = categories.length <= 14;
  const points = values.flatMap((v, i) => (v === null || v === undefined ? [] : [svgEl('g', { class: 'point', 'data-category': categories[i] }, [
    svgEl('circle', { cx: xOf(i), cy: yOf(v), r: 3 }, [svgEl('title', { text: `${categories[i]}: ${format(v)}` })]),
    labelled ? svgEl('text', { class: 'value', x: xOf(i), y: yOf(v) - 6, 'text-anchor': 'middle', text: format(v) }) : null,
  ])]));
  const desc = categories.map((c, i) => `${c}: ${dash(values[i], format)}`).join('; ');
  return frame('line', title, desc, HEIGHT, [
    ...grid(1, HEIGHT, format, true),
    ...segments.map((s) => svgEl('polyline', { class: 'line', points: s.join(' ') })),
    ...points,
    ...categoryLabels(categories, xOf),
  ]);
}

/** Horizontal bars, one per row: `{ title, rows: [{ label, value }], format }`. */
export function hBarChart({ title, rows, format = String }) {
  const labelW = 132;
  const rowH = 22;
  const height = rows.length * rowH + 8;
  const max = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const plotW = WIDTH - labelW - 36;
  const bars = rows.map((r, i) => {
    const y = 4 + i * rowH;
    const w = (r.value / max) * plotW;
    return svgEl('g', { class: 'bar', 'data-category': r.label }, [
      svgEl('text', { class: 'axis-label', x: labelW - 6, y: y + 14, 'text-anchor': 'end', text: r.label }),
      svgEl('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8 }, [svgEl('title', { text: `${r.label}: ${format(r.value)}` })]),
      svgEl('text', { class: 'value', x: labelW + w + 4, y: y + 14, text: format(r.value) }),
    ]);
  });
  const desc = rows.map((r) => `${r.label}: ${format(r.value)}`).join('; ');
  return frame('hbars', title, desc, height, bars);
}

/** The colour key of a chart's series, as HTML text. */
export function legend(series) {
  return el('div', { class: 'legend' }, series.map((s) =>
    el('span', { class: `key ${s.className || ''}` }, [el('i', { 'aria-hidden': 'true' }), el('span', { text: s.name })])));
}
