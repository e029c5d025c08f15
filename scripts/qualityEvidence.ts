/** The wording of quality-inspection evidence, in the conversation's language. */
import type { Locale } from '../knowledge/faqEntry.js';
import { RESPONSE_TIME_LIMITS } from './qualityInspection.js';

/** Evidence facts, in the conversation's language. */
export interface Facts {
  readonly noReply: string;
  readonly firstReply: (seconds: number) => string;
  readonly noGreeting: string;
  readonly noOffer: string;
  readonly violation: (quote: string, category: string, line: string) => string;
  readonly overrides: (count: number) => string;
  readonly clean: (count: number) => string;
  readonly notApplicable: string;
  readonly noEmpathy: (reasons: string) => string;
  readonly noConfirmation: string;
  readonly noClosing: string;
}

// Read when the text is written, not at import: the limits live in qualityInspection, which imports this file.
const fullS = (): number => RESPONSE_TIME_LIMITS.fullMs / 1000;
const halfS = (): number => RESPONSE_TIME_LIMITS.halfMs / 1000;

export const FACTS: Readonly<Record<Locale, Facts>> = {
  'zh-CN': {
    noReply: '坐席接入后没有回复',
    firstReply: (s) => `首次回复用时 ${s} 秒（${fullS()} 秒内满分，${halfS()} 秒内一半）`,
    noGreeting: '首次回复没有问候语（您好/你好/亲）',
    noOffer: '首次回复有问候，但没有提供帮助或自我介绍',
    violation: (quote, category, line) => `禁用语「${quote}」(${category})：${line}`,
    overrides: (n) => `${n} 条回复在禁用语提醒后仍然发送`,
    clean: (n) => `已检查坐席 ${n} 条消息，未发现禁用语`,
    notApplicable: '非投诉或情绪类转人工，不检查安抚致歉',
    noEmpathy: (reasons) => `转人工原因：${reasons}；坐席没有致歉或安抚`,
    noConfirmation: '坐席没有向客户确认方案是否可行或是否还有其他问题',
    noClosing: '坐席最后两条消息中没有标准结束语',
  },
  'en-US': {
    noReply: 'no agent reply after the conversation was accepted',
    firstReply: (s) => `first reply after ${s} s (full points within ${fullS()} s, half within ${halfS()} s)`,
    noGreeting: 'the first reply has no greeting (hello/hi)',
    noOffer: 'the first reply greets but neither offers help nor introduces the agent',
    violation: (quote, category, line) => `banned phrase "${quote}" (${category}): ${line}`,
    overrides: (n) => `${n} ${n === 1 ? 'reply' : 'replies'} sent despite a banned-phrase warning`,
    clean: (n) => `${n} agent ${n === 1 ? 'message' : 'messages'} checked, no banned phrase`,
    notApplicable: 'not a complaint or anger handover, so no apology is required',
    noEmpathy: (reasons) => `handed over for ${reasons}; the agent never apologised or showed empathy`,
    noConfirmation: 'the agent never checked that the solution works for the customer',
    noClosing: 'no standard closing in the agent\'s last two messages',
  },
};
