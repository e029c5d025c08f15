import type { Locale } from './faqEntry.js';
import { hanRatio } from './textNormalizer.js';

/**
 * Picks the language to answer in: Chinese when the message has Chinese characters, English
 * when it is written in Latin letters, otherwise the channel's locale (then Chinese).
 * A message like "iPhone 保修多久" counts as Chinese: one Han character among Latin brand names
 * is still a Chinese sentence.
 */
export function detectLocale(input: string, channelLocale?: string): Locale {
  // Full-width Latin letters ("ｃａｎ ｉ ｐａｙ") are Latin letters too.
  const text = input.normalize('NFKC');
  const ratio = hanRatio(text);
  if (ratio > 0) return 'zh-CN';
  if (/[a-z]{2,}/iu.test(text)) return 'en-US';
  return localeFromTag(channelLocale);
}

/** Maps a BCP-47 tag from the channel (en, en-GB, zh-TW, ...) onto a supported locale. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
