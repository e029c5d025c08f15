const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Comparison units of a normalised text: character bigrams of Han runs, whole words otherwise. */
export function comparisonUnits(text: string): Set<string> {
  const units = new Set<string>();
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 1) units.add(run);
    for (let i = 0; i + 1 < run.length; i++) units.add(run.slice(i, i + 2));
  }
  for (const [word] of text.replace(HAN_RUN, ' ').matchAll(WORD)) units.add(word);
  return units;
}

/** Dice coefficient of two unit sets, 0 when both are empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const unit of a) if (b.has(unit)) shared++;
  return (2 * shared) / (a.size + b.size);
}
