import { z } from 'zod';
import { LOCALES, type Locale } from '../knowledge/faqEntry.js';

/** The six steps of the service flow, in order: 问候, 确认需求, 解答, 确认解决方案, 致谢与总结, 跟进. */
export const SERVICE_STAGES = ['greeting', 'confirmNeed', 'answer', 'confirmSolution', 'thanks', 'followUp'] as const;
export type ServiceStage = (typeof SERVICE_STAGES)[number];

/** Situations a reply script serves: the six flow stages, then the special situations of after-sales service. */
export const SCENARIOS = [
  ...SERVICE_STAGES,
  'complaint',
  'collectDetails',
  'askToWait',
  'transfer',
  'refund',
  'return',
  'deliveryDelay',
  'bargaining',
  'outOfStock',
  'closing',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/**
 * Variables a script may contain as `{name}`. Each fills in as a phrase that reads in place:
 * `customerName` a form of address, `agentName` who is writing, `orderId` a noun phrase for the order,
 * `eta` an adverbial of time ("24小时内", "within 24 hours").
 */
export const SCRIPT_VARIABLES = ['customerName', 'agentName', 'orderId', 'eta'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

/** The stage of the service flow each scenario belongs to. */
export const SCENARIO_STAGE: Readonly<Record<Scenario, ServiceStage>> = {
  greeting: 'greeting',
  confirmNeed: 'confirmNeed',
  answer: 'answer',
  confirmSolution: 'confirmSolution',
  thanks: 'thanks',
  followUp: 'followUp',
  complaint: 'answer',
  collectDetails: 'confirmNeed',
  askToWait: 'answer',
  transfer: 'answer',
  refund: 'answer',
  return: 'answer',
  deliveryDelay: 'answer',
  bargaining: 'answer',
  outOfStock: 'answer',
  closing: 'thanks',
};

const PLACEHOLDER = /\{([^{}]*)\}/gu;
const known = new Set<string>(SCRIPT_VARIABLES);
/** A field's message for a wrong type: "is required" when it is missing, `otherwise` when it is not. */
const expected = (otherwise: string) => (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : otherwise);
const oneOf = (values: readonly string[]) => expected(`must be one of ${values.join(', ')}`);

/**
 * One reply script (话术): a ready sentence an agent can send, with `{variable}` slots. Messages
 * are written to follow the field's name ("text: placeholders must be one of ...").
 */
export const ReplyScriptSchema = z.object({
  id: z
    .string({ error: expected('must be a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[\w.:-]+$/u, 'may contain only letters, digits and . _ : -'),
  locale: z.enum(LOCALES, { error: oneOf(LOCALES) }),
  scenario: z.enum(SCENARIOS, { error: oneOf(SCENARIOS) }),
  stage: z.enum(SERVICE_STAGES, { error: oneOf(SERVICE_STAGES) }),
  text: z
    .string({ error: expected('must be a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .refine((t) => [...t.matchAll(PLACEHOLDER)].every((m) => known.has(m[1] ?? '')), {
      message: `placeholders must be one of ${SCRIPT_VARIABLES.map((v) => `{${v}}`).join(' ')}`,
    })
    .refine((t) => !/[{}]/u.test(t.replace(PLACEHOLDER, '')), { message: 'unbalanced brace' }),
  /** Words in the customer's message that make this script the better pick within its scenario. */
  keywords: z
    .array(z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'), {
      error: expected('must be an array of words'),
    })
    .max(20, 'must have at most 20 words')
    .optional(),
});
export type ReplyScript = z.infer<typeof ReplyScriptSchema>;

/**
 * A script as an admin writes it: the id may be left out (the server makes one) and the stage
 * too, which then follows the scenario (`SCENARIO_STAGE`).
 */
export const ReplyScriptDraftSchema = ReplyScriptSchema.extend({
  id: ReplyScriptSchema.shape.id.optional(),
  stage: ReplyScriptSchema.shape.stage.optional(),
}).transform(({ stage, ...draft }) => ({ ...draft, stage: stage ?? SCENARIO_STAGE[draft.scenario] }));
export type ReplyScriptDraft = z.output<typeof ReplyScriptDraftSchema>;

/** [text, keywords?] */
type Row = readonly [string, (readonly string[])?];
type Library = Readonly<Record<Scenario, Readonly<Record<Locale, readonly Row[]>>>>;

const LIBRARY: Library = {
  greeting: {
    'zh-CN': [
      ['{customerName}您好，我是{agentName}，很高兴为您服务！请问有什么可以帮到您的呢？'],
      ['您好呀{customerName}，欢迎光临小店～我是{agentName}，商品、订单或售后的问题都可以告诉我哦。'],
      ['{customerName}您好，感谢您的耐心等待！我是{agentName}，请问今天想了解哪方面的问题呢？'],
      ['您好{customerName}，{agentName}在线为您服务～如果是订单相关的问题，方便的话把订单号发给我，我马上为您查询。', ['订单', '单号']],
    ],
    'en-US': [
      ["Hi {customerName}, I'm {agentName}. Thanks for reaching out! How can I help you today?"],
      ["Hello {customerName}, welcome! I'm {agentName}, and I'm happy to help with anything about our products, your orders or after-sales service."],
      ["Hi {customerName}, thanks for waiting! I'm {agentName}. If your question is about an order, feel free to share the order number and I'll look it up right away.", ['order']],
    ],
  },
  confirmNeed: {
    'zh-CN': [
      ['好的，我先和您确认一下，您想咨询的是{orderId}相关的问题，对吗？确认后我马上为您处理。', ['订单']],
      ['明白了，为了给您准确的答复，想再确认一下：您是希望退换货、查询物流，还是了解商品信息呢？'],
      ['收到～我复述一下您的需求，您看我理解得对不对：您希望尽快解决这个问题，并想知道明确的处理时间，是吗？'],
      ['感谢您说明情况！请问您现在最关心的是处理进度还是处理方式呢？我按您的重点优先跟进。'],
    ],
    'en-US': [
      ["Just to make sure I have this right: your question is about {orderId}, correct? Once you confirm, I'll get started.", ['order']],
      ['Thanks for explaining. So I can give you the right answer, are you looking to return or exchange an item, track a delivery, or learn more about a product?'],
      ["Let me repeat that back to be sure: you'd like this resolved quickly and want a clear time for when it will be done. Is that right?"],
    ],
  },
  answer: {
    'zh-CN': [
      ['我帮您查到了：{orderId}目前在正常处理中，预计{eta}会有新的进展，我会一直帮您留意着。', ['订单', '进度', '状态']],
      ['您问的这个问题很常见，请放心～我把具体的操作步骤整理给您，按步骤操作就可以了，有哪一步需要帮忙随时问我。', ['怎么', '如何', '步骤']],
      ['感谢您的耐心，{orderId}的最新情况我已经为您核实，预计{eta}处理完成，有任何变化我会及时告诉您。'],
      ['这款商品的详细参数和使用说明都在商品详情页，我也可以直接把重点整理给您，您最关心哪一点呢？', ['参数', '尺码', '材质', '商品']],
    ],
    'en-US': [
      ["Good news, I've looked into {orderId}: it's being processed normally, and you should see the next update {eta}. I'll keep an eye on it for you.", ['order', 'status']],
      ["That's a common question, so no worries! I'll walk you through the steps one by one. If any step is unclear, just ask.", ['how', 'steps']],
      ["All the product details are on the product page, but I'm happy to sum up the key points for you. Which detail matters most to you?", ['size', 'material', 'product']],
    ],
  },
  confirmSolution: {
    'zh-CN': [
      ['我把处理方案和您确认一下：我这边为您提交申请，预计{eta}完成，完成后会短信通知您，您看这样可以吗？'],
      ['这个方案您看是否满意呢？如果有哪里不合适，您尽管提出来，我再为您调整。'],
      ['再和您确认一下：问题已经按您的意思处理好了，{orderId}的状态也已经更新，您那边能看到吗？'],
      ['为了让处理结果符合您的预期，想跟您确认一下，现在这样安排您觉得可以吗？'],
    ],
    'en-US': [
      ["Here's the plan: I'll submit the request for you now, it should be completed {eta}, and you'll get a text message once it's done. Does that work for you?"],
      ["Are you happy with this solution? If anything doesn't suit you, just let me know and I'll adjust it."],
      ['Just confirming: everything has been handled as you asked, and {orderId} has been updated. Can you see the change on your side?'],
    ],
  },
  thanks: {
    'zh-CN': [
      ['非常感谢您的理解与支持！今天为您处理了{orderId}的问题，后续有任何需要随时找我哦～'],
      ['谢谢您的耐心配合，{customerName}！问题已经处理好啦，祝您购物愉快、生活顺心～'],
      ['感谢您选择我们小店！简单总结一下：您的问题已登记处理，预计{eta}完成，有进展我会及时告诉您。'],
      ['不客气，能帮到您是我的荣幸～对这次服务有任何意见或建议，也欢迎告诉我们，您的反馈对我们很重要。', ['谢谢', '感谢', '多谢']],
    ],
    'en-US': [
      ["Thank you so much for your patience and understanding! To sum up, we've sorted out {orderId}. If anything else comes up, I'm right here."],
      ["You're very welcome! It was a pleasure helping you. Wishing you a great day and happy shopping!", ['thank', 'thanks', 'thx']],
      ["Thanks for shopping with us! Quick summary: your request is logged and should be completed {eta}. I'll update you as soon as there's news."],
    ],
  },
  followUp: {
    'zh-CN': [
      ['{customerName}您好，我是{agentName}，来跟进一下您之前反馈的问题，现在已经处理好了吗？'],
      ['您好，{orderId}的处理有了新进展，我已经帮您确认过，预计{eta}完成，请您留意短信通知～'],
      ['您好，之前帮您处理的问题，想回访一下您的使用感受，如果还有任何不满意的地方，请告诉我。'],
      ['您好呀，您上次关心的问题我一直记着，已经请相关同事加急处理，{eta}我会再给您答复。', ['上次', '之前', '又']],
    ],
    'en-US': [
      ["Hi {customerName}, it's {agentName}, following up on the issue you reported. Has everything been sorted out?"],
      ["Hi {customerName}, there's an update on {orderId}: I've confirmed it should be completed {eta}. Please keep an eye out for our text message."],
      ['Hi {customerName}, I wanted to check in on how things are going since our last chat. If anything still is not right, please let me know.', ['again', 'before', 'last time']],
    ],
  },
  complaint: {
    'zh-CN': [
      ['{customerName}，非常理解您现在的心情，遇到这样的情况换作是我也会很着急，真的很抱歉给您带来了不好的体验。我现在就为您处理，{eta}一定给您明确的答复。'],
      ['实在抱歉让您失望了！您反馈的问题我已经详细记录，会立即升级给负责的同事加急处理，{eta}给您回复处理结果。', ['投诉', '差评']],
      ['您的感受我完全理解，这次是我们做得不够好，向您郑重道歉。我会全程跟进{orderId}，{eta}主动联系您给出解决方案。'],
      ['非常抱歉让您等了这么久还没解决，辛苦您了！我现在为您优先处理，{eta}主动告诉您进展，不用您再来询问。', ['多久', '一直', '还没']],
    ],
    'en-US': [
      ["I completely understand how frustrating this must be, and I'm truly sorry for the trouble. I'm taking care of it right now and will give you a clear answer {eta}."],
      ["I'm so sorry we let you down. I've recorded everything you told me and escalated it to the team, and I'll get back to you with the outcome {eta}.", ['complaint', 'complain', 'review']],
      ["I hear you, and I'm sincerely sorry this happened. I'll personally follow {orderId} through and contact you with a solution {eta}."],
    ],
  },
  collectDetails: {
    'zh-CN': [
      ['为了尽快帮您核实，麻烦提供一下订单号和收件人姓名，我这边马上查询。', ['订单', '物流', '快递']],
      ['方便的话，请拍一张商品问题处的照片发给我，我好更准确地判断，并为您安排处理。', ['质量', '坏', '破', '瑕疵']],
      ['请问商品是哪一天签收的呢？包装和吊牌是否还在？这些信息能帮我为您选择合适的处理方式。', ['退货', '退换', '换货']],
      ['麻烦您告诉我具体的颜色、尺码和数量，我帮您逐一核对{orderId}的信息。', ['尺码', '颜色', '发错']],
    ],
    'en-US': [
      ['To check this for you quickly, could you share your order number and the name on the order?', ['order', 'parcel', 'package', 'delivery']],
      ["If it's convenient, could you send a photo of the issue? It helps me arrange the right fix for you straight away.", ['broken', 'damaged', 'defect', 'quality']],
      ['Could you tell me when the parcel was delivered, and whether the tags and packaging are still intact? That way I can pick the right option for you.', ['return', 'exchange']],
    ],
  },
  askToWait: {
    'zh-CN': [
      ['{customerName}请稍等，我正在为您查询，大约需要2分钟，请不要走开哦～'],
      ['这个问题需要我向仓库同事核实，请您稍等3分钟左右，确认后我立刻回复您。'],
      ['感谢您的耐心，我这边还在为您核实中，很快就好，请再给我1分钟时间。'],
      ['让您久等了，非常抱歉！信息我正在加紧确认，5分钟内一定给您回复。', ['等了', '久', '在吗', '人呢']],
    ],
    'en-US': [
      ["Please give me a moment, I'm looking this up for you now. It should take about 2 minutes."],
      ["I need to check this with our warehouse team. Could you hold on for about 3 minutes? I'll reply as soon as I've confirmed."],
      ["Sorry to keep you waiting, and thanks for your patience! I'm still checking and will reply within 5 minutes.", ['waiting', 'there', 'hello']],
    ],
  },
  transfer: {
    'zh-CN': [
      ['为了更好地解决您的问题，我现在为您转接专业的售后同事，他会继续为您服务，请稍等片刻～'],
      ['您的情况我已经详细备注好了，转接后您不用重复描述，请稍候，马上为您接通。'],
      ['现在为您转接客服主管，预计1分钟内接入，给您带来不便，敬请谅解。', ['主管', '经理', '领导']],
      ['我帮您转给负责这类问题的同事，他们会在{eta}联系您，这段时间有任何问题也可以随时找我。'],
    ],
    'en-US': [
      ["To get this fully resolved, I'm transferring you to a specialist colleague now. They'll take it from here. Please hold on a moment."],
      ["I've added detailed notes, so you won't need to repeat yourself after the transfer. Connecting you now."],
      ["I'm connecting you with a senior agent, who should join in about a minute. Sorry for the inconvenience, and thank you for waiting.", ['manager', 'supervisor', 'senior']],
    ],
  },
  refund: {
    'zh-CN': [
      ['您的退款申请已收到，审核通过后原路退回，一般1-3个工作日到账，{orderId}的退款进度我会持续帮您跟进。', ['到账', '多久', '进度', '什么时候']],
      ['我现在就为您处理{orderId}的退款，审核会在{eta}完成，退款成功后系统会短信通知您。', ['申请', '处理', '要退款']],
      ['非常抱歉给您添麻烦了，退款已经为您加急提交，到账后麻烦您留意一下支付账户，有任何问题随时找我。', ['加急', '急']],
      ['请问您是希望仅退款，还是退货退款呢？您告诉我后，我帮您选择处理更快的方式。', ['怎么', '如何']],
    ],
    'en-US': [
      ["Your refund request has been received. Once approved, the money goes back to your original payment method, usually within 1-3 business days. I'll keep tracking {orderId} for you.", ['when', 'long', 'status']],
      ["I'm processing the refund for {orderId} now. The review will be completed {eta}, and you'll get a text message once the refund is issued.", ['want', 'request']],
      ["Would you like a refund only, or to return the item for a refund? Let me know and I'll pick the faster way for you.", ['how']],
    ],
  },
  return: {
    'zh-CN': [
      ['{orderId}支持退货，您在订单页面点击“申请售后”并选择退货就可以，提交后我帮您优先审核。', ['怎么', '如何', '申请']],
      ['非常抱歉商品没能让您满意！退货时请保持商品、吊牌和包装完好，寄回后我们会在{eta}完成验收。'],
      ['如果是商品质量问题导致的退货，来回运费由我们承担，请您放心。', ['运费', '邮费', '质量']],
      ['退货寄出后，麻烦把快递单号告诉我，我帮您登记并跟进仓库签收和退款进度。', ['单号', '寄', '寄回']],
    ],
    'en-US': [
      ['{orderId} can be returned. Just open the order page, tap "Request after-sales service" and choose Return. I\'ll review it as a priority.', ['how', 'start']],
      ["Sorry the item didn't work out for you! Please keep the tags and packaging intact. Once it's back with us, we'll finish inspecting it {eta}."],
      ["If the return is due to a quality issue, we'll cover the return shipping, so please don't worry.", ['shipping', 'fee', 'cost', 'quality']],
    ],
  },
  deliveryDelay: {
    'zh-CN': [
      ['非常抱歉让您久等了！我已经帮您查询{orderId}的物流，并联系快递加急派送，{eta}给您反馈最新进展。'],
      ['理解您着急的心情，包裹目前在运输途中，近期件量较大有些延误，我会持续跟踪，一有更新就告诉您。', ['慢', '着急']],
      ['我这边已经向快递公司发起催件，预计{eta}会有派送消息，如果仍未更新，我再为您进一步处理。', ['催']],
      ['给您添麻烦了！如果包裹长时间没有更新，我们会为您补发或退款，请您放心，我会负责到底。', ['不动', '没更新', '丢', '几天']],
    ],
    'en-US': [
      ["I'm so sorry for the wait! I've checked the tracking for {orderId} and asked the courier to speed up delivery. I'll update you {eta}."],
      ["I understand you're eager to get it. The parcel is on its way but running late due to high volumes. I'll keep tracking it and tell you as soon as it moves.", ['late', 'slow']],
      ["If the parcel stays stuck with no updates, we'll reship it or refund you, so please don't worry. I'll see this through for you.", ['stuck', 'lost', 'moved', 'days']],
    ],
  },
  bargaining: {
    'zh-CN': [
      ['非常感谢您的喜爱！这款已经是很实在的活动价啦，我帮您领一张店铺优惠券，下单立减更划算～', ['便宜', '优惠', '优惠券']],
      ['理解您想更实惠的心情！我们的价格对每位顾客都一样公道，现在店铺有满减活动，我帮您看看怎么搭配更合适。', ['便宜', '少点', '降价']],
      ['这款用料和做工都很扎实，价格一直很稳定。您这次下单的话，我帮您申请一份小赠品，表示我们的心意～', ['贵', '太贵']],
      ['您多买几件的话可以享受满减优惠，我帮您算一下更划算的组合，您看可以吗？', ['多买', '几件', '批量', '两件']],
    ],
    'en-US': [
      ["Thanks so much for your interest! This is already our promotional price, but I can send you a store coupon so you save a bit more at checkout.", ['discount', 'coupon', 'cheaper']],
      ["I understand wanting a good deal! Our prices are the same for every customer, and there's a spend-and-save offer running now. I'd be glad to help you find the best-value combination.", ['expensive', 'deal', 'lower']],
      ['If you buy more than one, you get a multi-buy discount. Shall I work out the best-value combination for you?', ['more', 'bulk', 'several', 'two']],
    ],
  },
  outOfStock: {
    'zh-CN': [
      ['非常抱歉，您看中的这款暂时缺货了。我帮您登记到货提醒，补货后会尽快通知您。', ['缺货', '没货']],
      ['真不好意思，这个颜色或尺码目前断货了，给您推荐一款相似的款式，版型和材质都很接近，您要不要看看？', ['颜色', '尺码', '码']],
      ['抱歉让您失望了！这款预计{eta}补货，我已经为您登记，到货后会马上联系您。', ['什么时候', '补货', '多久']],
      ['这款卖得特别好，暂时没有库存了，我记下了您的喜好，有同款或相似新品上架时会优先告诉您。'],
    ],
    'en-US': [
      ["I'm sorry, this item is out of stock right now. I've added you to the restock alert list, and you'll be notified as soon as it's back."],
      ["Sorry, that colour or size is sold out at the moment. There's a very similar style with almost the same fit and fabric. Would you like me to send you the link?", ['size', 'colour', 'color']],
      ["Apologies for the disappointment! This item should be restocked {eta}. I've noted your request and will reach out as soon as it arrives.", ['when', 'restock']],
    ],
  },
  closing: {
    'zh-CN': [
      ['请问还有其他可以帮您的吗？如果没有的话，祝您生活愉快，期待您再次光临～'],
      ['感谢您的咨询，{customerName}！后续有任何问题，随时在这里找我就可以，我是{agentName}，随时为您服务。'],
      ['今天的问题都帮您处理好啦，祝您购物愉快，有需要随时联系我们哦～', ['没有了', '没问题', '好的']],
      ['感谢您对小店的支持，{orderId}后续有任何变化，我会及时通知您，再见～'],
    ],
    'en-US': [
      ['Is there anything else I can help you with? If not, have a wonderful day, and we hope to see you again soon!'],
      ['Thanks for chatting with me! If anything else comes up, just message us here any time. Have a great day!'],
      ["Everything's taken care of for today. Happy shopping, and feel free to reach out whenever you need us!", ['all', 'nothing', 'done']],
    ],
  },
};

function build(): ReplyScript[] {
  const scripts: ReplyScript[] = [];
  for (const scenario of SCENARIOS) {
    for (const locale of LOCALES) {
      LIBRARY[scenario][locale].forEach(([text, keywords], i) => {
        scripts.push({
          id: `${scenario}.${locale}.${i + 1}`,
          locale,
          scenario,
          stage: SCENARIO_STAGE[scenario],
          text,
          ...(keywords ? { keywords: [...keywords] } : {}),
        });
      });
    }
  }
  return scripts;
}

/**
 * The built-in reply-script library (话术库): for every scenario at least four zh-CN and three
 * en-US scripts, warm and specific, free of banned phrases. Complaint scripts carry empathy, an
 * apology and a promise with a concrete time (`{eta}`).
 */
export const DEFAULT_REPLY_SCRIPTS: readonly ReplyScript[] = build();
