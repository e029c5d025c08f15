import { CueSet } from './cueSet.js';
import { hasLiveCue } from './liveCue.js';

/** Who English speakers ask for. */
const PERSON = '(human|humans|agent|agents|person|representative|rep|operator|someone|somebody|staff|employee|people)';
const FILLER = '(me|to|with|through|a|an|the|some|real|live|actual|your|customer|service|support|over|one|of|talk|speak)';

/** The many ways of asking for a person, and of saying the bot will not do. */
const HUMAN = new CueSet({
  phrases: [
    '转人工', '人工客服', '人工服务', '找人工', '要人工', '接人工', '叫人工', '人工呢', '人工在吗', '真人', '活人',
    '叫个人', '换个人', '找个人', '来个人', '有人吗', '有人在吗', '跟人说', '和人说', '跟人聊', '和人聊',
    '别用机器人', '不要机器人', '不要用机器人', '机器人敷衍', '别拿机器人', '不想跟机器人', '不想和机器人',
    '机器人听不懂', '跟人工', '和人工',
    'live agent', 'stop the bot', 'useless bot', 'stupid bot',
  ],
  patterns: [
    /^(人工)+$/u,
    /有没有人(啊|呀|在|在吗|理我|管)?$/u,
    /^人呢$|(客服|人工)(人)?呢$/u,
    /(让|叫|换|找|请)(个|一个)?(真人|人工|客服)/u,
    new RegExp(`\\b(talk|speak|chat|connect|transfer|put|get|give|need|want|reach|contact)( ${FILLER})* ${PERSON}\\b`, 'u'),
    new RegExp(`^(please |pls |plz )?(a )?(${PERSON}|customer service)( please| pls| plz| now)?$`, 'u'),
    /\b(is there|are there|is anyone|any) (an |a |any )?(human|operator|real person|live agent|agent|representative)\b/u,
    /\b(bot|robot|chatbot|machine)\b( \w+){0,2} (useless|stupid|dumb|not helping|not helpful|garbage|sucks)\b/u,
    /机器人(太|真|好|这么|怎么这么)?(笨|蠢|没用|垃圾|废物|智障)/u,
    /\b(talk|speak|chat|contact|reach|connect|transfer)( (me|to|with|through|your|the))* (customer service|customer support|support team|support)\b/u,
    /\bnot want to (talk|speak|chat) (to|with) (a |the |this )?(bot|robot|machine)\b/u,
  ],
  masks: [
    '人工智能', '人工费', '人工草坪', '人工皮革', '人工湖', '人工成本', '真人实拍', '真人图', '真人秀', '真人版',
    '真人试穿', '真人模特', '真人发', '真人尺寸', '真人cs',
    /(扫地|擦窗|炒菜|陪伴|早教|玩具|编程|拖地)机器人.*/u,
  ],
});

/** True when the customer asks for a person (or says the bot is no use to them). */
export function requestsHuman(clauses: readonly string[]): boolean {
  return hasLiveCue(clauses, HUMAN);
}
