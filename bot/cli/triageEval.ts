/**
 * Handoff triage on a labeled set of realistic customer messages (test/fixtures/eval/triage-eval.json):
 * recall and precision of `handoff` overall, precision and specificity against the hard negatives
 * (benign messages sharing words with triggers), recall of each reason. Exits 1 when a figure is
 * under its target. `--verbose` lists the misses.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { triage } from '../../scripts/triage.js';
import { TIERS, type TriageDecision, type TriageReason } from '../../scripts/triageTypes.js';

const REASONS = ['complaint', 'anger', 'humanRequested', 'botFailure', 'repeatContact', 'vip'] as const satisfies readonly TriageReason[];
const ItemSchema = z
  .object({
    text: z.string().min(1),
    handoff: z.boolean(),
    reasons: z.array(z.enum(REASONS)),
    tags: z.array(z.string()).default([]),
    unansweredStreak: z.number().int().min(0).default(0),
    unhelpfulStreak: z.number().int().min(0).default(0),
    previousMessages: z.array(z.string()).default([]),
    customer: z.object({ tier: z.enum(TIERS), lifetimeValue: z.number().min(0) }).optional(),
  })
  .refine((item) => item.handoff === item.reasons.length > 0, { message: 'handoff must be true exactly when reasons are given' });
const EvalSetSchema = z.object({ items: z.array(ItemSchema).min(1) });
type Item = z.infer<typeof ItemSchema>;

const TARGET = 0.95;
const HARD_NEGATIVE = 'hard-negative';

interface Outcome {
  readonly item: Item;
  readonly decision: TriageDecision;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Which cell of the confusion matrix an outcome falls in. */
function cell({ item, decision }: Outcome): keyof Counts {
  if (item.handoff) return decision.handoff ? 'tp' : 'fn';
  return decision.handoff ? 'fp' : 'tn';
}

function counts(outcomes: readonly Outcome[]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const outcome of outcomes) c[cell(outcome)]++;
  return c;
}

const raw: unknown = JSON.parse(readFileSync(new URL('../../test/fixtures/eval/triage-eval.json', import.meta.url), 'utf8'));
const { items } = EvalSetSchema.parse(raw);
const outcomes: Outcome[] = items.map((item) => ({ item, decision: triage(item) }));

const all = counts(outcomes);
const recall = ratio(all.tp, all.tp + all.fn);
const precision = ratio(all.tp, all.tp + all.fp);
console.log(`triage handoff: recall ${pct(recall)} precision ${pct(precision)} (n=${items.length})`);

const hard = counts(outcomes.filter((o) => o.item.tags.includes(HARD_NEGATIVE)));
const hardPrecision = ratio(all.tp, all.tp + hard.fp);
const specificity = ratio(hard.tn, hard.tn + hard.fp);
console.log(
  `triage handoff, hard negatives: precision ${pct(hardPrecision)} specificity ${pct(specificity)} ` +
    `(n=${hard.tn + hard.fp}, ${hard.fp} false positives)`,
);

for (const locale of ['zh', 'en']) {
  const c = counts(outcomes.filter((o) => o.item.tags.includes(locale)));
  console.log(`  ${locale}: recall ${pct(ratio(c.tp, c.tp + c.fn))} precision ${pct(ratio(c.tp, c.tp + c.fp))} (n=${c.tp + c.fp + c.fn + c.tn})`);
}
for (const reason of REASONS) {
  const labeled = outcomes.filter((o) => o.item.reasons.includes(reason));
  const found = labeled.filter((o) => o.decision.reasons.includes(reason)).length;
  console.log(`  reason ${reason}: recall ${pct(ratio(found, labeled.length))} (${found}/${labeled.length})`);
}

if (process.argv.includes('--verbose')) {
  for (const { item, decision } of outcomes) {
    const missedReasons = item.reasons.filter((r) => !decision.reasons.includes(r));
    if (item.handoff !== decision.handoff || missedReasons.length > 0) {
      console.log(`  MISS ${JSON.stringify(item.text)} expected ${item.reasons.join(',') || '-'} got ${decision.reasons.join(',') || '-'}`);
    }
  }
}

const failed = [recall, precision, hardPrecision, specificity].some((figure) => figure < TARGET);
if (failed) console.log(`under target (${pct(TARGET)})`);
process.exitCode = failed ? 1 : 0;
