import { CueSet } from './cueSet.js';
import { feltBySomeoneElse } from './emotionHolder.js';
import { englishSentiment } from './englishSentiment.js';
import { soundsImpatient } from './impatience.js';
import { isEmphatic, type Intensity } from './intensity.js';
import { hasLiveCue } from './liveCue.js';

/** Abuse, accusations of cheating, contempt, and threats to go public. */
const ABUSE = new CueSet({
  phrases: [
    '骗子', '骗人', '骗钱', '骗我', '诈骗', '欺诈', '坑人', '坑爹', '坑钱', '坑我', '被坑', '黑店', '垃圾', '奸商',
    '太过分', '过分了', '忍无可忍', '什么破', '破玩意', '什么玩意', '什么东西啊', '无语', '真是服了', '我服了',
    '真服了', '服了你们', '恶心', '离谱', '什么态度', '态度太差', '态度差', '卧槽', '我靠', '尼玛', '妈的', '他妈',
    'tmd', 'sb', '傻逼', '脑残', '死人', '有病', '欺负人', '搞什么鬼', '避雷', '上热搜', '找媒体', '找记者',
    '媒体曝光', '曝光', '全网', '让大家看看', '让大家都知道', '让所有人',
    'scam', 'scams', 'scammer', 'scammers', 'scammed', 'fraud', 'frauds', 'fraudulent', 'rip off', 'ripoff',
    'ripped off', 'liar', 'liars', 'lying', 'thief', 'thieves', 'stole', 'stealing', 'con artists', 'crooks',
    'ridiculous', 'unacceptable', 'pathetic', 'outrageous', 'disgraceful', 'appalling', 'garbage', 'trash', 'junk',
    'crap', 'bullshit', 'wtf', 'fuck', 'fucking', 'kidding me', 'this is a joke', 'sick of', 'sick and tired',
    'worst', 'never again', 'never buying', 'never buy from', 'never shopping', 'never ordering',
    'tell everyone', 'social media', 'go public', 'expose you', 'name and shame', 'warn everyone', 'everyone will know',
  ],
  patterns: [
    /(^|我|要|去|就|会|得|都)发(微博|抖音|小红书|朋友圈)/u,
    /\bworst (service|customer service|company|store|shop|experience|seller)\b/u,
    /\b(horrible|terrible|awful|shocking) (service|customer service|company|store|shop|experience|quality|product)\b/u,
  ],
  masks: [
    '垃圾袋', '垃圾桶', '垃圾分类', '垃圾篓', '垃圾处理', '垃圾邮件', '垃圾短信', '诈骗电话', '防诈骗', '反诈骗', '诈骗短信',
    '曝光补偿', '曝光度', '曝光时间', '曝光模式', '自动曝光', '长曝光', '过曝', '曝光过度', '曝光不足',
    /[笑累热吓美冷困饿]死人/u, 'liar s dice', 'liars dice', 'garbage disposal', 'garbage bag', 'trash bag', 'trash can',
    'junk drawer', 'junk food', 'social media manager', 'worst case', 'at worst',
  ],
});

/** The customer's own strong feelings: negated ("I'm not angry") or someone else's ("my mum was furious") they do not count. */
const EMOTION = new CueSet({
  phrases: [
    '气死', '气炸', '火大', '很生气', '非常生气', '太生气', '真生气', '受够了', '崩溃了', '愤怒',
    'furious', 'outraged', 'disgusted', 'pissed', 'fed up', 'livid', 'infuriated', 'infuriating', 'angry', 'so mad',
    'really mad', 'am mad', 'fuming', 'hate', 'not happy', 'unhappy',
  ],
  masks: ['hate to'],
});

/** Emphasis reads as anger when the words are impatient or (in English) negative. */
function emphaticAndNegative(clauses: readonly string[], intensity: Intensity): boolean {
  return isEmphatic(intensity) && (soundsImpatient(clauses) || englishSentiment(clauses) < 0);
}

/**
 * True when a message shows anger: abuse, accusations or threats to go public; the customer's own
 * strong feelings; an angry emoji; or emphasis ("！！！", ALL CAPS) on impatient or negative words.
 */
export function showsAnger(clauses: readonly string[], intensity: Intensity): boolean {
  return (
    hasLiveCue(clauses, ABUSE) ||
    hasLiveCue(clauses, EMOTION, [feltBySomeoneElse]) ||
    intensity.angryEmoji ||
    emphaticAndNegative(clauses, intensity)
  );
}
