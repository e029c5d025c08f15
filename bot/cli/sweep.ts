/**
 * Scratch tool: ranks every eval question once, then sweeps the decision thresholds per locale on
 * the dev split (even-indexed items) and shows the test split (odd-indexed) at the dev optimum.
 * Usage: `npx tsx bot/cli/sweep.ts ['{"index":{...},"fuseShare":0}']`.
 */
import { readFileSync } from 'node:fs';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { DEFAULT_THRESHOLDS, FaqMatcher, decide, type MatchCandidate, type FaqMatcherOptions, type MatchThresholds } from '../../knowledge/faqMatcher.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';
import { LOCALES, type Locale } from '../../knowledge/faqEntry.js';

interface Ranked {
  readonly candidates: MatchCandidate[];
  readonly expect?: readonly string[];
  readonly dev: boolean;
  readonly locale: Locale;
}
interface EvalItem {
  text: string;
  expect?: string[];
}

const evalSet = JSON.parse(readFileSync('test/fixtures/eval/faq-eval.json', 'utf8')) as { inDomain: EvalItem[]; outOfDomain: EvalItem[] };
const options = JSON.parse(process.argv.find((a) => a.startsWith('{')) ?? '{}') as FaqMatcherOptions;
const dump = process.argv.includes('--dump');
const matcher = new FaqMatcher(seedFaqs(), options);

const rankAll = (items: EvalItem[]): Ranked[] =>
  items.map((item, i) => {
    const locale = detectLocale(item.text);
    return { candidates: matcher.rank(item.text, locale), expect: item.expect, dev: i % 2 === 0, locale };
  });
const inDomain = rankAll(evalSet.inDomain);
const outOfDomain = rankAll(evalSet.outOfDomain);

function rates(locale: Locale | undefined, dev: boolean, t: MatchThresholds): { acc: number; abs: number } {
  const pick = (r: Ranked): boolean => r.dev === dev && (locale === undefined || r.locale === locale);
  const ind = inDomain.filter(pick);
  const ood = outOfDomain.filter(pick);
  const acc = ind.filter((r) => {
    const d = decide(r.candidates, t);
    return d.kind === 'answer' && (r.expect ?? []).includes(d.best.entry.id);
  }).length;
  const abs = ood.filter((r) => decide(r.candidates, t).kind !== 'answer').length;
  return { acc: acc / ind.length, abs: abs / ood.length };
}

function grid(): MatchThresholds[] {
  const out: MatchThresholds[] = [];
  for (let answer = 0.16; answer <= 0.8; answer += 0.02) {
    for (const margin of [0, 0.02, 0.04, 0.06, 0.08, 0.1]) out.push({ answer, margin, suggest: Math.min(answer, DEFAULT_THRESHOLDS.suggest) });
  }
  return out;
}

const fmt = (x: { acc: number; abs: number }): string => `acc ${(100 * x.acc).toFixed(1)} abs ${(100 * x.abs).toFixed(1)}`;
const objective = (x: { acc: number; abs: number }): number => Math.min(x.acc, x.abs) + 0.01 * (x.acc + x.abs);

for (const locale of [...LOCALES, undefined]) {
  const scored = grid()
    .map((t) => ({ t, dev: rates(locale, true, t) }))
    .sort((a, b) => objective(b.dev) - objective(a.dev));
  for (const { t, dev } of scored.slice(0, 3)) {
    const test = rates(locale, false, t);
    console.log(`${locale ?? 'both '} answer=${t.answer.toFixed(2)} margin=${t.margin}  dev ${fmt(dev)}  test ${fmt(test)}`);
  }
}

if (dump) {
  const texts = new Map<Ranked, string>();
  evalSet.inDomain.forEach((item, i) => texts.set(inDomain[i]!, item.text));
  evalSet.outOfDomain.forEach((item, i) => texts.set(outOfDomain[i]!, item.text));
  const show = (r: Ranked): string =>
    r.candidates.slice(0, 2).map((c) => `${c.entry.id}:${c.score}`).join(' ') + `  ${texts.get(r)}`;
  for (const r of outOfDomain.filter((x) => x.dev)) console.log(`OOD ${show(r)}`);
  for (const r of inDomain.filter((x) => x.dev)) {
    const top = r.candidates[0];
    if (!top || !(r.expect ?? []).includes(top.entry.id)) console.log(`WRONG want ${(r.expect ?? []).join('|')}: ${show(r)}`);
  }
  for (const locale of LOCALES) {
    const ok = inDomain.filter((r) => r.dev && r.locale === locale && (r.expect ?? []).includes(r.candidates[0]?.entry.id ?? ''));
    const s = ok.map((r) => r.candidates[0]!.score).sort((a, b) => a - b);
    console.log(`${locale} correct-top1 ${ok.length}, score deciles ${[0, 0.05, 0.1, 0.2, 0.3, 0.5].map((q) => s[Math.floor(q * s.length)]).join(' ')}`);
  }
}
