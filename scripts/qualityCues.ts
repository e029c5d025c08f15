/** The words quality inspection listens for in agents' lines, both languages, matched on normalised clauses. */
import { CueSet } from './cueSet.js';

/** Lookbehind for an English word start in a normalised clause. */
const W = '(?<![\\p{L}\\p{N}])';
const en = (source: string): RegExp => new RegExp(`${W}${source}(?![\\p{L}\\p{N}])`, 'u');
/** "I'm …" that is not a self-introduction ("I'm sorry", "I'm afraid", "I'm checking"). */
const NOT_A_NAME = [
  'sorry', 'afraid', 'not', 'so', 'really', 'very', 'truly', 'terribly', 'still', 'just', 'checking', 'looking', 'going', 'unable',
  'sure', 'glad', 'happy', 'here', 'on', 'back', 'now', 'also', 'trying', 'working', 'pleased', 'delighted', 'transferring', 'connecting',
].join('|');

/** The lexicon, matched in either language on normalised clauses (lower case, simplified, NFKC). */
export const QUALITY_CUES = {
  greeting: new CueSet({
    phrases: ['您好', '你好', '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '哈喽', '嗨',
      'hi', 'hello', 'hey', 'greetings', 'good morning', 'good afternoon', 'good evening', 'welcome'],
    patterns: [/^亲(?![自戚人身手眼友属生])/u, /欢迎(?:光临|您|来到)/u],
    masks: [/[你您]好(?:像|好|多|几|些|久)/u],
  }),
  offer: new CueSet({
    patterns: [
      /为[您你](?:服务|效劳)/u, /有什么(?:可以|能|需要|我能|我可以|问题|疑问)/u, /(?:想|需要|要)(?:咨询|了解|办理)(?:什么|哪)/u,
      en('how (?:can|may|could|might) (?:i|we) (?:help|assist)'), en('what can (?:i|we) (?:do|help)'),
      en('(?:happy|glad|here|pleased|delighted) to (?:help|assist)'), en('(?:can|may) i (?:help|assist)'),
    ],
  }),
  intro: new CueSet({
    patterns: [
      /我是(?!说|不是|真的|在)/u, /这里是/u, /工号/u, en('my name is \\p{L}+'), en('this is \\p{L}+ (?:from|here|speaking|with|at)'),
      new RegExp(`${W}i am (?!(?:${NOT_A_NAME})(?![\\p{L}]))\\p{L}+`, 'u'),
    ],
  }),
  empathy: new CueSet({
    phrases: ['抱歉', '对不起', '不好意思', '道歉', '歉意', '添麻烦',
      'sorry', 'apologies', 'i hear you', 'i can imagine', 'let you down', 'for the inconvenience'],
    patterns: [
      /(?:我|非常|完全|十分|特别|很|能|可以)理解/u, /理解[您你]/u, /给[您你]?带来了?.{0,8}(?:不便|困扰|麻烦|不好|不愉快|损失)/u,
      /让[您你](?:久等|失望|担心|着急|受委屈|不愉快|费心)/u, /辛苦[您你]了/u,
      en('apologi[sz]e'), en('i (?:completely |totally |fully |really |truly |absolutely |can |do )?understand'),
      en('(?:must be|must have been|sounds|is) (?:so |really |very )?(?:frustrating|annoying|upsetting|stressful|disappointing)'),
    ],
    masks: [/理解(?:错|为|吗|了吗)/u, /(?:希望|请)[您你]?(?:能|可以)?理解/u],
  }),
  confirmation: new CueSet({
    phrases: ['anything else', 'any other questions', 'any other question', 'any more questions'],
    patterns: [
      /这样.{0,8}(?:可以|行|满意|合适|妥当|接受)[吗嘛么]/u, /[您你](?:看|觉得).{0,8}(?:可以|行|满意|合适|怎么样|如何)/u,
      /(?:还有|有)(?:什么)?(?:其他|其它|别的)的?(?:问题|疑问|需要|需求|地方|可以|能)/u, /还有什么(?:问题|疑问|需要|可以|能|要)/u,
      /(?:解决|处理好|处理妥当)了(?:吗|没)/u, /(?:是否|有没有|是不是)(?:已经|都)?(?:解决|处理好|满意|符合)/u, /满意[吗嘛么]/u, /(?:能|可以)(?:看到|收到)[吗了]/u,
      en('(?:does|did|do|will|would) (?:that|this|it) (?:work|help|solve|fix|answer|sort|suit|sound)'),
      en('is (?:that|this|it|everything) (?:ok|okay|alright|all right|acceptable|fine|sorted|working)'),
      en('(?:has|have|did) (?:that|this|it|everything) (?:solved|fixed|resolved|sorted|answered|helped|solve|fix|resolve|help|answer)'),
      en('are you (?:happy|satisfied|ok|okay) with'), en('(?:can|could) you see (?:the|it|that|this)'),
    ],
  }),
  closing: new CueSet({
    phrases: ['感谢', '谢谢', '多谢', '再见', '拜拜', '祝您', '祝你', '不客气', '别客气', '荣幸', '期待您', '再次光临', '下次光临',
      'thank you', 'thanks', 'thx', 'goodbye', 'good bye', 'bye', 'take care', 'happy shopping', 'see you again', 'wishing you'],
    patterns: [
      en('have a (?:great|good|nice|wonderful|lovely|fantastic|pleasant|happy) (?:day|evening|weekend|night|one|time)'),
      en('you are (?:very |most |so )?welcome'), en('(?:it was|it has been) (?:a |my )?pleasure'), en('appreciate your (?:patience|understanding|time)'),
    ],
  }),
} as const;
