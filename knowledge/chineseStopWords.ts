/**
 * Function characters: too common to mean anything alone. They still count inside character
 * pairs ("会员", "几天"), but not as unigrams, and a pair of two of them ("可以", "什么") is skipped.
 */
export const HAN_STOP_CHARS: ReadonlySet<string> = new Set(
  '的了吗呢吧啊呀哦嘛么我你您他她它们是在有就都也还要会能可以请问一下这那个什么怎多少哪几和与或及把被给对从让得着过很太好想'.split(''),
);

/**
 * Chinese function words: pronouns, question words, particles, modal verbs, common adverbs and
 * conjunctions, politeness formulas. They tell how something is asked, not what it is about, so
 * they are left out when measuring how much of a question's content an entry covers.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    '我 你 您 他 她 它 我们 你们 他们 她们 咱们 大家 自己 人家 别人',
    '这 那 这个 那个 这些 那些 这样 那样 这么 那么 这种 那种 这边 那边 这里 那里 这儿 那儿 此',
    '什么 怎么 怎样 怎么样 为什么 为啥 咋 啥 哪 哪个 哪些 哪里 哪儿 多少 几 如何 谁 是否',
    '是不是 有没有 能不能 可不可以 会不会 要不要 行不行',
    '吗 呢 吧 啊 呀 哦 嘛 么 啦 呗 哈 嗯 的 地 得 了 着 过 之 等',
    '可以 能 能够 会 要 想 想要 应该 需要 可能',
    '很 太 非常 特别 比较 有点 有些 一点 一下 已经 还 还是 都 也 就 才 又 再 只 只是 只有 一直',
    '一般 大概 大约 差不多 好像 似乎 其实 到底 究竟 突然 马上 立刻 刚 刚刚 刚才 现在 当时',
    '以前 以后 之前 之后 然后 后来 总是 经常 一定 肯定 真的 确实',
    '和 与 或 或者 但是 但 可是 不过 因为 所以 如果 要是 的话 虽然 而且 并且',
    '请 请问 麻烦 帮 帮我 谢谢 你好 您好 一 一个 个 些 一些 时候',
  ]
    .join(' ')
    .split(' '),
);

/** Whether a Chinese word carries no topic of its own (every character a function one, or a stop word). */
export function isChineseStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || [...word].every((ch) => HAN_STOP_CHARS.has(ch));
}
