import { expect } from 'chai';
import type { FaqEntry } from '../../../knowledge/faqEntry.js';
import { MIGRATIONS, migrate } from '../../../bot/storage/migrations.js';
import { SqlDirectLineStore } from '../../../bot/storage/sqlDirectLineStore.js';
import { SqlCustomerDirectory } from '../../../bot/storage/sqlCustomerDirectory.js';
import { SqlHandoffQueue } from '../../../bot/storage/sqlHandoffQueue.js';
import { SqlTicketStore } from '../../../bot/storage/sqlTicketStore.js';
import { SqlTranscriptStore } from '../../../bot/storage/sqlTranscriptStore.js';
import type { NewHandoff } from '../../../bot/handoff/handoffQueue.js';
import { SqlActivityDedup } from '../../../bot/storage/sqlActivityDedup.js';
import { SqlFaqStore } from '../../../bot/storage/sqlFaqStore.js';
import { SqlFeedbackLog } from '../../../bot/storage/sqlFeedbackLog.js';
import { SqlStateStorage } from '../../../bot/storage/sqlStateStorage.js';
import { SqlUnansweredLog } from '../../../bot/storage/sqlUnansweredLog.js';
import { SqlTeamsThreadStore } from '../../../bot/storage/sqlTeamsThreadStore.js';
import { threadIdOf } from '../../../bot/teams/teamsThreadStore.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

const entry = (id: string, question: string, extra: Partial<FaqEntry> = {}): FaqEntry => ({
  id,
  locale: 'zh-CN',
  question,
  alternates: [`${question}呢`],
  answer: `关于「${question}」的回答`,
  ...extra,
});

