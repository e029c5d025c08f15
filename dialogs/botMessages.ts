import type { Locale } from '../knowledge/faqEntry.js';

/** Everything the bot says to customers, in each locale, in the tone the service flow teaches. */
export interface BotMessages {
  readonly welcome: string;
  readonly starterQuestions: readonly string[];
  readonly didYouMean: string;
  readonly noneOfThese: string;
  readonly noMatch: string;
  readonly askHuman: string;
  readonly humanNoted: string;
  readonly wasThisHelpful: string;
  readonly helpful: string;
  readonly notHelpful: string;
  readonly thanksForFeedback: string;
  readonly sorryNotHelpful: string;
  readonly turnError: string;
}

export const BOT_MESSAGES: Readonly<Record<Locale, BotMessages>> = {
  'zh-CN': {
    welcome: '您好,欢迎光临!我是店铺的智能客服,24 小时在线。请问有什么可以帮您?您可以直接输入问题,也可以点下面的常见问题。',
    starterQuestions: ['什么时候发货?', '怎么申请退货?', '退款多久到账?', '怎么开发票?'],
    didYouMean: '您是想问:',
    noneOfThese: '都不是',
    noMatch:
      '抱歉,这个问题我暂时还答不上来,已经记录下来了。我可以帮您解答发货物流、退换货与退款、发票、支付与优惠、会员积分等问题,您也可以换个说法再问我,或者转人工客服。',
    askHuman: '转人工',
    humanNoted: '好的,已为您记录,客服同事会在人工服务时间(每天 9:00-24:00,北京时间)内查看并回复您。在这之前,您也可以继续问我其他问题。',
    wasThisHelpful: '这个回答对您有帮助吗?',
    helpful: '👍 有帮助',
    notHelpful: '👎 没帮助',
    thanksForFeedback: '感谢您的反馈!还有其他问题随时问我哦。',
    sorryNotHelpful: '抱歉没能帮到您,我已经记录下来,会努力改进。您可以换个说法再问我,或者转人工客服。',
    turnError: '抱歉,系统开了个小差,请稍后再发一次消息。给您添麻烦了!',
  },
  'en-US': {
    welcome: "Hello and welcome! I'm the shop's virtual assistant, here 24/7. How can I help you today? Type your question, or pick a common one below.",
    starterQuestions: ['When will my order ship?', 'How do I return an item?', 'How long does a refund take?', 'How do I get an invoice?'],
    didYouMean: 'Did you mean:',
    noneOfThese: 'None of these',
    noMatch:
      "Sorry, I can't answer that one yet, and I've noted it down. I can help with shipping and tracking, returns and refunds, invoices, payment and coupons, and membership points. You can rephrase your question or ask for a human agent.",
    askHuman: 'Talk to a person',
    humanNoted:
      "Got it, I've noted your request. Our team will read it and reply during service hours (09:00-24:00 Beijing time, every day). Meanwhile, feel free to ask me anything else.",
    wasThisHelpful: 'Was this helpful?',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    thanksForFeedback: 'Thanks for the feedback! Ask me anything else any time.',
    sorryNotHelpful: "Sorry that didn't help. I've noted it so we can do better. You can rephrase your question or ask for a human agent.",
    turnError: 'Sorry, something went wrong on our side. Please send your message again in a moment.',
  },
};
