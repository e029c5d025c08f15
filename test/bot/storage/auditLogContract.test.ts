import { expect } from 'chai';
import { SqlAuditLog } from '../../../bot/storage/sqlAuditLog.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

/** The audit log on every adapter: entries in the order written, newest first, filtered and paged. */
describeOnEveryDatabase('audit log contract', (db) => {

  it('keeps each change with who, what, before and after, newest first even within one millisecond', async () => {
    const log = new SqlAuditLog(db());
    const first = await log.record({ actor: '李', entity: 'faq', entityId: 'f1', action: 'create', after: { id: 'f1', answer: 'a' } });
    await log.record({ actor: '李', entity: 'faq', entityId: 'f1', action: 'update', before: { id: 'f1', answer: 'a' }, after: { id: 'f1', answer: 'b' } });
    await log.record({ actor: 'Amy', entity: 'bannedPhrase', entityId: 'bp1', action: 'delete', before: { id: 'bp1' } });
    const all = await log.list({ offset: 0, limit: 10 });
    expect(all.total).to.equal(3);
    expect(all.items.map((e) => [e.entity, e.action])).to.deep.equal([['bannedPhrase', 'delete'], ['faq', 'update'], ['faq', 'create']]);
    expect(all.items[1]).to.deep.include({ actor: '李', before: { id: 'f1', answer: 'a' }, after: { id: 'f1', answer: 'b' } });
    expect(all.items[0]).to.not.have.property('after');
    expect(await log.get(first.id)).to.deep.equal(first);
    const faq = await log.list({ entity: 'faq', entityId: 'f1', offset: 1, limit: 1 });
    expect(faq.total).to.equal(2);
    expect(faq.items.map((e) => e.action)).to.deep.equal(['create']);
  });

  it('writes a batch all together', async () => {
    const log = new SqlAuditLog(db());
    const before = (await log.list({ offset: 0, limit: 1 })).total;
    const batch = Array.from({ length: 50 }, (_, i) => ({ actor: 'import', entity: 'faq' as const, entityId: `b${i}`, action: 'update' as const, before: { i } }));
    expect(await log.recordMany(batch)).to.equal(50);
    const listed = await log.list({ offset: 0, limit: 100 });
    expect(listed.total).to.equal(before + 50);
    expect(listed.items[0]!.entityId).to.equal('b49');
  });
});
