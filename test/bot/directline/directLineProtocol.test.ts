import { createRequire } from 'node:module';
import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';
import type * as DirectLineModule from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { DirectLineTokens } from '../../../bot/directline/directLineTokens.js';
import { seedFaqs } from '../../../knowledge/seedFaqs.js';

// botframework-directlinejs talks through XMLHttpRequest (rxjs ajax), which Node lacks.
const require = createRequire(import.meta.url);
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= require('xhr2');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof DirectLineModule;
type DirectLineClient = InstanceType<typeof DirectLine>;
interface ClientActivity {
  id?: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: { clientActivityID?: string };
}

const SECRET = TEST_SECRETS.directLineSecret;
const SIGNING_KEY = TEST_SECRETS.tokenSigningKey;
const answers = new Map(seedFaqs().map((e) => [e.id, e.answer]));

/** Collects what a client receives and waits for a condition on it. */
function collect(client: DirectLineClient): { seen: ClientActivity[]; until: (pred: (a: ClientActivity) => boolean, ms?: number) => Promise<ClientActivity> } {
  const seen: ClientActivity[] = [];
  const waiters: Array<() => void> = [];
  client.activity$.subscribe({
    next: (a) => {
      seen.push(a);
      for (const w of waiters.splice(0)) w();
    },
    // Ending a client errors its stream with "conversation ended"; that is the test's doing.
    error: () => undefined,
  });
  return {
    seen,
    until: async (pred, ms = 15_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const hit = seen.find(pred);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no matching activity in ${ms} ms; saw ${JSON.stringify(seen.map((s) => s.text))}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 250);
        });
      }
    },
  };
}

async function postMessage(client: DirectLineClient, text: string, clientActivityID: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client
      .postActivity({ type: 'message', text, from: { id: 'spoofed-id' }, channelData: { clientActivityID } } as never)
      .subscribe({ next: (id: string) => resolve(id), error: (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))) });
  });
}

