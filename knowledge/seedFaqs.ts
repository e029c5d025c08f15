import { z } from 'zod';
import zhCN from './data/faq.zh-CN.json' with { type: 'json' };
import enUS from './data/faq.en-US.json' with { type: 'json' };
import { FaqEntrySchema, type FaqEntry } from './faqEntry.js';

/** The seeded knowledge base (zh-CN and en-US), validated against the entry schema. */
export function seedFaqs(): FaqEntry[] {
  return z.array(FaqEntrySchema).parse([...zhCN, ...enUS]);
}