/** One contract, every adapter: the same expectations for SQLite and PostgreSQL. */
describeOnEveryDatabase('storage contract', (db) => {

  describe('migrations', () => {
    it('apply once and are idempotent on the next start', async () => {
      expect(await migrate(db())).to.deep.equal([]);
      const rows = await db().all<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((r) => Number(r.version)).sort((a, b) => a - b)).to.deep.equal(MIGRATIONS.map((m) => m.version));
    });
  });

  describe('SqlDatabase.transaction', () => {
    it('rolls back every statement when the work fails', async () => {
      const store = new SqlFaqStore(db());
      await expect(
        db().transaction(async (tx) => {
          await tx.run(`INSERT INTO meta (key, value) VALUES (?, ?)`, ['tx-test', '1']);
          throw new Error('boom');
        }),
      ).to.be.rejectedWith('boom');
      expect(await db().get(`SELECT value FROM meta WHERE key = ?`, ['tx-test'])).to.equal(undefined);
      expect(await store.get('nope')).to.equal(undefined);
    });
  });

  describe('FaqStore', () => {
    let store: SqlFaqStore;
    before(async () => {
      store = new SqlFaqStore(db());
      await db().run('DELETE FROM faqs');
    });

    it('inserts, refuses a taken id, reads back with timestamps', async () => {
      const stored = await store.insert(entry('a1', '怎么退货', { category: 'returns', tags: ['退货'] }));
      expect(stored).to.not.equal('exists');
      expect(await store.insert(entry('a1', '别的'))).to.equal('exists');
      const got = await store.get('a1');
      expect(got).to.include({ id: 'a1', question: '怎么退货', category: 'returns' });
      expect(got?.alternates).to.deep.equal(['怎么退货呢']);
      expect(got?.tags).to.deep.equal(['退货']);
      expect(got?.createdAt).to.be.a('number');
    });

    it('updates an existing entry and reports a missing one', async () => {
      const updated = await store.update(entry('a1', '怎么申请退货'));
      expect(updated).to.include({ question: '怎么申请退货' });
      expect((await store.get('a1'))?.category).to.equal(undefined);
      expect(await store.update(entry('zz', 'x'))).to.equal('missing');
    });

    it('lists with search, locale and category filters and paging', async () => {
      await store.insert(entry('b1', 'How do I return an item', { locale: 'en-US', category: 'returns' }));
      await store.insert(entry('b2', '发票怎么开', { category: 'invoice' }));
      expect((await store.list({ q: 'RETURN', offset: 0, limit: 10 })).items.map((e) => e.id)).to.deep.equal(['b1']);
      expect((await store.list({ q: '退货', offset: 0, limit: 10 })).items.map((e) => e.id)).to.deep.equal(['a1']);
      expect((await store.list({ locale: 'en-US', offset: 0, limit: 10 })).total).to.equal(1);
      expect((await store.list({ category: 'invoice', offset: 0, limit: 10 })).items.map((e) => e.id)).to.deep.equal(['b2']);
      const page = await store.list({ offset: 1, limit: 1 });
      expect(page.total).to.equal(3);
      expect(page.items.map((e) => e.id)).to.deep.equal(['b1']);
      expect((await store.list({ q: '100%_', offset: 0, limit: 10 })).total, 'LIKE wildcards are literal').to.equal(0);
    });

    it('imports in merge mode, counting created and updated', async () => {
      const result = await store.import([entry('a1', '退货流程'), entry('c1', '运费谁出')], 'merge');
      expect(result).to.deep.equal({ imported: 2, created: 1, updated: 1, deleted: 0 });
      expect((await store.get('a1'))?.question).to.equal('退货流程');
      expect((await store.all()).map((e) => e.id)).to.deep.equal(['a1', 'b1', 'b2', 'c1']);
    });

    it('imports in replace mode, removing what the import lacks', async () => {
      const result = await store.import([entry('c1', '运费谁出'), entry('d1', '多久发货')], 'replace');
      expect(result).to.deep.equal({ imported: 2, created: 1, updated: 1, deleted: 3 });
      expect((await store.all()).map((e) => e.id)).to.deep.equal(['c1', 'd1']);
    });

    it('leaves the store untouched when an import fails part-way', async () => {
      const before = await store.all();
      const bad = [entry('e1', '新问题'), { ...entry('e2', '另一个'), locale: null as unknown as 'zh-CN' }];
      await expect(store.import(bad, 'replace')).to.be.rejected;
      expect(await store.all()).to.deep.equal(before);
    });

    it('imports 2,000 entries in one atomic write', async () => {
      const many = Array.from({ length: 2000 }, (_, i) => entry(`bulk-${String(i).padStart(4, '0')}`, `批量问题 ${i}`));
      const result = await store.import(many, 'merge');
      expect(result.created).to.equal(2000);
      expect((await store.list({ offset: 0, limit: 1 })).total).to.equal(2002);
    });

    it('seeds once in the store life, never over later edits or deletions', async () => {
      await db().run('DELETE FROM meta');
      await db().run('DELETE FROM faqs');
      expect(await store.seedOnce([entry('s1', '种子'), entry('s2', '种子二')])).to.equal(true);
      await store.delete('s2');
      await store.update(entry('s1', '改过的种子'));
      expect(await store.seedOnce([entry('s1', '种子'), entry('s2', '种子二')])).to.equal(false);
      expect((await store.all()).map((e) => [e.id, e.question])).to.deep.equal([['s1', '改过的种子']]);
    });

    it('deletes', async () => {
      expect(await store.delete('s1')).to.equal(true);
      expect(await store.delete('s1')).to.equal(false);
    });
  });

  describe('botbuilder Storage', () => {
    it('reads what was written, honours eTags, deletes', async () => {
      const storage = new SqlStateStorage(db());
      await storage.write({ 'conv/1': { turns: 1 } });
      const first = await storage.read(['conv/1', 'missing']);
      expect(first['conv/1']).to.include({ turns: 1 });
      expect(first).to.not.have.property('missing');
      const eTag = (first['conv/1'] as { eTag: string }).eTag;
      await storage.write({ 'conv/1': { turns: 2, eTag } });
      await expect(storage.write({ 'conv/1': { turns: 3, eTag } }), 'a stale eTag').to.be.rejectedWith('eTag conflict');
      await storage.write({ 'conv/1': { turns: 4, eTag: '*' } });
      expect((await storage.read(['conv/1']))['conv/1']).to.include({ turns: 4 });
      await storage.delete(['conv/1']);
      expect(await storage.read(['conv/1'])).to.deep.equal({});
    });
  });

  describe('DirectLineStore', () => {
    it('numbers activities per conversation and pages them by watermark', async () => {
      const store = new SqlDirectLineStore(db());
      await store.createConversation({ id: 'dl-1', userId: 'u1', locale: 'en-US' });
      await store.createConversation({ id: 'dl-2', userId: 'u2' });
      const a = await store.append('dl-1', { type: 'message', text: 'one' });
      await store.append('dl-2', { type: 'message', text: 'other' });
      const b = await store.append('dl-1', { type: 'message', text: 'two' });
      expect([a.id, b.id]).to.deep.equal(['dl-1|0000001', 'dl-1|0000002']);
      const all = await store.activitiesAfter('dl-1', -1, 10);
      expect(all.activities.map((x) => x.text)).to.deep.equal(['one', 'two']);
      expect(all.watermark).to.equal('2');
      const after = await store.activitiesAfter('dl-1', 1, 10);
      expect(after.activities.map((x) => x.text)).to.deep.equal(['two']);
      expect((await store.activitiesAfter('dl-1', 2, 10)).activities).to.deep.equal([]);
      expect(await store.conversation('dl-1')).to.deep.equal({ id: 'dl-1', userId: 'u1', locale: 'en-US', started: false });
    });

    it('starts a conversation once, and refuses to append to an unknown one', async () => {
      const store = new SqlDirectLineStore(db());
      await store.createConversation({ id: 'dl-3', userId: 'u3' });
      expect(await store.markStarted('dl-3')).to.equal(true);
      expect(await store.markStarted('dl-3')).to.equal(false);
      await expect(store.append('nope', { type: 'message' })).to.be.rejectedWith('no conversation');
    });
  });

  describe('HandoffQueue', () => {
    const handoff = (conversationId: string, priority: NewHandoff['priority']): NewHandoff => ({
      conversationId,
      customer: { id: `u-${conversationId}`, name: 'N', tier: 'regular' },
      reasons: priority === 'vip' ? ['vip'] : priority === 'high' ? ['complaint'] : ['humanRequested'],
      priority,
      locale: 'zh-CN',
      reference: { conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' } },
    });

    it('serves by priority, then waiting time, and keeps one open handoff per conversation', async () => {
      const queue = new SqlHandoffQueue(db());
      await queue.enqueue(handoff('q-normal', 'normal'));
      await queue.enqueue(handoff('q-high', 'high'));
      await queue.enqueue(handoff('q-vip', 'vip'));
      expect((await queue.enqueue(handoff('q-high', 'high'))).created).to.equal(false);
      expect((await queue.open()).map((h) => h.conversationId)).to.deep.equal(['q-vip', 'q-high', 'q-normal']);
      expect(await queue.position('q-normal')).to.equal(2);
    });

    it('lets exactly one of many concurrent agents take a conversation', async () => {
      const queue = new SqlHandoffQueue(db());
      await queue.enqueue(handoff('q-race', 'normal'));
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((id) => queue.accept('q-race', { id, name: id })));
      expect(results.filter((r) => r.ok)).to.have.length(1);
      const winner = results.find((r) => r.ok)!;
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'taken')).to.equal(true);
      const again = await queue.accept('q-race', { id: winner.handoff.agentId!, name: 'x' });
      expect(again.ok && !again.first, 'the holder accepting again is fine and not a new claim').to.equal(true);
    });

    it('closes, rates, and reports a closed or unknown conversation on accept', async () => {
      const queue = new SqlHandoffQueue(db());
      await queue.enqueue(handoff('q-close', 'normal'));
      const closed = await queue.close('q-close');
      expect(closed?.status).to.equal('closed');
      await queue.rate(closed!.id, 4);
      await queue.recommend(closed!.id, 9);
      // Answered once: a second rating or NPS answer for the same handoff changes nothing.
      await queue.rate(closed!.id, 1);
      await queue.recommend(closed!.id, 0);
      expect(await queue.forConversation('q-close')).to.include({ status: 'closed', rating: 4, nps: 9 });
      expect(await queue.accept('q-close', { id: 'a', name: 'a' })).to.include({ ok: false, reason: 'closed' });
      expect(await queue.accept('q-none', { id: 'a', name: 'a' })).to.include({ ok: false, reason: 'missing' });
    });
  });

  describe('TicketStore, TranscriptStore, CustomerDirectory', () => {
    it('opens a ticket with what the complaint process records', async () => {
      const tickets = new SqlTicketStore(db());
      const t = await tickets.create({ conversationId: 'c', customerId: 'u', content: '质量太差', orderId: 'O1', contact: '138' });
      expect(await tickets.get(t.id)).to.deep.include({ content: '质量太差', orderId: 'O1', contact: '138', status: 'open', followUps: 0 });
    });

    it('keeps transcript messages in order, the most recent when limited', async () => {
      const transcripts = new SqlTranscriptStore(db());
      for (const [role, text] of [['customer', 'a'], ['bot', 'b'], ['agent', 'c'], ['customer', 'd']] as const) await transcripts.append({ conversationId: 't1', role, text });
      expect((await transcripts.list('t1', 10)).map((m) => m.text)).to.deep.equal(['a', 'b', 'c', 'd']);
      expect((await transcripts.list('t1', 2)).map((m) => m.text)).to.deep.equal(['c', 'd']);
    });

    it('imports the customer directory all or nothing and reads it back', async () => {
      const directory = new SqlCustomerDirectory(db());
      expect(await directory.import([{ id: 'd1', name: 'Li', tier: 'gold', lifetimeValue: 12_000 }])).to.deep.equal({ imported: 1, created: 1, updated: 0 });
      expect(await directory.import([{ id: 'd1', name: 'Li', tier: 'diamond', lifetimeValue: 30_000 }])).to.deep.equal({ imported: 1, created: 0, updated: 1 });
      expect(await directory.get('d1')).to.deep.equal({ id: 'd1', name: 'Li', tier: 'diamond', lifetimeValue: 30_000 });
      expect(await directory.get('nobody')).to.equal(undefined);
    });
  });

  describe('TeamsThreadStore', () => {
    it('keeps the agents\' channel and finds a handoff thread by handoff and by thread id', async () => {
      const store = new SqlTeamsThreadStore(db());
      expect(await store.channel()).to.equal(undefined);
      const channel = { serviceUrl: 'https://smba.example/teams/', channelId: '19:a@thread.tacv2', tenantId: 't1', teamId: '19:a@thread.tacv2', teamName: '客服组' };
      await store.saveChannel(channel);
      await store.saveChannel({ ...channel, teamName: 'Service desk' });
      expect(await store.channel()).to.deep.equal({ ...channel, teamName: 'Service desk' });
      const thread = { handoffId: 'h1', conversationId: 'cust-1', threadId: threadIdOf(channel.channelId, '111'), cardActivityId: '111', channel };
      await store.saveThread(thread);
      expect(await store.forHandoff('h1')).to.deep.equal(thread);
      expect(await store.forThread('19:a@thread.tacv2;messageid=111')).to.deep.equal(thread);
      expect(await store.forThread('19:a@thread.tacv2;messageid=222')).to.equal(undefined);
    });
  });

  describe('FeedbackLog, UnansweredLog, ActivityDedup', () => {
    it('totals feedback per entry', async () => {
      const log = new SqlFeedbackLog(db());
      await log.record({ faqId: 'f1', conversationId: 'c', helpful: true, question: 'q', locale: 'zh-CN' });
      await log.record({ faqId: 'f1', conversationId: 'c', helpful: false, question: 'q', locale: 'zh-CN' });
      await log.record({ faqId: 'f1', conversationId: 'c', helpful: true, question: 'q', locale: 'zh-CN' });
      expect(await log.totals()).to.deep.equal([{ faqId: 'f1', helpful: 2, unhelpful: 1 }]);
    });

    it('groups unanswered questions that normalise alike, most asked first', async () => {
      const log = new SqlUnansweredLog(db());
      await log.record({ text: '你们卖手机吗', locale: 'zh-CN', conversationId: 'c1', reason: 'noMatch' });
      await log.record({ text: '你们卖手机吗?', locale: 'zh-CN', conversationId: 'c2', reason: 'humanRequested' });
      await log.record({ text: '你們賣手機嗎', locale: 'zh-CN', conversationId: 'c3', reason: 'noMatch' });
      await log.record({ text: 'do you sell phones', locale: 'en-US', conversationId: 'c4', reason: 'noMatch' });
      const groups = await log.groups(10);
      expect(groups[0]).to.include({ normalized: '你们卖手机吗', count: 3 });
      expect(groups[0]!.reasons).to.deep.equal(['humanRequested', 'noMatch']);
      expect(groups[1]).to.include({ text: 'do you sell phones', count: 1 });
    });

    it('lets an activity through once per conversation', async () => {
      const dedup = new SqlActivityDedup(db());
      expect(await dedup.firstDelivery('c1', 'a1')).to.equal(true);
      expect(await dedup.firstDelivery('c1', 'a1')).to.equal(false);
      expect(await dedup.firstDelivery('c2', 'a1')).to.equal(true);
    });
  });
});
