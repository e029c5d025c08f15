import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { expect } from 'chai';
import { FaqMatcher } from '../../knowledge/faqMatcher.js';
import { seedFaqs } from '../../knowledge/seedFaqs.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import type { ConversationData } from '../../dialogs/conversationData.js';
import { CustomerBot } from '../../bot/customerBot.js';
import { openDatabase } from '../../bot/storage/openDatabase.js';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase.js';
import { SqlFeedbackLog } from '../../bot/storage/sqlFeedbackLog.js';
import { SqlUnansweredLog } from '../../bot/storage/sqlUnansweredLog.js';
import { HandoffEvents } from '../../bot/handoff/handoffEvents.js';
import { HandoffService } from '../../bot/handoff/handoffService.js';
import { parseServiceHours } from '../../bot/handoff/serviceHours.js';
import { SqlCustomerDirectory } from '../../bot/storage/sqlCustomerDirectory.js';
import { SqlHandoffQueue } from '../../bot/storage/sqlHandoffQueue.js';
import { SqlTicketStore } from '../../bot/storage/sqlTicketStore.js';
import { SqlTranscriptStore } from '../../bot/storage/sqlTranscriptStore.js';
import { createLogger } from '../../bot/logger.js';

const entries = seedFaqs();
const byId = new Map(entries.map((e) => [e.id, e]));
const matcher = new FaqMatcher(entries);

