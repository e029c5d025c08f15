import { expect } from 'chai';
import { AhoCorasick } from '../../knowledge/ahoCorasick.js';
import { sameWordPairs } from '../../knowledge/chineseWords.js';
import { expandContractions } from '../../knowledge/englishContractions.js';
import { HomophoneCorrector } from '../../knowledge/homophoneCorrector.js';
import { detectLocale } from '../../knowledge/localeDetector.js';
import { SpellingCorrector } from '../../knowledge/spellingCorrector.js';
import { normalizeText } from '../../knowledge/textNormalizer.js';

describe('normalizeText', () => {
  const cases = [
    { name: 'folds full-width letters and digits', input: 'ＡＢＣ１２３', expected: 'abc123' },
    { name: 'converts traditional to simplified Chinese', input: '退貨多久到賬', expected: '退货多久到账' },
    { name: 'drops punctuation, keeps words apart', input: 'Refund?! How—long…', expected: 'refund how long' },
    { name: 'joins Chinese characters split by spaces or separators', input: '退 款-多久', expected: '退款多久' },
    { name: 'keeps a space between Chinese and Latin', input: 'iPhone保修', expected: 'iphone保修' },
    { name: 'expands English contractions', input: "Where's my parcel? I didn't get it", expected: 'where is my parcel i did not get it' },
  ];
  for (const c of cases) it(c.name, () => expect(normalizeText(c.input)).to.equal(c.expected));
});

describe('expandContractions', () => {
  const cases: Array<[string, string]> = [
    ["can't", 'can not'],
    ['dont know', 'do not know'],
    ['wont', 'wont'],
    ['ill', 'ill'],
    ['它不行', '它不行'],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => expect(expandContractions(input)).to.equal(expected));
});

describe('detectLocale', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['退款多久到账', undefined, 'zh-CN'],
    ['iPhone 保修多久', 'en-US', 'zh-CN'],
    ['how long is shipping', 'zh-CN', 'en-US'],
    ['ｃａｎ ｉ ｐａｙ', undefined, 'en-US'],
    ['123', 'en-GB', 'en-US'],
    ['👍', undefined, 'zh-CN'],
  ];
  for (const [text, channel, expected] of cases) it(`"${text}" (channel ${channel ?? 'none'}) is ${expected}`, () => expect(detectLocale(text, channel)).to.equal(expected));
});

describe('SpellingCorrector', () => {
  const speller = new SpellingCorrector(4, (w) => w === 'charge');
  for (const w of ['receive', 'address', 'shipping', 'money', 'change', 'change']) speller.add(w);
  const cases: Array<[string, string]> = [
    ['recieve', 'receive'],
    ['adress', 'address'],
    ['shiping', 'shipping'],
    ['moeny', 'money'],
    ['charge', 'charge'],
    ['xyzzy', 'xyzzy'],
    ['abc', 'abc'],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => expect(speller.correct(input)).to.equal(expected));

  it('forgets a word once every use of it is removed', () => {
    const s = new SpellingCorrector();
    s.add('voucher');
    expect(s.correct('vouchr')).to.equal('voucher');
    s.remove('voucher');
    expect(s.correct('vouchr')).to.equal('vouchr');
  });
});

describe('HomophoneCorrector', () => {
  const corrector = new HomophoneCorrector();
  for (const t of ['保修多久', '尺码怎么选', '退货流程', '花呗分期', '发票怎么开', '能便宜点吗', '卖完了还会补货吗', '已签收了']) corrector.add(t);
  const cases: Array<[string, string]> = [
    ['包修多久', '保修多久'],
    ['尺马偏大吗', '尺码偏大吗'],
    ['我想退活', '我想退货'],
    ['发漂怎么开', '发票怎么开'],
    ['给我讲个笑话呗', '给我讲个笑话呗'],
    // 点吗 and 完了 hold a particle: sounding like them is no sign of a typo.
    ['你们有实体店吗', '你们有实体店吗'],
    ['外卖送晚了', '外卖送晚了'],
    // 已签 differs from 一千 in both characters: a different phrase, not a typo.
    ['一千多块', '一千多块'],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => expect(corrector.correct(input)).to.equal(expected));
});

describe('sameWordPairs', () => {
  it('marks which neighbouring characters share a word, one flag per pair', () => {
    const flags = sameWordPairs('给我讲个笑话呗');
    expect(flags).to.have.length(6);
    expect(flags[4], '笑话 is one word').to.equal(true);
    expect(flags[5], '话 and 呗 are not').to.equal(false);
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const ac = new AhoCorasick<string>([['he', 'A'], ['she', 'B'], ['hers', 'C'], ['退货', 'D']]);
    const hits = ac.findAll('ushers 退货退货').map((h) => `${h.value}@${h.start}-${h.end}`);
    expect(hits).to.have.members(['B@1-4', 'A@2-4', 'C@2-6', 'D@7-9', 'D@9-11']);
  });

  it('refuses an empty pattern', () => {
    expect(() => new AhoCorasick([['', 1]])).to.throw('AhoCorasick.add');
  });
});
