import { HAN } from '../knowledge/textNormalizer.js';
import type { CueHit } from './cueSet.js';

/** Chinese negators that cancel a cue a few characters later ("没有要投诉的意思", "我不是要投诉"). */
const ZH_NEGATORS = [
  '没有', '没什么', '不是', '不想', '不要', '不用', '不需要', '不会', '不打算', '没打算', '无意',
  '并不', '并没', '从没', '从来没', '别误会', '绝不', '并非', '谈不上', '算不上',
];
/** Single-character negators count only right before the cue ("不坑人", "不过分"). */
const ZH_ADJACENT = new Set(['不', '没', '别', '未', '非']);
/** How far back a Chinese negator reaches, in characters. */
const ZH_WINDOW = 6;
/** English negators within a few words before the cue ("I'm not angry", "not a complaint"). */
const EN_NEGATORS = new Set(['not', 'never', 'without', 'nothing', 'none', 'nor', 'hardly']);
/** How far back an English negator reaches, in words; "no" counts only right before ("no complaints"). */
const EN_WINDOW = 3;
/** A clause ending in 吗/嘛/么 turns 不是 into a rhetorical yes: "你们这不是坑人吗". */
const RHETORICAL_END = /[吗嘛么]$/u;
/** A-not-A questions (有没有, 是不是, 要不要) ask; they do not deny. */
const A_NOT_A = /(\p{Script=Han})[不没]\1/gu;

/** The Chinese text before a hit in its clause, back to the nearest space. */
function zhPrefix(clause: string, hit: CueHit): string {
  const before = clause.slice(0, hit.start);
  return before.slice(before.lastIndexOf(' ') + 1).replace(A_NOT_A, '');
}

function zhNegated(clause: string, hit: CueHit): boolean {
  const prefix = zhPrefix(clause, hit);
  const window = prefix.slice(-ZH_WINDOW);
  const negator = ZH_NEGATORS.find((n) => window.includes(n));
  if (negator !== undefined) return !(negator === '不是' && RHETORICAL_END.test(clause));
  return ZH_ADJACENT.has(prefix.slice(-1));
}

function enNegated(clause: string, hit: CueHit): boolean {
  const words = clause.slice(0, hit.start).trim().split(' ').filter(Boolean);
  if (words.at(-1) === 'no') return true;
  return words.slice(-EN_WINDOW).some((word) => EN_NEGATORS.has(word));
}

/**
 * True when a cue is negated within its clause: a Chinese negator a few characters before it
 * (not a rhetorical 不是…吗), or an English one a few words before it. The language is taken
 * from the character just before the cue, or the cue's first character.
 */
export function isNegated(clause: string, hit: CueHit): boolean {
  const probe = clause.charAt(hit.start - 1).trim() || clause.charAt(hit.start);
  return HAN.test(probe) ? zhNegated(clause, hit) : enNegated(clause, hit);
}