describe('MainDialog through CustomerBot (TestAdapter)', () => {
  let db: SqlDatabase;
  let feedback: SqlFeedbackLog;
  let unanswered: SqlUnansweredLog;
  let desk: HandoffService;
  let current: TestAdapter | undefined;
  let trusted = true;

  beforeEach(async () => {
    db = await openDatabase('sqlite::memory:', '.', () => undefined);
    feedback = new SqlFeedbackLog(db);
    unanswered = new SqlUnansweredLog(db);
    desk = makeDesk(() => new Date('2026-01-01T04:00:00Z')); // noon in Shanghai: agents on duty
    trusted = true;
  });

  /** The real handoff service on the test's database, with an agent's live view open. */
  function makeDesk(now: () => Date): HandoffService {
    const events = new HandoffEvents();
    events.subscribe(() => undefined);
    return new HandoffService({
      queue: new SqlHandoffQueue(db),
      tickets: new SqlTicketStore(db),
      transcripts: new SqlTranscriptStore(db),
      directory: new SqlCustomerDirectory(db),
      relay: { continueConversation: (reference, logic) => current!.continueConversation(reference, logic) },
      events,
      hours: parseServiceHours('09:00-24:00', 'Asia/Shanghai'),
      log: createLogger('silent'),
      now,
    });
  }
  afterEach(() => db.close());

  function adapter(locale?: string): TestAdapter {
    const conversationState = new ConversationState(new MemoryStorage());
    const bot = new CustomerBot({
      conversationState,
      dialogState: conversationState.createProperty<DialogState>('dialogState'),
      mainDialog: new MainDialog({
        faqs: { match: (t, l) => matcher.match(t, l), entry: (id) => byId.get(id) },
        feedback,
        unanswered,
        desk,
        handoffEventChannels: ['test'],
        trustsIdentity: () => trusted,
        conversationData: conversationState.createProperty<ConversationData>('conversationData'),
      }),
    });
    current = new TestAdapter((context) => bot.run(context), locale ? { locale } : undefined);
    return current;
  }
  const titles = (a: Partial<Activity>): string[] => (a.suggestedActions?.actions ?? []).map((x) => x.title);

  it('greets a newcomer with the standard opening in the channel language', async () => {
    await adapter('en-US')
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'User' }], recipient: { id: 'bot', name: 'Bot' } })
      .assertReply((a) => {
        expect(a.text).to.match(/^Hello and welcome/u);
        expect(titles(a)).to.include('How long does a refund take?');
      });
    await adapter()
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'User' }], recipient: { id: 'bot', name: 'Bot' } })
      .assertReply((a) => expect(a.text).to.match(/^您好,欢迎光临/u));
  });

  const answers = [
    { name: 'Chinese', text: '退款多久到账', id: 'zh-refund-time', buttons: ['👍 有帮助', '👎 没帮助'] },
    { name: 'traditional script', text: '發票怎麼開', id: 'zh-invoice', buttons: ['👍 有帮助', '👎 没帮助'] },
    { name: 'English', text: 'How do I return an item?', id: 'en-return-steps', buttons: ['👍 Helpful', '👎 Not helpful'] },
  ];
  for (const c of answers) {
    it(`answers a ${c.name} question in its language and asks whether it helped`, async () => {
      await adapter()
        .send(c.text)
        .assertReply((a) => {
          expect(a.text).to.contain(byId.get(c.id)!.answer);
          expect(titles(a)).to.deep.equal(c.buttons);
        });
    });
  }

  it('answers in English even when the channel says Chinese, because the message is English', async () => {
    await adapter('zh-CN')
      .send('how long does a refund take')
      .assertReply((a) => expect(a.text).to.contain(byId.get('en-refund-time')!.answer));
  });

  it('admits not knowing, offers a person and records the question', async () => {
    await adapter()
      .send('帮我写一首关于月亮的诗')
      .assertReply((a) => {
        expect(a.text).to.match(/^抱歉/u);
        expect(titles(a)).to.deep.equal(['转人工']);
      });
    const groups = await unanswered.groups(10);
    expect(groups.map((g) => [g.text, g.reasons])).to.deep.equal([['帮我写一首关于月亮的诗', ['noMatch']]]);
  });

  it('records a typed "not helpful" against the answer just given, and offers a person', async () => {
    await adapter()
      .send('how do I track my package')
      .assertReply((a) => expect(a.text).to.contain(byId.get('en-tracking')!.answer))
      .send('👎 Not helpful')
      .assertReply((a) => {
        expect(a.text).to.match(/^Sorry that didn't help/u);
        expect(titles(a)).to.deep.equal(['Talk to a person']);
      });
    expect(await feedback.totals()).to.deep.equal([{ faqId: 'en-tracking', helpful: 0, unhelpful: 1 }]);
    expect((await unanswered.groups(10))[0]).to.include({ text: 'how do I track my package' });
  });

  it('takes a button press (messageBack value) as feedback without parsing its text', async () => {
    await adapter()
      .send({ type: 'message', text: 'anything', value: { action: 'feedback', faqId: 'zh-invoice', helpful: true } })
      .assertReply((a) => expect(a.text).to.match(/^Thanks for the feedback|^感谢您的反馈/u));
    expect(await feedback.totals()).to.deep.equal([{ faqId: 'zh-invoice', helpful: 1, unhelpful: 0 }]);
  });

  it('answers the entry a customer picks from "did you mean"', async () => {
    await adapter()
      .send({ type: 'message', text: '运费险', value: { action: 'pick', faqId: 'zh-return-shipping-fee' } })
      .assertReply((a) => expect(a.text).to.contain(byId.get('zh-return-shipping-fee')!.answer));
  });

  it('queues a request for a person and says so; the customer can cancel', async () => {
    await adapter()
      .send('转人工')
      .assertReply((a) => {
        expect(a.type, "the channel's hub hears the standard handoff event first").to.equal('event');
        expect(a.name).to.equal('handoff.initiate');
        expect(a.value).to.deep.include({ priority: 'normal', reasons: ['humanRequested'] });
      })
      .assertReply((a) => expect(a.text).to.contain('已为您转接人工客服'))
      .send('取消')
      .assertReply((a) => expect(a.text).to.contain('已为您取消人工服务'));
    expect((await desk.queue()).length).to.equal(0);
  });

  it('out of hours, still queues the request, opens a ticket and promises a reply within 24 hours', async () => {
    desk = makeDesk(() => new Date('2026-01-01T19:30:00Z')); // 03:30 in Shanghai
    await adapter()
      .send('我要找真人客服')
      .assertReply((a) => expect(a.name).to.equal('handoff.initiate'))
      .assertReply((a) => expect(a.text).to.match(/工单号 T\w+.*24 小时内/u));
    const [queued] = await desk.queue();
    expect(queued?.ticketId).to.be.a('string');
    expect((await desk.view(queued!.conversationId))?.ticket?.content).to.equal('我要找真人客服');
  });

  it('lets the customer cancel in the middle of the complaint intake: no ticket, no queue', async () => {
    await adapter()
      .send('我要投诉你们!')
      .assertReply((a) => expect(a.text).to.match(/^非常抱歉/u))
      .assertReply((a) => expect(a.text).to.contain('订单号'))
      .send('取消')
      .assertReply((a) => expect(a.text).to.contain('已为您取消'))
      .send('退款多久到账')
      .assertReply((a) => expect(a.text).to.contain(byId.get('zh-refund-time')!.answer));
    expect(await desk.queue()).to.deep.equal([]);
  });

  it('asks the directory about a customer only when the channel vouches for the id', async () => {
    await new SqlCustomerDirectory(db).import([{ id: 'user1', name: 'VIP', tier: 'diamond', lifetimeValue: 50_000 }]); // TestAdapter's user
    trusted = false;
    await adapter()
      .send('怎么开发票')
      .assertReply((a) => expect(a.text).to.contain(byId.get('zh-invoice')!.answer));
    expect(await desk.queue(), 'an unvouched id gets no VIP treatment').to.deep.equal([]);
    trusted = true;
    await adapter()
      .send('怎么开发票')
      .assertReply((a) => expect(a.text).to.contain(byId.get('zh-invoice')!.answer))
      .assertReply((a) => expect(a.name).to.equal('handoff.initiate'))
      .assertReply((a) => expect(a.text).to.contain('已为您转接人工客服'));
    expect((await desk.queue()).map((h) => h.priority)).to.deep.equal(['vip']);
  });

  it('apologises for a complaint, collects the order number and contact, opens a ticket and queues it first', async () => {
    await desk.request({
      reference: { conversation: { id: 'someone-else', isGroup: false, conversationType: '', name: '' }, serviceUrl: 'x', channelId: 'test' },
      customer: { id: 'other', name: 'Other' },
      decision: { handoff: true, priority: 'normal', reasons: ['humanRequested'] },
      locale: 'zh-CN',
      text: '转人工',
    });
    await adapter()
      .send('你们太过分了,我要投诉!')
      .assertReply((a) => expect(a.text).to.match(/^非常抱歉/u))
      .assertReply((a) => expect(a.text).to.contain('订单号'))
      .send('20241122123456')
      .assertReply((a) => expect(a.text).to.contain('联系方式'))
      .send('13812345678')
      .assertReply((a) => expect(a.value).to.deep.include({ priority: 'high' }))
      .assertReply((a) => expect(a.text).to.match(/投诉工单 T\w+/u))
      .assertReply((a) => expect(a.text).to.contain('已为您转接人工客服'));
    const [first, second] = await desk.queue();
    expect(first?.priority, 'the complaint is served before the earlier normal request').to.equal('high');
    expect(second?.conversationId).to.equal('someone-else');
    const view = await desk.view(first!.conversationId);
    expect(view?.ticket).to.include({ orderId: '20241122123456', contact: '13812345678', status: 'open', followUps: 0 });
  });
});
