import { expect } from 'chai';
import { FeatureExtractor, type ContentWord } from '../../knowledge/featureExtractor.js';
import { QueryContent, type FeatureStats } from '../../knowledge/queryContent.js';

describe('FeatureExtractor.contentWords', () => {
  const extractor = new FeatureExtractor();
  const cases: Array<{ name: string; text: string; words: string[] }> = [
    { name: 'keeps English content words, drops function words', text: 'how do i cancel my netflix subscription', words: ['cancel', 'netflix', 'subscription'] },
    { name: 'drops Chinese pronouns, particles and question words', text: '请问你们的发票怎么开', words: ['发票', '开'] },
    { name: 'keeps a word the knowledge base may not know', text: '快递员招人吗', words: ['快递', '员', '招', '人'] },
    { name: 'has none in a question made only of function words', text: '我想问一下可以吗', words: [] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(extractor.contentWords(c.text).map((w) => w.text)).to.deep.equal(c.words));
  }

  it('names the synonym group a word belongs to, so an entry may cover it with another member', () => {
    const [parcel] = extractor.contentWords('包裹');
    expect(parcel?.concepts).to.include('s:parcel');
  });
});

describe('QueryContent', () => {
  // Features 0..3 are known to the index: idf 2 for a feature in one entry, 1 for one in several.
  const ids = new Map([['w:cancel', 0], ['w:order', 1], ['s:parcel', 2], ['b:快递', 3]]);
  const dfs = [5, 1, 3, 3];
  const stats: FeatureStats = { id: (key) => ids.get(key), df: (id) => dfs[id] ?? 0, idf: (df) => (df <= 1 ? 2 : 1) };
  const word = (keys: string[], concepts: string[] = [], unknownWeight = 1): ContentWord => ({ text: keys.join(), keys, concepts, weight: 1, unknownWeight });
  const cases: Array<{ name: string; words: ContentWord[]; entry: number[]; covered: number }> = [
    { name: 'is 1 when the entry uses every content word', words: [word(['w:cancel']), word(['w:order'])], entry: [0, 1], covered: 1 },
    { name: 'weighs words by IDF (order is rarer than cancel)', words: [word(['w:cancel']), word(['w:order'])], entry: [1], covered: 2 / 3 },
    { name: 'counts a word unknown to the index as rare', words: [word(['w:cancel']), word(['w:netflix'])], entry: [0], covered: 1 / 3 },
    { name: 'gives an unknown word its own weight before IDF', words: [word(['w:cancel']), word(['w:fast'], [], 0.5)], entry: [0], covered: 1 / 2 },
    { name: 'takes a synonym of the word as covering it', words: [word(['b:包裹'], ['s:parcel'])], entry: [2, 3], covered: 1 },
    { name: 'needs every part of a word', words: [word(['b:快递', 'b:递员'])], entry: [3], covered: 0 },
    { name: 'is 1 for a question without content words', words: [], entry: [], covered: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => expect(QueryContent.of(c.words, stats).coveredBy((id) => c.entry.includes(id))).to.be.closeTo(c.covered, 1e-9));
  }
});
