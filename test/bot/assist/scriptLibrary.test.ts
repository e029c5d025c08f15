import { expect } from 'chai';
import { ScriptLibrary } from '../../../bot/assist/scriptLibrary.js';
import type { SqlDatabase } from '../../../bot/storage/sqlDatabase.js';
import { SqlScriptStore } from '../../../bot/storage/sqlScriptStore.js';
import type { ReplyScript } from '../../../scripts/replyScripts.js';
import { sqliteTestDatabase } from '../../helpers/databases.js';

const SEED: ReplyScript[] = [
  { id: 'hello.zh', locale: 'zh-CN', scenario: 'greeting', stage: 'greeting', text: '{customerName}您好' },
  { id: 'hello.en', locale: 'en-US', scenario: 'greeting', stage: 'greeting', text: 'Hi {customerName}', keywords: ['Welcome'] },
  { id: 'refund.zh', locale: 'zh-CN', scenario: 'refund', stage: 'answer', text: '退款会原路退回' },
];

describe('ScriptLibrary', () => {
  const target = sqliteTestDatabase();
  let db: SqlDatabase;
  let library: ScriptLibrary;
  let changes: number;

  before(async () => {
    db = await target.open();
  });
  after(async () => {
    await db.close();
    await target.dispose();
  });
  beforeEach(async () => {
    await db.run(`DELETE FROM reply_scripts`);
    await db.run(`DELETE FROM meta WHERE key = 'reply_scripts_seeded_at'`);
    library = new ScriptLibrary(new SqlScriptStore(db));
    expect(await library.start(SEED)).to.deep.equal({ seeded: true, scripts: 3 });
    changes = 0;
    library.onChange = () => changes++;
  });

  it('keeps one array until an edit, then serves a new one with the edit', async () => {
    const first = library.scripts;
    expect(library.scripts, 'the suggestion engine indexes each array once').to.equal(first);
    expect(Object.isFrozen(first)).to.equal(true);
    await library.update({ ...SEED[2]!, text: '退款已提交' });
    expect(library.scripts).to.not.equal(first);
    expect(library.scripts.find((s) => s.id === 'refund.zh')!.text).to.equal('退款已提交');
    expect(first.find((s) => s.id === 'refund.zh')!.text, 'an old array is never changed').to.equal('退款会原路退回');
  });

  it('announces each edit it makes, and nothing when nothing changed', async () => {
    expect(await library.create({ ...SEED[0]!, text: '重复' }), 'a taken id').to.equal(false);
    expect(await library.update({ ...SEED[0]!, id: 'missing' })).to.equal(undefined);
    expect(await library.delete('missing')).to.equal(undefined);
    expect(changes).to.equal(0);

    expect(await library.create({ ...SEED[0]!, id: 'hello.zh.2' })).to.equal(true);
    expect(await library.update({ ...SEED[0]!, text: '您好呀' })).to.deep.equal(SEED[0]);
    expect(await library.delete('hello.zh.2')).to.deep.include({ id: 'hello.zh.2' });
    await library.import([SEED[1]!], 'merge');
    expect(changes).to.equal(4);
  });

  const filters: Array<{ name: string; filter: Parameters<ScriptLibrary['list']>[0]; ids: string[] }> = [
    { name: 'nothing', filter: {}, ids: ['hello.zh', 'hello.en', 'refund.zh'] },
    { name: 'locale', filter: { locale: 'zh-CN' }, ids: ['hello.zh', 'refund.zh'] },
    { name: 'stage', filter: { stage: 'answer' }, ids: ['refund.zh'] },
    { name: 'scenario and locale', filter: { scenario: 'greeting', locale: 'en-US' }, ids: ['hello.en'] },
    { name: 'words in the text', filter: { q: '原路' }, ids: ['refund.zh'] },
    { name: 'a keyword, ignoring case', filter: { q: 'welcome' }, ids: ['hello.en'] },
    { name: 'the id', filter: { q: 'HELLO.' }, ids: ['hello.zh', 'hello.en'] },
    { name: 'words nowhere', filter: { q: '发票' }, ids: [] },
  ];
  for (const c of filters) {
    it(`lists by ${c.name}`, async () => {
      expect((await library.list(c.filter)).map((s) => s.id)).to.deep.equal(c.ids);
    });
  }
});
