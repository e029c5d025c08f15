import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';
import { SqlGuardOverrideLog } from '../../../bot/storage/sqlBannedPhraseStore.js';

const ADMIN = TEST_SECRETS.adminToken;
const AGENT = TEST_SECRETS.agentToken;
const SECRET = TEST_SECRETS.directLineSecret;

interface Violation {
  phrase: string;
  category: string;
  start: number;
  end: number;
  suggestion: string;
}

describe('agent assist API: banned-phrase guard over HTTP', function () {
  this.timeout(60_000);
  let test: TestApp;
  let base: string;

  const call = (path: string, method: string, body: unknown, token: string) =>
    fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const check = async (text: string): Promise<{ ok: boolean; violations: Violation[] }> =>
    (await (await call('/api/assist/check', 'POST', { text }, AGENT)).json()) as { ok: boolean; violations: Violation[] };

  before(async () => {
    test = await startTestApp();
    base = test.base;
  });
  after(() => test.stop());

  it('flags a banned phrase typed with spaces, with offsets into the original text and an alternative', async () => {
    const text = '亲,这个您 自己 看着办吧';
    const result = await check(text);
    expect(result.ok).to.equal(false);
    const v = result.violations[0]!;
    expect(text.slice(v.start, v.end)).to.equal('您 自己 看着办');
    expect(v.suggestion).to.be.a('string').and.not.equal('');
  });

  it('passes a standard polite reply', async () => {
    expect(await check('亲,非常抱歉给您带来不便,我马上为您核实,请稍等一下哦。')).to.deep.equal({ ok: true, violations: [] });
  });

  it('refuses an agent reply with a banned phrase (422, rewrite offered, nothing sent); force sends it and records the override', async () => {
    const minted = (await (await call('/v3/directline/tokens/generate', 'POST', { user: { id: 'c-assist' } }, SECRET)).json()) as { token: string; conversationId: string };
    const { token, conversationId } = minted;
    await call('/v3/directline/conversations', 'POST', undefined, token);
    await call(`/v3/directline/conversations/${conversationId}/activities`, 'POST', { type: 'message', text: '转人工' }, token);
    expect((await call(`/api/agent/conversations/${conversationId}/accept`, 'POST', { agentId: 'a1', agentName: 'Amy' }, AGENT)).status).to.equal(200);
    const transcript = async () =>
      ((await (await call(`/v3/directline/conversations/${conversationId}/activities`, 'GET', undefined, token)).json()) as { activities: Array<{ text?: string }> }).activities;
    const before = (await transcript()).length;

    const refused = await call(`/api/agent/conversations/${conversationId}/messages`, 'POST', { agentId: 'a1', text: '这个没办法,你找快递去吧' }, AGENT);
    expect(refused.status).to.equal(422);
    const body = (await refused.json()) as { error: { code: string; details: { violations: Violation[]; rewrite: string } } };
    expect(body.error.code).to.equal('banned_phrase');
    expect(body.error.details.violations.map((v) => v.phrase)).to.include.members(['没办法']);
    expect(body.error.details.rewrite).to.not.contain('没办法');
    expect((await transcript()).length, 'nothing was sent').to.equal(before);

    const forced = await call(`/api/agent/conversations/${conversationId}/messages`, 'POST', { agentId: 'a1', text: '这个没办法,你找快递去吧', force: true }, AGENT);
    expect(forced.status).to.equal(200);
    expect((await transcript()).some((a) => a.text === '这个没办法,你找快递去吧')).to.equal(true);
    expect(await new SqlGuardOverrideLog(test.app.db).count()).to.equal(1);
  });

  it('lets admins add and remove phrases, applied to the next check', async () => {
    const phrase = { id: 'custom-1', locale: 'zh-CN', category: 'blameShifting', phrase: '售后概不负责', suggestion: '售后问题我们会负责跟进到底' };
    expect((await check('这个售后概不负责哦')).ok, 'not on the default list').to.equal(true);
    expect((await call('/api/admin/banned-phrases', 'POST', phrase, ADMIN)).status).to.equal(201);
    expect((await check('这个售后概不负责哦')).ok).to.equal(false);
    expect((await call('/api/admin/banned-phrases/custom-1', 'DELETE', undefined, ADMIN)).status).to.equal(204);
    expect((await check('这个售后概不负责哦')).ok).to.equal(true);
    const bad = await call('/api/admin/banned-phrases', 'POST', { ...phrase, id: 'custom-2', category: 'nonsense' }, ADMIN);
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).to.match(/^category:/u);
    expect((await call('/api/admin/banned-phrases', 'GET', undefined, AGENT)).status, 'the agent token is not an admin token').to.equal(401);
  });
});
