/**
 * `npm run bench`: FAQ matching latency at 1k / 10k / 100k entries against plain fuse.js over
 * the same entries, in the same run, printed as ratios; plus index build time and the memory the
 * index keeps (heap and typed-array buffers, after a collection; run with --expose-gc).
 * Entries are the seeded ones multiplied into product-specific variants (as a shop with many
 * products writes them); queries are the labeled evaluation questions.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import type { FaqEntry } from '../../knowledge/faqEntry.js';
import { FaqMatcher } from '../../knowledge/faqMatcher.js';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';

const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1000,10000,100000').split(',').map(Number);
const PRODUCTS_ZH = ['连衣裙', '运动鞋', '蓝牙耳机', '保温杯', '羽绒服', '电饭煲', '双肩包', '机械键盘', '面霜', '台灯'];
const PRODUCTS_EN = ['dress', 'sneakers', 'earbuds', 'flask', 'down jacket', 'rice cooker', 'backpack', 'keyboard', 'face cream', 'desk lamp'];

/** `n` entries: the seed set, then variants "<product> <n>: <question>" with their own answers. */
function syntheticEntries(n: number): FaqEntry[] {
  const seed = seedFaqs();
  const out: FaqEntry[] = [...seed];
  for (let i = 0; out.length < n; i++) {
    const base = seed[i % seed.length]!;
    const zh = base.locale === 'zh-CN';
    const product = `${(zh ? PRODUCTS_ZH : PRODUCTS_EN)[i % 10]} ${zh ? '型号' : 'model '}${Math.floor(i / seed.length)}`;
    const prefix = zh ? `${product}的` : `${product}: `;
    out.push({ ...base, id: `${base.id}-v${i}`, question: prefix + base.question, alternates: base.alternates.slice(0, 3).map((a) => prefix + a), answer: `${product}: ${base.answer}` });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const evalSet = JSON.parse(readFileSync(new URL('../../test/fixtures/eval/faq-eval.json', import.meta.url), 'utf8')) as { inDomain: Array<{ text: string }> };
const queries = evalSet.inDomain.map((q) => q.text);

/** Memory in use: the JS heap and typed-array buffers, which live outside it. */
function memoryInUse(): number {
  global.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

console.log('size     build(ms)   mem(MB)  ours p50/p99 (ms)   fuse.js p50/p99 (ms)  p50 speed-up');
for (const size of SIZES) {
  const entries = syntheticEntries(size);
  const memoryBefore = memoryInUse();
  let matcher!: FaqMatcher;
  const build = time(() => (matcher = new FaqMatcher(entries)));
  const memory = (memoryInUse() - memoryBefore) / 1024 / 1024;
  for (const q of queries.slice(0, 20)) matcher.match(q, detectLocale(q)); // warm-up
  const ours = queries.map((q) => time(() => matcher.match(q, detectLocale(q)))).sort((a, b) => a - b);

  const fuse = new Fuse(entries, { keys: ['question', 'alternates'], includeScore: true });
  // fuse.js scans everything per query: sample fewer queries as the KB grows.
  const sample = queries.filter((_, i) => i % Math.max(1, Math.round(size / 2000)) === 0).slice(0, Math.max(10, Math.round(2_000_000 / size)));
  const base = sample.map((q) => time(() => fuse.search(q, { limit: 5 }))).sort((a, b) => a - b);
  const ratio = percentile(base, 50) / percentile(ours, 50);
  console.log(
    `${String(size).padEnd(8)} ${build.toFixed(0).padStart(9)}  ${memory.toFixed(0).padStart(8)}  ${percentile(ours, 50).toFixed(3).padStart(7)} / ${percentile(ours, 99).toFixed(3).padEnd(9)}` +
      `  ${percentile(base, 50).toFixed(1).padStart(8)} / ${percentile(base, 99).toFixed(1).padEnd(10)}  ${ratio.toFixed(0)}x  (${ours.length} vs ${base.length} queries)`,
  );
}
