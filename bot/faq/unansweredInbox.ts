import { FaqEntrySchema, type FaqEntry } from '../../knowledge/faqEntry.js';
import { normalizeText } from '../../knowledge/textNormalizer.js';
import type { UnansweredGroup, UnansweredGroupKey, UnansweredLog } from '../../dialogs/unansweredLog.js';
import type { FaqService } from './faqService.js';
import type { StoredFaq } from './faqStore.js';

/** An FAQ entry the matcher ranks closest to an inbox question: the likely home for it. */
export interface InboxSuggestion {
  readonly id: string;
  readonly question: string;
  readonly score: number;
}

export type InboxGroup = UnansweredGroup & { readonly suggestions: readonly InboxSuggestion[] };

/** What an admin did with a group of unanswered questions. */
export type Resolution =
  /** Teach an entry this wording (the group's latest unless `text` is given). */
  | { readonly action: 'addAlternate'; readonly faqId: string; readonly text?: string }
  /** The admin wrote an entry for it (say, a new one). */
  | { readonly action: 'linkFaq'; readonly faqId: string }
  | { readonly action: 'dismiss' };

export type ResolveOutcome =
  | { readonly ok: true; readonly resolved: number; readonly faq?: StoredFaq }
  | { readonly ok: false; readonly problem: 'noSuchGroup' | 'noSuchFaq' | 'localeMismatch' }
  | { readonly ok: false; readonly problem: 'invalidEntry'; readonly issues: ReadonlyArray<{ field: string; message: string }> };

/** How many suggestions an inbox group carries. */
const SUGGESTIONS = 3;

/** The unanswered-questions inbox as admins work through it: what to do with each group, and doing it. */
export class UnansweredInbox {
  constructor(
    private readonly faqs: FaqService,
    private readonly log: UnansweredLog,
  ) {}

  /** Open groups, most asked first, each with the entries the matcher ranks closest now. */
  async list(limit: number): Promise<InboxGroup[]> {
    return (await this.log.groups(limit)).map((g) => ({
      ...g,
      suggestions: this.faqs
        .match(g.text, g.locale)
        .candidates.slice(0, SUGGESTIONS)
        .map((c) => ({ id: c.entry.id, question: c.entry.question, score: c.score })),
    }));
  }

  /** Applies the resolution, then takes the group's questions out of the inbox. */
  async resolve(key: UnansweredGroupKey, resolution: Resolution, actor?: string): Promise<ResolveOutcome> {
    const group = await this.log.group(key);
    if (!group) return { ok: false, problem: 'noSuchGroup' };
    if (resolution.action === 'dismiss') return { ok: true, resolved: await this.log.resolve(key, null) };
    const entry = await this.faqs.get(resolution.faqId);
    if (!entry) return { ok: false, problem: 'noSuchFaq' };
    if (entry.locale !== group.locale) return { ok: false, problem: 'localeMismatch' };
    let faq: StoredFaq = entry;
    if (resolution.action === 'addAlternate') {
      const added = withAlternate(entry, resolution.text ?? group.text);
      if (!added.success) return { ok: false, problem: 'invalidEntry', issues: added.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
      const stored = await this.faqs.update(added.data, actor);
      if (stored === 'missing') return { ok: false, problem: 'noSuchFaq' };
      faq = stored;
    }
    return { ok: true, resolved: await this.log.resolve(key, entry.id), faq };
  }
}

/** The entry with one more alternate, unless it already has that wording (as normalised). */
function withAlternate(entry: FaqEntry, text: string): ReturnType<typeof FaqEntrySchema.safeParse> {
  const known = new Set([entry.question, ...entry.alternates].map(normalizeText));
  const alternates = known.has(normalizeText(text)) ? entry.alternates : [...entry.alternates, text];
  const { id, locale, question, answer, category, tags } = entry;
  return FaqEntrySchema.safeParse({ id, locale, question, alternates, answer, category, tags });
}
