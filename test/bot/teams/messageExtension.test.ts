import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../helpers/testApp.js';

interface InvokeBody {
  composeExtension?: { type: string; attachments?: Array<{ content: { text: string }; preview: { content: { title: string } } }> };
  task?: { type: string; value: string };
}

describe('Teams message extension invokes through /api/messages', function () {
  this.timeout(60_000);
  let test: TestApp;
  let base: string;
  let seq = 0;

  const invoke = async (name: string, value: unknown, locale = 'zh-cn'): Promise<{ status: number; body: InvokeBody }> => {
    seq += 1;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name,
        id: `invoke-${seq}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        locale,
        conversation: { id: 'agents-chat' },
        from: { id: 'agent-1', name: 'Amy' },
        recipient: { id: 'bot', name: 'Bot' },
        value,
      }),
    });
    return { status: res.status, body: (await res.json()) as InvokeBody };
  };

  before(async () => {
    test = await startTestApp();
    base = test.base;
  });
  after(() => test.stop());

  it('composeExtension/query searches the script library and returns insertable cards', async () => {
    const { status, body } = await invoke('composeExtension/query', { commandId: 'searchScripts', parameters: [{ name: 'query', value: '退款' }] });
    expect(status).to.equal(200);
    expect(body.composeExtension?.type).to.equal('result');
    const attachments = body.composeExtension?.attachments ?? [];
    expect(attachments.length).to.be.greaterThan(0);
    expect(attachments.every((a) => /退款/u.test(a.content.text) || a.preview.content.title === 'refund')).to.equal(true);
    expect(attachments.every((a) => !a.content.text.includes('{'))).to.equal(true);
  });

  it('composeExtension/query in English finds English scripts', async () => {
    const { body } = await invoke('composeExtension/query', { commandId: 'searchScripts', parameters: [{ name: 'query', value: 'refund' }] }, 'en-us');
    const texts = (body.composeExtension?.attachments ?? []).map((a) => a.content.text);
    expect(texts.length).to.be.greaterThan(0);
    expect(texts.every((t) => !/\p{Script=Han}/u.test(t))).to.equal(true);
  });

  it('composeExtension/submitAction checks a draft against the banned-phrase guard', async () => {
    const bad = await invoke('composeExtension/submitAction', { commandId: 'checkDraft', data: { draft: '这个没办法,您自己看着办' } });
    expect(bad.status).to.equal(200);
    expect(bad.body.task?.value).to.contain('没办法');
    const good = await invoke('composeExtension/submitAction', { commandId: 'checkDraft', data: { draft: '好的,我马上为您处理。' } });
    expect(good.body.task?.value).to.match(/^✅/u);
  });
});
