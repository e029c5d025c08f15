import { z } from 'zod';

/** Locales the knowledge base serves. Chinese first, English too. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** One FAQ entry: a canonical question, the other ways customers ask it, and the answer. */
export const FaqEntrySchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[\w.:-]+$/u, 'may contain only letters, digits and . _ : -'),
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }),
  question: text(500),
  alternates: z.array(text(500)).max(100, 'at most 100 alternates').default([]),
  answer: text(5000),
  category: z.string().trim().max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});

export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/** An entry as supplied by an author: the id may be left for the store to generate. */
export const FaqDraftSchema = FaqEntrySchema.extend({ id: FaqEntrySchema.shape.id.optional() });
export type FaqDraft = z.infer<typeof FaqDraftSchema>;
