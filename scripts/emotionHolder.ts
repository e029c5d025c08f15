import type { CueHit } from './cueSet.js';

/** Someone other than the customer, as the subject of a feeling: "my mum was furious", "她生气了". */
const EN_OTHERS = new Set([
  'mum', 'mom', 'mother', 'dad', 'father', 'wife', 'husband', 'friend', 'boyfriend', 'girlfriend', 'bf', 'gf',
  'he', 'she', 'they', 'son', 'daughter', 'kid', 'kids', 'boss', 'sister', 'brother', 'parents', 'partner',
]);
const ZH_OTHERS = /(她|他|女朋友|男朋友|老婆|老公|妈|爸|孩子|朋友|对象)/u;
/** How far back the subject is looked for: words in English, characters in Chinese. */
const EN_WINDOW = 4;
const ZH_WINDOW = 5;

/**
 * True when an emotion cue is attributed to someone else, so it says nothing about the customer's
 * own mood ("my mum was furious I spent so much").
 */
export function feltBySomeoneElse(clause: string, hit: CueHit): boolean {
  const before = clause.slice(0, hit.start);
  const words = before.trim().split(' ').slice(-EN_WINDOW);
  return words.some((word) => EN_OTHERS.has(word)) || ZH_OTHERS.test(before.slice(-ZH_WINDOW));
}
