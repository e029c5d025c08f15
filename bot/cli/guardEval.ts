/**
 * Banned-phrase guard on a labeled set of agent replies (test/fixtures/eval/guard-eval.json): recall
 * of the replies that must be flagged (a hit counts when a violation of the labeled category is
 * found), per-category recall, and false warnings on replies that must pass. Exits 1 unless recall
 * is at least 95% and there are no false warnings. `--verbose` lists the misses.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BannedPhraseGuard } from '../../scripts/bannedPhraseGuard.js';
import { BANNED_CATEGORIES, DEFAULT_BANNED_PHRASES } from '../../scripts/bannedPhrases.js';

const EvalSetSchema = z.object({
  flag: z.array(z.object({ text: z.string().min(1), category: z.enum(BANNED_CATEGORIES), tags: z.array(z.string()).default([]) })).min(1),
  pass: z.array(z.object({ text: z.string().min(1), tags: z.array(z.string()).default([]) })).min(1),
});

const TARGET = 0.95;
const verbose = process.argv.includes('--verbose');
const pct = (part: number, whole: number): string => `${((whole === 0 ? 1 : part / whole) * 100).toFixed(1)}%`;

const raw: unknown = JSON.parse(readFileSync(new URL('../../test/fixtures/eval/guard-eval.json', import.meta.url), 'utf8'));
const set = EvalSetSchema.parse(raw);
const guard = new BannedPhraseGuard(DEFAULT_BANNED_PHRASES);

const flagged = set.flag.map((item) => ({ item, hit: guard.check(item.text).some((v) => v.category === item.category) }));
const warned = set.pass.map((item) => ({ item, violations: guard.check(item.text) })).filter((o) => o.violations.length > 0);
const recalled = flagged.filter((o) => o.hit).length;

console.log(`guard: recall ${pct(recalled, flagged.length)} (n=${flagged.length}) false warnings ${warned.length} (n=${set.pass.length})`);
for (const category of BANNED_CATEGORIES) {
  const of = flagged.filter((o) => o.item.category === category);
  console.log(`  ${category}: recall ${pct(of.filter((o) => o.hit).length, of.length)} (n=${of.length})`);
}
if (verbose) {
  for (const { item } of flagged.filter((o) => !o.hit)) console.log(`  missed [${item.category}] ${item.text}`);
  for (const { item, violations } of warned) console.log(`  false warning ${item.text} <- ${violations.map((v) => v.phrase).join(', ')}`);
}

const ok = recalled / flagged.length >= TARGET && warned.length === 0;
process.exitCode = ok ? 0 : 1;
