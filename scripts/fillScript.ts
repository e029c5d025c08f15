import type { Locale } from '../knowledge/faqEntry.js';
import { SCRIPT_VARIABLES, type ScriptVariable } from './replyScripts.js';

/** Values for a script's variables; any may be missing. */
export type ScriptVars = Partial<Record<ScriptVariable, string>>;

/** What a missing variable becomes, so the sentence still reads naturally. */
export const VARIABLE_DEFAULTS: Readonly<Record<Locale, Readonly<Record<ScriptVariable, string>>>> = {
  'zh-CN': { customerName: '亲', agentName: '您的专属客服', orderId: '您的订单', eta: '24小时内' },
  'en-US': { customerName: 'there', agentName: 'your support agent', orderId: 'your order', eta: 'within 24 hours' },
};

const PLACEHOLDER = /\{([^{}]*)\}/gu;
const SENTENCE_START = /(?:^|[.!?]\s+)$/u;

/**
 * Fills a script's `{customerName}`, `{agentName}`, `{orderId}` and `{eta}`. A missing or blank
 * value falls back to `VARIABLE_DEFAULTS` (亲 / "there", 您的订单 / "your order", 24小时内 /
 * "within 24 hours"); a given order id is read as "订单 X" / "order X". Unknown placeholders are
 * dropped and no brace is ever left in the result. English fills at the start of a sentence are
 * capitalised.
 */
export function fillScript(text: string, vars: ScriptVars, locale: Locale): string {
  const filled = text.replace(PLACEHOLDER, (_match, name: string, offset: number, whole: string) => {
    const value = valueOf(name, vars, locale);
    if (locale === 'en-US' && SENTENCE_START.test(whole.slice(0, offset))) return capitalise(value);
    return value;
  });
  const clean = filled.replace(/[{}]/gu, '');
  return locale === 'en-US' ? clean.replace(/ {2,}/gu, ' ').replace(/ ([,.!?])/gu, '$1').trim() : clean.trim();
}

function valueOf(name: string, vars: ScriptVars, locale: Locale): string {
  if (!isVariable(name)) return '';
  const given = vars[name]?.replace(/[{}]/gu, '').trim();
  if (!given) return VARIABLE_DEFAULTS[locale][name];
  if (name !== 'orderId' || /^(?:订单|order\b)/iu.test(given)) return given;
  return locale === 'zh-CN' ? `订单${given}` : `order ${given}`;
}

function isVariable(name: string): name is ScriptVariable {
  return (SCRIPT_VARIABLES as readonly string[]).includes(name);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
