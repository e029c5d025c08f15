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

const entries = seedFaqs();
const byId = new Map(entries.map((e) => [e.id, e]));
const matcher = new FaqMatcher(entries);

describe('MainDialog through CustomerBot (TestAdapter)', () => {
  let db: SqlDatabase;
  let feedback: SqlFeedbackLog;
  let unanswered: SqlUnansweredLog;

  beforeEach(async () => {
    db = await openDatabase('sqlite::memory:', '.', () => undefined);
    feedback = new SqlFeedbackLog(db);
    unanswered = new SqlUnansweredLog(db);
  });
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
        conversationData: conversationState.createProperty<ConversationData>('conversationData'),
      }),
    });
    return new TestAdapter((context) => bot.run(context), locale ? { locale } : undefined);
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

  it('notes a request for a person honestly, with the service hours', async () => {
    await adapter()
      .send('转人工')
      .assertReply((a) => expect(a.text).to.contain('9:00-24:00'));
    expect((await unanswered.groups(10))[0]!.reasons).to.deep.equal(['humanRequested']);
  });
});
