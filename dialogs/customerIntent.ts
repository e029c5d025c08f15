import { z } from 'zod';
import { normalizeText } from '../knowledge/textNormalizer.js';
import { BOT_MESSAGES } from './botMessages.js';

/** What a button press carries in `activity.value` (messageBack), so no text has to be parsed. */
export const ButtonValueSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('feedback'), faqId: z.string(), helpful: z.boolean() }),
  z.object({ action: z.literal('pick'), faqId: z.string() }),
  z.object({ action: z.literal('noneOfThese') }),
  z.object({ action: z.literal('human') }),
  z.object({ action: z.literal('rate'), handoffId: z.string(), rating: z.number().int().min(1).max(5) }),
  z.object({ action: z.literal('recommend'), handoffId: z.string(), score: z.number().int().min(0).max(10) }),
]);
export type ButtonValue = z.infer<typeof ButtonValueSchema>;

/** What the customer wants from this message. */
export type CustomerIntent = ButtonValue | { action: 'ask'; text: string };

const all = Object.values(BOT_MESSAGES);
const same = (a: string, b: string): boolean => normalizeText(a) === normalizeText(b);
const HUMAN_WORDS = ['转人工', '人工', '人工客服', '真人', 'human', 'agent', 'talk to a person', 'talk to a human', 'real person'];

/**
 * Reads the intent from a button's value or, for channels that only send text (imBack, typing
 * the button's caption), from the text itself. `lastAnswerId` is the FAQ just answered, which
 * typed "helpful"/"not helpful" refers to; `ratingFor` is the closed handoff a typed 1-5 rates;
 * `recommendFor` the one a typed 0-10 (the NPS question) is about.
 */
export function readIntent(text: string, value: unknown, lastAnswerId: string | undefined, ratingFor?: string, recommendFor?: string): CustomerIntent {
  const button = ButtonValueSchema.safeParse(value);
  if (button.success) return button.data;
  const score = /^\s*(10|[0-9])\s*(分|points?)?\s*$/iu.exec(text);
  if (recommendFor && score) return { action: 'recommend', handoffId: recommendFor, score: Number(score[1]) };
  const stars = /^\s*([1-5])\s*(分|星|stars?|points?)?\s*$/iu.exec(text);
  if (ratingFor && stars) return { action: 'rate', handoffId: ratingFor, rating: Number(stars[1]) };
  if (lastAnswerId && all.some((m) => same(text, m.helpful))) return { action: 'feedback', faqId: lastAnswerId, helpful: true };
  if (lastAnswerId && all.some((m) => same(text, m.notHelpful))) return { action: 'feedback', faqId: lastAnswerId, helpful: false };
  if (all.some((m) => same(text, m.noneOfThese))) return { action: 'noneOfThese' };
  if (all.some((m) => same(text, m.askHuman)) || HUMAN_WORDS.some((w) => same(text, w))) return { action: 'human' };
  return { action: 'ask', text };
}
