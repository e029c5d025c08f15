import { expect } from 'chai';
import { SqlHandoffQueue } from '../../../bot/storage/sqlHandoffQueue.js';
import { SqlMetricsSource } from '../../../bot/storage/sqlMetricsSource.js';
import { SqlTranscriptStore } from '../../../bot/storage/sqlTranscriptStore.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

/** What the metrics read from the tables, on every adapter. */
describeOnEveryDatabase('metrics source contract', (db) => {
  it('counts handoffs per reason and reads closed conversations with their transcript up to the close', async () => {
    const queue = new SqlHandoffQueue(db());
    const transcripts = new SqlTranscriptStore(db());
    await queue.enqueue({ conversationId: 'mc1', customer: { id: 'u', name: 'U', tier: 'gold' }, reasons: ['complaint', 'vip'], priority: 'vip', locale: 'zh-CN', reference: {} });
    await queue.accept('mc1', { id: 'amy', name: 'Amy' });
    await transcripts.append({ conversationId: 'mc1', role: 'customer', text: '质量太差' });
    await transcripts.append({ conversationId: 'mc1', role: 'agent', text: '非常抱歉', agentId: 'amy' });
    await queue.close('mc1');
    await new Promise((r) => setTimeout(r, 5));
    await transcripts.append({ conversationId: 'mc1', role: 'bot', text: '请打分' });

    const source = new SqlMetricsSource(db());
    expect((await source.counters()).handoffsByReason).to.deep.equal({ complaint: 1, anger: 0, humanRequested: 0, botFailure: 0, repeatContact: 0, vip: 1 });
    const [closed] = await source.closedConversations(0, Date.now() + 1000, 10);
    expect(closed).to.deep.include({ conversationId: 'mc1', agentId: 'amy', agentName: 'Amy', overrides: 0 });
    expect(closed!.messages.map((m) => m.text)).to.deep.equal(['质量太差', '非常抱歉']);
    expect(await source.closedConversation('mc1')).to.deep.equal(closed);
    expect(await source.closedConversation('nobody')).to.equal(undefined);
  });
});