describe('Direct Line 3.0 endpoint with the official botframework-directlinejs client', function () {
  this.timeout(60_000);
  let test: TestApp;
  let base: string;
  const clients: DirectLineClient[] = [];

  const http = (path: string, init: RequestInit & { auth?: string } = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.auth ? { authorization: `Bearer ${init.auth}` } : {}) } });
  const tokenFor = async (userId: string): Promise<{ token: string; conversationId: string }> => {
    const res = await http('/v3/directline/tokens/generate', { method: 'POST', auth: SECRET, body: JSON.stringify({ user: { id: userId, name: 'Ms Li' } }) });
    expect(res.status).to.equal(200);
    return (await res.json()) as { token: string; conversationId: string };
  };

  before(async () => {
    test = await startTestApp({ CHAT_TOKEN_RATE_PER_MINUTE: '3' });
    base = test.base;
  });
  after(async () => {
    for (const c of clients) c.end();
    await test.stop();
  });

  for (const webSocket of [true, false]) {
    it(`greets, echoes the user's activity and answers, over ${webSocket ? 'the WebSocket stream' : 'polling'}`, async () => {
      const { token } = await tokenFor(`customer-${webSocket ? 'ws' : 'poll'}`);
      const client = new DirectLine({ domain: `${base}/v3/directline`, token, webSocket, pollingInterval: 300, WebSocket } as never);
      clients.push(client);
      const inbox = collect(client);
      await inbox.until((a) => a.from.role === 'bot' || a.text?.startsWith('您好') === true);
      const clientActivityID = `client-${webSocket}`;
      const id = await postMessage(client, '退款多久到账', clientActivityID);
      const echo = await inbox.until((a) => a.id === id);
      expect(echo.channelData?.clientActivityID, 'Web Chat matches its pending message by this').to.equal(clientActivityID);
      expect(echo.from.id, 'the token decides who speaks').to.equal(`customer-${webSocket ? 'ws' : 'poll'}`);
      const reply = await inbox.until((a) => a.replyToId === id);
      expect(reply.text).to.contain(answers.get('zh-refund-time'));
      expect(client.connectionStatus$.getValue()).to.equal(ConnectionStatus.Online);
    });
  }

  it('resumes a conversation after a reconnect with the transcript so far', async () => {
    const { token, conversationId } = await tokenFor('customer-resume');
    const first = new DirectLine({ domain: `${base}/v3/directline`, token, webSocket: false, pollingInterval: 300, WebSocket } as never);
    clients.push(first);
    const id = await postMessage(first, 'how do I track my package', 'c-resume');
    await collect(first).until((a) => a.replyToId === id);
    first.end();
    const again = new DirectLine({ domain: `${base}/v3/directline`, token, conversationId, webSocket: true, WebSocket } as never);
    clients.push(again);
    const reply = await collect(again).until((a) => a.replyToId === id);
    expect(reply.text).to.contain(answers.get('en-tracking'));
  });

  it('keeps activities in timestamp order, the order they were stored in', async () => {
    const { token, conversationId } = await tokenFor('customer-order');
    await http('/v3/directline/conversations', { method: 'POST', auth: token });
    for (const text of ['怎么开发票', 'how do I return an item']) {
      await http(`/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', auth: token, body: JSON.stringify({ type: 'message', text }) });
    }
    const page = (await (await http(`/v3/directline/conversations/${conversationId}/activities`, { auth: token })).json()) as { activities: Array<{ timestamp: string }>; watermark: string };
    const times = page.activities.map((a) => Date.parse(a.timestamp));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(page.activities.length).to.equal(5);
    const rest = (await (await http(`/v3/directline/conversations/${conversationId}/activities?watermark=${page.watermark}`, { auth: token })).json()) as { activities: unknown[] };
    expect(rest.activities).to.deep.equal([]);
  });

  const signer = new DirectLineTokens(SIGNING_KEY, 1800);

  describe('token misuse', () => {
    const expiredSigner = new DirectLineTokens(SIGNING_KEY, 1800, () => Math.floor(Date.now() / 1000) - 3600);

    it('refuses a token for conversation A on conversation B (403)', async () => {
      const a = await tokenFor('customer-a');
      const b = await tokenFor('customer-b');
      await http('/v3/directline/conversations', { method: 'POST', auth: b.token });
      const read = await http(`/v3/directline/conversations/${b.conversationId}/activities`, { auth: a.token });
      expect(read.status).to.equal(403);
      const post = await http(`/v3/directline/conversations/${b.conversationId}/activities`, { method: 'POST', auth: a.token, body: JSON.stringify({ type: 'message', text: 'hi' }) });
      expect(post.status).to.equal(403);
    });

    it('refuses an expired token with 403 token_expired, which directlinejs reads as "expired"', async () => {
      const b = await tokenFor('customer-exp');
      const expired = expiredSigner.issue({ conversationId: b.conversationId, userId: 'customer-exp' }).token;
      const res = await http(`/v3/directline/conversations/${b.conversationId}/activities`, { auth: expired });
      expect(res.status).to.equal(403);
      expect(await res.json()).to.have.nested.property('error.code', 'token_expired');
    });

    it('refuses a tampered token (401)', async () => {
      const b = await tokenFor('customer-tamper');
      const [v, body, sig] = signer.issue({ conversationId: b.conversationId, userId: 'customer-tamper' }).token.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
      const forged = `${v}.${Buffer.from(JSON.stringify({ ...claims, userId: 'vip-customer' })).toString('base64url')}.${sig}`;
      expect((await http(`/v3/directline/conversations/${b.conversationId}/activities`, { auth: forged })).status).to.equal(401);
      expect((await http(`/v3/directline/conversations/${b.conversationId}/activities`, { auth: 'garbage' })).status).to.equal(401);
      expect((await http(`/v3/directline/conversations/${b.conversationId}/activities`)).status).to.equal(401);
    });

    it('lets only the secret mint tokens, and refreshes a token for the same conversation', async () => {
      const b = await tokenFor('customer-refresh');
      expect((await http('/v3/directline/tokens/generate', { method: 'POST', auth: b.token })).status).to.equal(403);
      const refreshed = (await (await http('/v3/directline/tokens/refresh', { method: 'POST', auth: b.token })).json()) as { conversationId: string; token: string };
      expect(refreshed.conversationId).to.equal(b.conversationId);
      expect(signer.check(refreshed.token)).to.include({ ok: true });
    });

    it('refuses a stream connection with a token for another conversation', async () => {
      const a = await tokenFor('customer-ws-a');
      const b = await tokenFor('customer-ws-b');
      const ws = new WebSocket(`${base.replace('http', 'ws')}/v3/directline/conversations/${b.conversationId}/stream?t=${encodeURIComponent(a.token)}`);
      const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      expect(status).to.equal(403);
    });
  });

  it("delivers an agent's reply into the Direct Line conversation without a stale replyToId", async () => {
    const { token, conversationId } = await tokenFor('customer-agent');
    await http('/v3/directline/conversations', { method: 'POST', auth: token });
    await http(`/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', auth: token, body: JSON.stringify({ type: 'message', text: '转人工' }) });
    const agent = (path: string, body: unknown) => http(path, { method: 'POST', auth: TEST_SECRETS.agentToken, body: JSON.stringify(body) });
    expect((await agent(`/api/agent/conversations/${conversationId}/accept`, { agentId: 'a1', agentName: 'Amy' })).status).to.equal(200);
    expect((await agent(`/api/agent/conversations/${conversationId}/messages`, { agentId: 'a1', text: 'Hi, Amy here. How can I help?' })).status).to.equal(200);
    const page = (await (await http(`/v3/directline/conversations/${conversationId}/activities`, { auth: token })).json()) as {
      activities: Array<{ text?: string; replyToId?: string; from: { id: string } }>;
    };
    const reply = page.activities.find((a) => a.text === 'Hi, Amy here. How can I help?');
    expect(reply, 'the agent reply is in the transcript').to.not.equal(undefined);
    expect(reply!.replyToId).to.equal(undefined);
    expect(reply!.from.id).to.equal('shop-bot');
    expect(page.activities.some((a) => a.text?.includes('Amy'))).to.equal(true);
  });

  describe('anonymous visitor tokens', () => {
    it('mints a token with a fresh random user id, and limits how many per address', async () => {
      const first = (await (await http('/api/chat/token', { method: 'POST' })).json()) as { token: string; userId: string; conversationId: string; expiresIn: number };
      const second = (await (await http('/api/chat/token', { method: 'POST' })).json()) as { userId: string };
      expect(first.userId).to.match(/^dl_/u);
      expect(second.userId).to.not.equal(first.userId);
      expect(first.expiresIn).to.equal(1800);
      expect(signer.check(first.token)).to.deep.include({ ok: true });
      await http('/api/chat/token', { method: 'POST' });
      const limited = await http('/api/chat/token', { method: 'POST' });
      expect(limited.status).to.equal(429);
      expect(await limited.json()).to.have.nested.property('error.code', 'rate_limited');
    });
  });
});
