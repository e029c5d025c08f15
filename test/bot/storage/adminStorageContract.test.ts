import { expect } from 'chai';
import { SqlCustomerDirectory } from '../../../bot/storage/sqlCustomerDirectory.js';
import { SqlUnansweredLog } from '../../../bot/storage/sqlUnansweredLog.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

/** What the admin console needs from storage, on every adapter: resolving inbox questions, listing customers. */
describeOnEveryDatabase('admin storage contract', (db) => {

  describe('UnansweredLog', () => {
    let clock: number;
    let log: SqlUnansweredLog;
    beforeEach(async () => {
      await db().run('DELETE FROM unanswered_questions');
      clock = 1_000;
      log = new SqlUnansweredLog(db(), () => (clock += 10));
    });

    it('resolves every open question of a group, which then leaves the inbox', async () => {
      await log.record({ text: '你们卖手机吗', locale: 'zh-CN', conversationId: 'c1', reason: 'noMatch' });
      await log.record({ text: '你们卖手机吗?', locale: 'zh-CN', conversationId: 'c2', reason: 'unhelpful' });
      await log.record({ text: 'do you sell phones', locale: 'en-US', conversationId: 'c3', reason: 'noMatch' });
      const group = await log.group({ locale: 'zh-CN', normalized: '你们卖手机吗' });
      expect(group).to.deep.include({ text: '你们卖手机吗?', count: 2, lastAskedAt: 1_020 });
      expect(group!.reasons).to.deep.equal(['noMatch', 'unhelpful']);

      expect(await log.resolve({ locale: 'zh-CN', normalized: '你们卖手机吗' }, 'zh-phones')).to.equal(2);
      expect(await log.group({ locale: 'zh-CN', normalized: '你们卖手机吗' })).to.equal(undefined);
      expect((await log.groups(10)).map((g) => g.text)).to.deep.equal(['do you sell phones']);
      expect(await log.resolve({ locale: 'zh-CN', normalized: '你们卖手机吗' }, null), 'nothing left to resolve').to.equal(0);
      const stored = await db().all<{ resolved_faq_id: string | null; resolved_at: number | null }>(
        `SELECT resolved_faq_id, resolved_at FROM unanswered_questions WHERE locale = 'zh-CN'`,
      );
      expect(stored.map((r) => [r.resolved_faq_id, Number(r.resolved_at)])).to.deep.equal([['zh-phones', 1_040], ['zh-phones', 1_040]]);
    });

    it('keeps a group in another locale, and reopens a group when the question comes back', async () => {
      await log.record({ text: 'phones', locale: 'en-US', conversationId: 'c1', reason: 'noMatch' });
      await log.record({ text: 'phones', locale: 'zh-CN', conversationId: 'c2', reason: 'noMatch' });
      expect(await log.resolve({ locale: 'en-US', normalized: 'phones' }, null)).to.equal(1);
      expect((await log.groups(10)).map((g) => g.locale)).to.deep.equal(['zh-CN']);
      await log.record({ text: 'Phones', locale: 'en-US', conversationId: 'c3', reason: 'humanRequested' });
      const reopened = await log.group({ locale: 'en-US', normalized: 'phones' });
      expect(reopened).to.deep.include({ text: 'Phones', count: 1, reasons: ['humanRequested'] });
    });
  });

  describe('CustomerListing', () => {
    it('lists customers by id, filtered by tier and by id or name, with a total', async () => {
      const directory = new SqlCustomerDirectory(db());
      await db().run('DELETE FROM customers');
      await directory.import([
        { id: 'u3', name: 'Zhang_Wei', tier: 'gold', lifetimeValue: 9_000 },
        { id: 'u1', name: '李雷', tier: 'regular', lifetimeValue: 0 },
        { id: 'u2', name: 'Han Meimei', tier: 'gold', lifetimeValue: 20_000.5 },
      ]);
      const page = await directory.list({ offset: 0, limit: 2 });
      expect(page.total).to.equal(3);
      expect(page.items.map((c) => c.id)).to.deep.equal(['u1', 'u2']);
      expect(page.items[1]).to.deep.include({ name: 'Han Meimei', tier: 'gold', lifetimeValue: 20_000.5 });
      expect(page.items[1]!.updatedAt).to.be.a('number');
      expect((await directory.list({ tier: 'gold', offset: 1, limit: 10 })).items.map((c) => c.id)).to.deep.equal(['u3']);
      expect((await directory.list({ q: 'MEI', offset: 0, limit: 10 })).items.map((c) => c.id)).to.deep.equal(['u2']);
      expect((await directory.list({ q: '_', offset: 0, limit: 10 })).items.map((c) => c.id), 'LIKE wildcards are literal').to.deep.equal(['u3']);
    });
  });
});
