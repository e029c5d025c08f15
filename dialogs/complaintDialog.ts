import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Locale } from '../knowledge/faqEntry.js';
import { normalizeText } from '../knowledge/textNormalizer.js';
import { HANDOFF_MESSAGES } from './handoffMessages.js';

/** What the complaint intake starts with and returns. */
export interface ComplaintDetails {
  readonly content: string;
  readonly locale: Locale;
  orderId?: string;
  contact?: string;
  /** Set when the customer cancelled the intake. */
  cancelled?: boolean;
}

export const COMPLAINT_DIALOG = 'complaintDialog';
const PROMPT = 'complaintText';

/** An order number as customers paste it: 8+ digits, or letters and digits together. */
const ORDER_ID = /(?<![\w])(?:[a-z]{1,4}[-_]?)?\d{8,24}(?![\w])/iu;
const CONTACT = /[\w.+-]+@[\w-]+(\.[\w-]+)+|\+?\d[\d\s-]{6,}\d/u;

/** A waterfall's scratch values, typed loosely as botbuilder leaves them. */
export const values = (step: WaterfallStepContext): Record<string, unknown> => step.values as Record<string, unknown>;

export function findOrderId(text: string): string | undefined {
  return ORDER_ID.exec(text)?.[0];
}

/**
 * Complaint intake after the apology: asks for the order number and a contact unless the
 * customer already gave them, so the ticket has what the seeds' process records. "取消" /
 * "cancel" at any prompt ends it.
 */
export class ComplaintDialog extends ComponentDialog {
  constructor() {
    super(COMPLAINT_DIALOG);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog('complaintSteps', [(s) => this.askOrder(s), (s) => this.askContact(s), (s) => this.finish(s)]));
    this.initialDialogId = 'complaintSteps';
  }

  protected override async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const details = this.details(dc);
    const text = normalizeText(dc.context.activity.text ?? '');
    if (details && HANDOFF_MESSAGES[details.locale].cancelWords.some((w) => normalizeText(w) === text)) {
      await dc.context.sendActivity(HANDOFF_MESSAGES[details.locale].cancelled);
      // Ends this component with no result: the caller opens no ticket.
      return dc.cancelAllDialogs();
    }
    return super.onContinueDialog(dc);
  }

  private async askOrder(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const d = step.options as ComplaintDetails;
    values(step).details = d;
    d.orderId ??= findOrderId(d.content);
    if (d.orderId) return step.next();
    return step.prompt(PROMPT, { prompt: HANDOFF_MESSAGES[d.locale].askOrderId });
  }

  private async askContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const d = values(step).details as ComplaintDetails;
    if (typeof step.result === 'string' && !this.isNone(d, step.result)) d.orderId = findOrderId(step.result) ?? step.result.trim().slice(0, 64);
    d.contact ??= CONTACT.exec(d.content)?.[0];
    if (d.contact) return step.next();
    return step.prompt(PROMPT, { prompt: HANDOFF_MESSAGES[d.locale].askContact });
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const d = values(step).details as ComplaintDetails;
    if (typeof step.result === 'string' && !this.isNone(d, step.result)) d.contact = step.result.trim().slice(0, 128);
    return step.endDialog(d);
  }

  private isNone(d: ComplaintDetails, text: string): boolean {
    const t = normalizeText(text);
    return HANDOFF_MESSAGES[d.locale].noneWords.some((w) => normalizeText(w) === t);
  }

  /** The intake's details, from the waterfall's state (below the prompt on this component's stack). */
  private details(dc: DialogContext): ComplaintDetails | undefined {
    const waterfall = dc.stack.find((d) => d.id === 'complaintSteps')?.state as { values?: { details?: ComplaintDetails } } | undefined;
    return waterfall?.values?.details;
  }
}
