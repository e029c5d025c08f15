import { expect } from 'chai';
import { FeatureLists, sortedHas, sortedUnion } from '../../knowledge/featureLists.js';

describe('FeatureLists', () => {
  const lists = new FeatureLists();
  const a = lists.add([1, 4, 9], [0.5, 1, 2]);
  // Past the initial capacity, so the storage has to grow under the first list.
  const big = lists.add(Array.from({ length: 2000 }, (_, i) => i * 2), new Array<number>(2000).fill(1));
  const cases: Array<{ name: string; got: () => unknown; want: unknown }> = [
    { name: 'keeps a list where add said, across growth', got: () => [...lists.idsOf(a)], want: [1, 4, 9] },
    { name: 'finds an id in its list', got: () => lists.has(a, 4), want: true },
    { name: 'does not find an id of another list', got: () => lists.has(a, 2), want: false },
    { name: 'finds the last id of a long list', got: () => lists.has(big, 3998), want: true },
    { name: 'sums weights times a factor of the id', got: () => lists.weightedSum(a, (id) => id), want: 0.5 * 1 + 1 * 4 + 2 * 9 },
  ];
  for (const c of cases) it(c.name, () => expect(c.got()).to.deep.equal(c.want));

  it('keeps only the given lists on compaction, with their weights', () => {
    const l = new FeatureLists();
    l.add([1, 2], [1, 1]);
    const kept = l.add([3, 5], [2, 3]);
    const [moved] = l.compact([kept]);
    expect(moved).to.deep.equal({ start: 0, length: 2 });
    expect([...l.idsOf(moved!)]).to.deep.equal([3, 5]);
    expect(l.weightedSum(moved!, () => 1)).to.equal(5);
  });

  it('refuses ids and weights of different lengths', () => {
    expect(() => new FeatureLists().add([1, 2], [1])).to.throw('FeatureLists.add');
  });
});

describe('sortedUnion and sortedHas', () => {
  const cases: Array<{ lists: number[][]; union: number[] }> = [
    { lists: [[1, 3, 5], [2, 3, 9]], union: [1, 2, 3, 5, 9] },
    { lists: [[7], []], union: [7] },
    { lists: [], union: [] },
  ];
  for (const c of cases) {
    it(`unites ${JSON.stringify(c.lists)}`, () => {
      const union = sortedUnion(c.lists.map((l) => Int32Array.from(l)));
      expect([...union]).to.deep.equal(c.union);
      for (const id of c.union) expect(sortedHas(union, id)).to.equal(true);
      expect(sortedHas(union, 4)).to.equal(false);
    });
  }
});
