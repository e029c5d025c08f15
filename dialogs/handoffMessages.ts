import type { Locale } from '../knowledge/faqEntry.js';

/** What the bot says around a handoff, in the spirit of 情感先行: feelings first, then the fix. */
export interface HandoffMessages {
  readonly empathy: string;
  readonly askOrderId: string;
  readonly askContact: string;
  readonly noneWords: readonly string[];
  readonly queued: (ahead: number) => string;
  readonly offHours: (ticketId?: string) => string;
  readonly ticketCreated: (ticketId: string) => string;
  readonly waitingNotice: string;
  readonly cancelled: string;
  readonly cancelWords: readonly string[];
  readonly agentJoined: (name: string) => string;
  readonly ratingPrompt: string;
  readonly ratingThanks: string;
  /** The NPS question, asked after the rating when the shop enables it. */
  readonly recommendPrompt: string;
}

/** Minutes a customer may expect per conversation ahead of them. */
const MINUTES_EACH = 3;

export const HANDOFF_MESSAGES: Readonly<Record<Locale, HandoffMessages>> = {
  'zh-CN': {
    empathy: '非常抱歉给您带来了不好的体验,您的心情我完全理解。我马上为您登记,并请专人跟进处理。',
    askOrderId: '为了尽快帮您处理,请告诉我相关的订单号(没有的话回复「没有」)。',
    askContact: '方便留一个联系方式吗(手机号或邮箱)?专人会用它跟进。不方便的话回复「跳过」。',
    noneWords: ['没有', '无', '跳过', '不方便', '不用', '没', 'no', 'none', 'skip'],
    queued: (ahead) =>
      ahead === 0
        ? '已为您转接人工客服,客服马上就来,请稍候。期间您可以继续留言,回复「取消」可返回智能客服。'
        : `已为您转接人工客服,您前面还有 ${ahead} 位顾客,预计等待约 ${ahead * MINUTES_EACH} 分钟。期间您可以继续留言,回复「取消」可返回智能客服。`,
    offHours: (ticketId) =>
      `现在暂时没有人工客服在线(人工服务时间为每天 9:00-24:00)。您的问题已经完整记录${ticketId ? `,工单号 ${ticketId}` : ''},我们会在 24 小时内回复您,不会遗漏。`,
    ticketCreated: (ticketId) => `已为您创建投诉工单 ${ticketId},处理进展会及时告知您。`,
    waitingNotice: '您的消息已转给客服同事,接入后会第一时间回复您。回复「取消」可返回智能客服。',
    cancelled: '好的,已为您取消人工服务,我继续为您服务。还有什么可以帮您?',
    cancelWords: ['取消', '不用了', '算了', '不需要了', '取消转人工'],
    agentJoined: (name) => `客服${name}已接入,正在为您服务。`,
    ratingPrompt: '本次服务已结束,感谢您的耐心!请为本次服务打个分吧(1-5 分,5 分最满意):',
    ratingThanks: '感谢您的评价!祝您生活愉快,有需要随时找我们。',
    recommendPrompt: '谢谢您的评分!最后一个小问题:您有多大可能把我们推荐给亲友?(0-10 分,10 分最愿意)',
  },
  'en-US': {
    empathy: "I'm really sorry about this experience, and I understand how frustrating it is. I'll log it right away and have a specialist follow up.",
    askOrderId: "So we can sort this out quickly, what's the order number? (Reply \"none\" if you don't have one.)",
    askContact: 'Could you leave a phone number or e-mail so the specialist can follow up? Reply "skip" if you prefer not to.',
    noneWords: ['none', 'no', 'skip', 'n/a', 'dont have', 'do not have', '没有', '跳过'],
    queued: (ahead) =>
      ahead === 0
        ? 'I\'ve passed you to a human agent, who will be with you shortly. You can keep writing meanwhile; reply "cancel" to come back to me.'
        : `I've passed you to a human agent. There ${ahead === 1 ? 'is 1 customer' : `are ${ahead} customers`} ahead of you, about ${ahead * MINUTES_EACH} minutes' wait. You can keep writing meanwhile; reply "cancel" to come back to me.`,
    offHours: (ticketId) =>
      `No agent is available right now (people are here 09:00-24:00 Beijing time). Everything you wrote is saved${ticketId ? ` under ticket ${ticketId}` : ''}, and we will get back to you within 24 hours.`,
    ticketCreated: (ticketId) => `I've opened complaint ticket ${ticketId}; we'll keep you posted on it.`,
    waitingNotice: 'Your message has been passed on; an agent will reply as soon as they join. Reply "cancel" to come back to me.',
    cancelled: "No problem, I've cancelled the request for an agent. How else can I help?",
    cancelWords: ['cancel', 'never mind', 'nevermind', 'forget it', 'no need'],
    agentJoined: (name) => `${name} from our service team has joined and is looking after you now.`,
    ratingPrompt: 'This chat has ended; thank you for your patience! How would you rate our service (1-5, 5 is best)?',
    ratingThanks: 'Thank you for your rating! Have a lovely day, and come back any time.',
    recommendPrompt: 'Thanks for the rating! One last question: how likely are you to recommend us to a friend (0-10, 10 is most likely)?',
  },
};
