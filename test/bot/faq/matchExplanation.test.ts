import { expect } from 'chai';
import { decide, type MatchCandidate } from '../../../knowledge/faqMatcher.js';
import { explainMatch } from '../../../bot/faq/matchExplanation.js';

const T = { answer: 0.5, suggest: 0.3, margin: 0.06 };
const candidate = (id: string, score: number): MatchCandidate => ({
  entry: { id, locale: 'en-US', question: `Question ${id}?`, alternates: [], answer: `Answer ${id}.`, ...(id === 'a' ? { category: 'refund' } : {}) },
  score,
  matchedText: `question ${id}`,
});

describe('explainMatch', () => {
  const cases: Array<{ name: string; scores: number[]; reasons: string[]; offered: boolean[] }> = [
    { name: 'a clear leader is answered, the rest outranked', scores: [0.8, 0.6, 0.2], reasons: ['answered', 'outranked', 'outranked'], offered: [true, false, false] },
    { name: 'a leader within the margin is too close: did you mean', scores: [0.8, 0.77, 0.2], reasons: ['tooClose', 'tooClose'], offered: [true, true] },
    { name: 'a leader below the answer threshold is only suggested', scores: [0.45, 0.35], reasons: ['belowAnswerThreshold', 'belowAnswerThreshold'], offered: [true, true] },
    { name: 'a tie above and below the answer threshold', scores: [0.52, 0.48], reasons: ['tooClose', 'belowAnswerThreshold'], offered: [true, true] },
    { name: 'nothing reaches the suggestion threshold', scores: [0.25, 0.1], reasons: ['belowSuggestThreshold', 'belowSuggestThreshold'], offered: [false, false] },
    { name: 'no candidates, no explanation', scores: [], reasons: [], offered: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const explained = explainMatch(decide(c.scores.map((s, i) => candidate(String.fromCharCode(97 + i), s)), T), T);
      expect(explained.map((e) => e.reason)).to.deep.equal(c.reasons);
      expect(explained.map((e) => e.offered)).to.deep.equal(c.offered);
    });
  }

  it('names each candidate by id, question, what matched and category', () => {
    const [first, second] = explainMatch(decide([candidate('a', 0.9), candidate('b', 0.1)], T), T);
    expect(first).to.deep.equal({ id: 'a', score: 0.9, question: 'Question a?', matchedText: 'question a', category: 'refund', offered: true, reason: 'answered' });
    expect(second).to.include({ id: 'b', category: null });
  });
});
