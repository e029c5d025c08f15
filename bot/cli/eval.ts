/**
 * `npm run eval`: accuracy of the FAQ matcher on a labeled set of realistic customer questions
 * (test/fixtures/eval/faq-eval.json, written apart from the FAQ data), beside plain fuse.js over
 * the same entries. Prints top-1 accuracy on in-domain questions and abstention on questions
 * the knowledge base does not cover, overall and per locale; exits 1 when either is under its
 * target.
 *
 * Options: `--split dev|test|all` (dev = even-indexed items, the ones to tune on; test = odd-
 * indexed items, kept for confirming that a change generalises), `--verbose` to list misses.
 */
import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { z } from 'zod';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { FaqMatcher } from '../../knowledge/faqMatcher.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';
import { LOCALES, type FaqEntry, type Locale } from '../../knowledge/faqEntry.js';

const EvalSetSchema = z.object({
  inDomain: z.array(z.object({ text: z.string(), expect: z.array(z.string()).min(1), tags: z.array(z.string()).default([]) })),
  outOfDomain: z.array(z.object({ text: z.string(), tags: z.array(z.string()).default([]) })),
});
const TARGET = 0.9;

/** Which items to evaluate: even-indexed (dev), odd-indexed (test) or all. */
type Split = 'dev' | 'test' | 'all';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function inSplit(split: Split): (_: unknown, index: number) => boolean {
  return (_, index) => split === 'all' || (split === 'dev') === (index % 2 === 0);
}

const split = z.enum(['dev', 'test', 'all']).parse(argValue('--split') ?? 'all');
const raw = EvalSetSchema.parse(JSON.parse(readFileSync(new URL('../../test/fixtures/eval/faq-eval.json', import.meta.url), 'utf8')));
const evalSet = { inDomain: raw.inDomain.filter(inSplit(split)), outOfDomain: raw.outOfDomain.filter(inSplit(split)) };
const entries = seedFaqs();
const verbose = process.argv.includes('--verbose');

/** Plain fuse.js as a shop would first try it: every text of every entry, answer the top hit. */
function fuseBaseline(all: FaqEntry[]): (text: string) => string | undefined {
  const fuse = new Fuse(all, { keys: ['question', 'alternates'], includeScore: true });
  return (text) => fuse.search(text, { limit: 1 })[0]?.item.id;
}

interface Tally {
  nIn: number;
  correct: number;
  nOut: number;
  abstained: number;
}
const newTally = (): Tally => ({ nIn: 0, correct: 0, nOut: 0, abstained: 0 });

const matcher = new FaqMatcher(entries);
const fuse = fuseBaseline(entries);
const ours = { correct: 0, wrong: 0, asked: 0, abstained: 0 };
const base = { correct: 0, abstained: 0 };
const byTag = new Map<string, { n: number; ok: number }>();
const byLocale = new Map<Locale, Tally>(LOCALES.map((l) => [l, newTally()]));

for (const item of evalSet.inDomain) {
  const locale = detectLocale(item.text);
  const result = matcher.match(item.text, locale);
  const ok = result.kind === 'answer' && item.expect.includes(result.best.entry.id);
  const tally = byLocale.get(locale)!;
  tally.nIn++;
  if (ok) {
    ours.correct++;
    tally.correct++;
  } else if (result.kind === 'answer') ours.wrong++;
  else if (result.kind === 'ambiguous') ours.asked++;
  if (item.expect.includes(fuse(item.text) ?? '')) base.correct++;
  for (const tag of item.tags) {
    const t = byTag.get(tag) ?? { n: 0, ok: 0 };
    byTag.set(tag, { n: t.n + 1, ok: t.ok + (ok ? 1 : 0) });
  }
  if (verbose && !ok) {
    const got = result.candidates.slice(0, 2).map((c) => `${c.entry.id}:${c.score}`).join(' ');
    console.log(`MISS [${result.kind}] ${item.text} -> want ${item.expect.join('|')} got ${got}`);
  }
}
for (const item of evalSet.outOfDomain) {
  const locale = detectLocale(item.text);
  const result = matcher.match(item.text, locale);
  const tally = byLocale.get(locale)!;
  tally.nOut++;
  if (result.kind !== 'answer') {
    ours.abstained++;
    tally.abstained++;
  } else if (verbose) console.log(`OOD ANSWERED ${item.text} -> ${result.best.entry.id}:${result.best.score}`);
  if (fuse(item.text) === undefined) base.abstained++;
}

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1)}%`);
const nIn = evalSet.inDomain.length;
const nOut = evalSet.outOfDomain.length;
console.log(`FAQ matching (${split} split) on ${nIn} in-domain and ${nOut} out-of-domain questions (${entries.length} entries)`);
console.log(`                          ours     plain fuse.js`);
console.log(`top-1 accuracy           ${pct(ours.correct, nIn).padStart(6)}   ${pct(base.correct, nIn).padStart(6)}`);
console.log(`out-of-domain abstention ${pct(ours.abstained, nOut).padStart(6)}   ${pct(base.abstained, nOut).padStart(6)}`);
for (const [locale, t] of byLocale) {
  console.log(`${locale}: accuracy ${pct(t.correct, t.nIn)} (${t.nIn}), abstention ${pct(t.abstained, t.nOut)} (${t.nOut})`);
}
console.log(`in-domain: ${ours.wrong} wrong answers, ${ours.asked} "did you mean", ${nIn - ours.correct - ours.wrong - ours.asked} no answer`);
console.log('by tag: ' + [...byTag].map(([t, v]) => `${t} ${pct(v.ok, v.n)} (${v.n})`).join(', '));
const pass = ours.correct / nIn >= TARGET && ours.abstained / nOut >= TARGET;
console.log(pass ? `PASS: both at least ${TARGET * 100}%` : `FAIL: target ${TARGET * 100}% for both`);
process.exitCode = pass ? 0 : 1;
