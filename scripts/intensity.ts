/** Three or more ! or ? in a row, full or half width, mixed or not: "！！！", "???", "?!?!". */
const PUNCTUATION_RUN = /[!！?？]{3,}/u;
/** Faces that mean anger whatever the words say. */
const ANGRY_EMOJI = /[😡🤬💢👿😠]/u;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;
/** Shouting: at least this many all-caps words... */
const SHOUT_MIN_WORDS = 3;
/** ...making up at least this share of the Latin words ("ship via UPS or DHL" is not shouting). */
const SHOUT_MIN_SHARE = 0.6;

/** How emphatically a message is typed, read from the raw text (the normaliser drops all of it). */
export interface Intensity {
  /** A run of three or more ! or ?. */
  readonly punctuationRun: boolean;
  /** Mostly ALL CAPS words. */
  readonly shouting: boolean;
  /** An angry face emoji. */
  readonly angryEmoji: boolean;
}

function isShouting(raw: string): boolean {
  const words = raw.match(LATIN_WORD) ?? [];
  const caps = words.filter((word) => word === word.toUpperCase()).length;
  return caps >= SHOUT_MIN_WORDS && caps / words.length >= SHOUT_MIN_SHARE;
}

/** Emphasis in a raw message. Emphasis alone is not anger: "太好了！！！" is delight. */
export function measureIntensity(raw: string): Intensity {
  return { punctuationRun: PUNCTUATION_RUN.test(raw), shouting: isShouting(raw), angryEmoji: ANGRY_EMOJI.test(raw) };
}

/** True when the message is typed with a punctuation run or shouted. */
export function isEmphatic(intensity: Intensity): boolean {
  return intensity.punctuationRun || intensity.shouting;
}
