import { CardFactory, type MessagingExtensionAction, type MessagingExtensionActionResponse, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import type { Locale } from '../../knowledge/faqEntry.js';
import { localeFromTag } from '../../knowledge/localeDetector.js';
import { normalizeText } from '../../knowledge/textNormalizer.js';
import type { Violation } from '../../scripts/bannedPhraseGuard.js';
import { fillScript } from '../../scripts/fillScript.js';
import type { ReplyScript } from '../../scripts/replyScripts.js';

export interface AgentMessageExtensionOptions {
  /** The current script library, read on every search (admins' edits apply at once). */
  readonly scripts: () => readonly ReplyScript[];
  readonly check: (text: string) => Violation[];
}

const MAX_RESULTS = 10;

/**
 * The Teams message extension for agents: `searchScripts` finds reply scripts from the compose
 * box and inserts one as a card; `checkDraft` checks a draft against the banned-phrase guard.
 */
export class AgentMessageExtension {
  constructor(private readonly o: AgentMessageExtensionOptions) {}

  query(query: MessagingExtensionQuery, channelLocale: string | undefined): MessagingExtensionResponse {
    if (query.commandId !== 'searchScripts') return { composeExtension: { type: 'message', text: `Unknown command ${query.commandId ?? ''}` } };
    const raw = String(query.parameters?.find((p) => p.name === 'query')?.value ?? '');
    const wanted = normalizeText(raw);
    const locale: Locale = /\p{Script=Han}/u.test(raw) ? 'zh-CN' : raw ? 'en-US' : localeFromTag(channelLocale);
    const found = this.o.scripts()
      .filter((s) => s.locale === locale)
      .filter((s) => !wanted || [s.text, s.scenario, s.stage, ...(s.keywords ?? [])].some((t) => normalizeText(t).includes(wanted)))
      .slice(0, MAX_RESULTS);
    const attachments = found.map((s) => {
      const text = fillScript(s.text, {}, s.locale);
      return { ...CardFactory.thumbnailCard('', text), preview: CardFactory.thumbnailCard(s.scenario, text.slice(0, 80)) };
    });
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  submitAction(action: MessagingExtensionAction): MessagingExtensionActionResponse {
    if (action.commandId !== 'checkDraft') return { task: { type: 'message', value: `Unknown command ${action.commandId ?? ''}` } };
    const given = (action.data as { draft?: unknown } | undefined)?.draft;
    const draft = typeof given === 'string' ? given : '';
    const violations = this.o.check(draft);
    const value =
      violations.length === 0
        ? '✅ No banned phrases. 没有禁用语,可以发送。'
        : violations.map((v) => `⚠️ “${draft.slice(v.start, v.end)}” (${v.category}) → ${v.suggestion}`).join('\n');
    return { task: { type: 'message', value } };
  }
}
