import { expect } from 'chai';
import type { ReplyScript } from '../../../scripts/replyScripts.js';
import { SqlScriptStore } from '../../../bot/storage/sqlScriptStore.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

const script = (id: string, text: string, extra: Partial<ReplyScript> = {}): ReplyScript => ({
  id,
  locale: 'zh-CN',
  scenario: 'refund',
  stage: 'answer',
  text,
  ...extra,
});
const ids = (scripts: readonly ReplyScript[]): string[] => scripts.map((s) => s.id);

/** The reply-script library on every adapter: seeding once, order, edits in place, all-or-nothing imports. */
describeOnEveryDatabase('script store contract', (db) => {
  let store: SqlScriptStore;
  beforeEach(async () => {
    await db().run(`DELETE FROM reply_scripts`);
    await db().run(`DELETE FROM meta WHERE key = 'reply_scripts_seeded_at'`);
    store = new SqlScriptStore(db());
  });

  it('seeds once, in order, and never brings back edited or deleted scripts', async () => {
    // Ten in a row: the order must not be that of the ids as strings ("s10" < "s2").
    const defaults = Array.from({ length: 10 }, (_, i) => script(`s${i + 1}`, `默认话术${i + 1}`));
    expect(await store.seedOnce(defaults)).to.equal(true);
    expect(ids(await store.all())).to.deep.equal(defaults.map((s) => s.id));

    await store.update(script('s2', '管理员改过的话术'));
    await store.delete('s3');
    expect(await store.seedOnce(defaults), 'a second start').to.equal(false);
    const after = await store.all();
    expect(ids(after)).to.not.include('s3');
    expect(after.find((s) => s.id === 's2')!.text).to.equal('管理员改过的话术');
  });

  it('round-trips every field, keywords only when given', async () => {
    const full = script('k1', 'Hi {customerName}, {orderId} ships {eta}.', { locale: 'en-US', scenario: 'deliveryDelay', keywords: ['late', 'where is my order'] });
    const bare = script('k2', '{customerName}您好');
    expect(await store.create(full)).to.equal(true);
    expect(await store.create(bare)).to.equal(true);
    expect(await store.get('k1')).to.deep.equal(full);
    const got = await store.get('k2');
    expect(got).to.deep.equal(bare);
    expect(Object.keys(got!)).to.not.include('keywords');
    expect(await store.get('nope')).to.equal(undefined);
  });

  it('creates at the end, refuses a taken id, and updates and deletes returning the old version', async () => {
    await store.create(script('a', '一'));
    await store.create(script('b', '二'));
    expect(await store.create(script('a', '重复')), 'the id is taken').to.equal(false);
    expect((await store.get('a'))!.text).to.equal('一');

    const before = await store.update(script('a', '一(改)', { keywords: ['退款'] }));
    expect(before).to.deep.equal(script('a', '一'));
    expect(ids(await store.all()), 'an edit keeps its place').to.deep.equal(['a', 'b']);
    expect(await store.update(script('missing', 'x'))).to.equal(undefined);
    expect(ids(await store.all()), 'updating a missing script creates nothing').to.deep.equal(['a', 'b']);

    expect(await store.delete('a')).to.deep.equal(script('a', '一(改)', { keywords: ['退款'] }));
    expect(await store.delete('a')).to.equal(undefined);
    expect(ids(await store.all())).to.deep.equal(['b']);
  });

  it('merges an import: updates in place, adds at the end, counts, and returns the library before', async () => {
    await store.seedOnce([script('a', '一'), script('b', '二'), script('c', '三')]);
    const result = await store.import([script('new', '新'), script('b', '二(改)')], 'merge');
    expect(result).to.deep.include({ imported: 2, created: 1, updated: 1, deleted: 0 });
    expect(ids(result.before)).to.deep.equal(['a', 'b', 'c']);
    expect(result.before[1]!.text).to.equal('二');
    const now = await store.all();
    expect(ids(now)).to.deep.equal(['a', 'b', 'c', 'new']);
    expect(now[1]!.text).to.equal('二(改)');
  });

  it('replaces with an import: removes what it lacks, and its order becomes the library order', async () => {
    await store.seedOnce([script('a', '一'), script('b', '二'), script('c', '三')]);
    const result = await store.import([script('c', '三'), script('new', '新'), script('a', '一')], 'replace');
    expect(result).to.deep.include({ imported: 3, created: 1, updated: 2, deleted: 1 });
    expect(ids(await store.all())).to.deep.equal(['c', 'new', 'a']);
  });

  it('writes nothing when any script of an import fails to be written', async () => {
    await store.seedOnce([script('a', '一'), script('b', '二')]);
    // A row the database refuses (NOT NULL text), after good rows: the whole import must roll back.
    const broken = { ...script('z', 'x'), text: null } as unknown as ReplyScript;
    await expect(store.import([script('a', '一(改)'), script('new', '新'), broken], 'replace')).to.be.rejected;
    const now = await store.all();
    expect(ids(now)).to.deep.equal(['a', 'b']);
    expect(now[0]!.text).to.equal('一');
  });
});
