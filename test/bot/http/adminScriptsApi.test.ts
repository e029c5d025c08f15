import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { ScriptLibrary } from '../../../bot/assist/scriptLibrary.js';
import type { AuditEntry, AuditLog, AuditQuery, NewAuditEntry } from '../../../bot/audit/auditLog.js';
import { registerAdminScriptRoutes } from '../../../bot/http/adminScriptRoutes.js';
import { createServer } from '../../../bot/http/createServer.js';
import { createLogger } from '../../../bot/logger.js';
import type { SqlDatabase } from '../../../bot/storage/sqlDatabase.js';
import { SqlScriptStore } from '../../../bot/storage/sqlScriptStore.js';
import type { ReplyScript } from '../../../scripts/replyScripts.js';
import { sqliteTestDatabase } from '../../helpers/databases.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = 'scripts-admin-token-0001';

/** An audit log that keeps its entries in memory, oldest first, for the tests to read. */
class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  private clock = 0;

  record(entry: NewAuditEntry): Promise<AuditEntry> {
    const stored = { ...entry, id: randomUUID(), at: ++this.clock };
    this.entries.push(stored);
    return Promise.resolve(stored);
  }

  async recordMany(entries: readonly NewAuditEntry[]): Promise<number> {
    for (const e of entries) await this.record(e);
    return entries.length;
  }

  get(id: string): Promise<AuditEntry | undefined> {
    return Promise.resolve(this.entries.find((e) => e.id === id));
  }

  list(q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const items = this.entries.filter((e) => (!q.entity || e.entity === q.entity) && (!q.entityId || e.entityId === q.entityId)).reverse();
    return Promise.resolve({ items: items.slice(q.offset, q.offset + q.limit), total: items.length });
  }
}

interface ApiError {
  error: { code: string; message: string; details?: unknown };
}
interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}

const draft = { locale: 'zh-CN', scenario: 'refund', text: '{customerName}您好，{orderId}的退款已提交，预计{eta}到账。', keywords: ['退款'] };

describe('admin scripts API over HTTP', function () {
  this.timeout(30_000);
  let db: SqlDatabase;
  let base: string;
  let audit: MemoryAuditLog;
  let close: () => Promise<void>;
  const target = sqliteTestDatabase();

  const call = async <T = unknown>(path: string, init: { method?: string; body?: unknown; raw?: string; token?: string | null; actor?: string } = {}): Promise<Reply<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? ADMIN}`;
    if (init.actor !== undefined) headers['x-admin-name'] = init.actor;
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  };
  const library = async (): Promise<ReplyScript[]> => (await call<ReplyScript[]>('/api/admin/scripts/export')).body;

  before(async () => {
    db = await target.open();
    const scripts = new ScriptLibrary(new SqlScriptStore(db));
    await scripts.start([
      { id: 'greet.1', locale: 'zh-CN', scenario: 'greeting', stage: 'greeting', text: '{customerName}您好，我是{agentName}。' },
      { id: 'greet.2', locale: 'en-US', scenario: 'greeting', stage: 'greeting', text: "Hi {customerName}, I'm {agentName}." },
      { id: 'refund.1', locale: 'zh-CN', scenario: 'refund', stage: 'answer', text: '退款会原路退回。', keywords: ['退钱'] },
    ]);
    audit = new MemoryAuditLog();
    const server = createServer(createLogger('silent'));
    registerAdminScriptRoutes(server, { library: scripts, audit, adminToken: ADMIN, log: createLogger('silent') });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${server.address().port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
  });
  after(async () => {
    await close?.();
    await db?.close();
    await target.dispose();
  });
  beforeEach(() => {
    audit.entries.length = 0;
  });

  describe('authentication', () => {
    for (const [name, token] of [['no token', null], ['a wrong token', 'not-the-admin-token']] as const) {
      it(`answers 401 to ${name} on every route, changing nothing`, async () => {
        const before = await library();
        const attempts = [
          call('/api/admin/scripts', { token }),
          call('/api/admin/scripts/greet.1', { token }),
          call('/api/admin/scripts', { method: 'POST', body: draft, token }),
          call('/api/admin/scripts/greet.1', { method: 'PUT', body: draft, token }),
          call('/api/admin/scripts/greet.1', { method: 'DELETE', token }),
          call('/api/admin/scripts/import?mode=replace', { method: 'POST', body: [], token }),
          call('/api/admin/scripts/export', { token }),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.status).to.equal(401);
          expect((res.body as ApiError).error.code).to.equal('unauthorized');
        }
        expect(await library()).to.deep.equal(before);
        expect(audit.entries).to.deep.equal([]);
      });
    }
  });

  describe('validation', () => {
    const cases: Array<{ name: string; body: unknown; field: string; message: RegExp }> = [
      { name: 'an unknown placeholder', body: { ...draft, text: '您好{nickname}' }, field: 'text', message: /placeholders must be one of \{customerName\}/u },
      { name: 'an unbalanced brace', body: { ...draft, text: '您好{customerName' }, field: 'text', message: /unbalanced brace/u },
      { name: 'empty text', body: { ...draft, text: '   ' }, field: 'text', message: /must not be empty/u },
      { name: 'a missing locale', body: { scenario: 'refund', text: '好的' }, field: 'locale', message: /is required/u },
      { name: 'an unknown locale', body: { ...draft, locale: 'fr-FR' }, field: 'locale', message: /must be one of zh-CN, en-US/u },
      { name: 'an unknown scenario', body: { ...draft, scenario: 'smalltalk' }, field: 'scenario', message: /must be one of greeting, .*refund/u },
      { name: 'an unknown stage', body: { ...draft, stage: 'payment' }, field: 'stage', message: /must be one of greeting, confirmNeed/u },
      { name: 'an id with spaces', body: { ...draft, id: 'my script' }, field: 'id', message: /only letters, digits/u },
      { name: 'an empty keyword', body: { ...draft, keywords: ['退款', ' '] }, field: 'keywords.1', message: /must not be empty/u },
    ];
    for (const c of cases) {
      it(`refuses ${c.name} with 400 naming ${c.field}`, async () => {
        const res = await call<ApiError>('/api/admin/scripts', { method: 'POST', body: c.body });
        expect(res.status).to.equal(400);
        expect(res.body.error.code).to.equal('validation_failed');
        expect(res.body.error.message.startsWith(`${c.field}: `), res.body.error.message).to.equal(true);
        expect(res.body.error.message).to.match(c.message);
        expect(res.body.error.details).to.deep.include({ field: c.field, message: res.body.error.message.slice(c.field.length + 2) });
        expect(audit.entries).to.deep.equal([]);
      });
    }

    it('refuses a bad filter with 400 naming it, and malformed JSON', async () => {
      const filter = await call<ApiError>('/api/admin/scripts?scenario=smalltalk');
      expect(filter.status).to.equal(400);
      expect(filter.body.error.message).to.match(/^scenario: must be one of/u);
      const json = await call<ApiError>('/api/admin/scripts', { method: 'POST', raw: '{"locale":' });
      expect(json.status).to.equal(400);
      expect(json.body.error.code).to.equal('invalid_json');
    });
  });

  describe('create, read, update, delete', () => {
    it('creates a script with a generated id and the stage of its scenario, records who did it, and lists it by filter', async () => {
      const created = await call<ReplyScript>('/api/admin/scripts', { method: 'POST', body: draft, actor: encodeURIComponent('王小明') });
      expect(created.status).to.equal(201);
      expect(created.body.id).to.match(/^script-[0-9a-f-]{12}$/u);
      expect(created.body).to.deep.equal({ ...draft, id: created.body.id, stage: 'answer' });
      expect((await call(`/api/admin/scripts/${created.body.id}`)).body).to.deep.equal(created.body);

      const found = await call<{ items: ReplyScript[] }>(`/api/admin/scripts?locale=zh-CN&stage=answer&scenario=refund&q=${encodeURIComponent('已提交')}`);
      expect(found.body.items.map((s) => s.id)).to.deep.equal([created.body.id]);
      const byKeyword = await call<{ items: ReplyScript[] }>(`/api/admin/scripts?q=${encodeURIComponent('退钱')}`);
      expect(byKeyword.body.items.map((s) => s.id)).to.deep.equal(['refund.1']);
      const english = await call<{ items: ReplyScript[] }>('/api/admin/scripts?locale=en-US');
      expect(english.body.items.map((s) => s.id)).to.deep.equal(['greet.2']);

      expect(audit.entries).to.have.length(1);
      expect(audit.entries[0]).to.deep.include({ actor: '王小明', entity: 'script', entityId: created.body.id, action: 'create', after: created.body });
      expect(audit.entries[0]).to.not.have.property('before');
      await call(`/api/admin/scripts/${created.body.id}`, { method: 'DELETE' });
    });

    it('refuses a taken id with 409', async () => {
      const res = await call<ApiError>('/api/admin/scripts', { method: 'POST', body: { ...draft, id: 'greet.1' } });
      expect(res.status).to.equal(409);
      expect(res.body.error.code).to.equal('conflict');
      expect((await call<ReplyScript>('/api/admin/scripts/greet.1')).body.text).to.equal('{customerName}您好，我是{agentName}。');
      expect(audit.entries).to.deep.equal([]);
    });

    it('replaces a script in place, recording before and after; 404 for a missing one, 400 for a mismatched id', async () => {
      const before = (await call<ReplyScript>('/api/admin/scripts/greet.2')).body;
      const edit = { locale: 'en-US', scenario: 'greeting', text: 'Hello {customerName}! {agentName} here.', keywords: ['hello'] };
      const res = await call<ReplyScript>('/api/admin/scripts/greet.2', { method: 'PUT', body: edit });
      expect(res.status).to.equal(200);
      const after = { ...edit, id: 'greet.2', stage: 'greeting' };
      expect(res.body).to.deep.equal(after);
      expect((await library()).map((s) => s.id), 'the edit keeps its place').to.deep.equal(['greet.1', 'greet.2', 'refund.1']);
      expect(audit.entries.map((e) => ({ actor: e.actor, entityId: e.entityId, action: e.action, before: e.before, after: e.after }))).to.deep.equal([
        { actor: 'admin', entityId: 'greet.2', action: 'update', before, after },
      ]);

      const missing = await call<ApiError>('/api/admin/scripts/nope', { method: 'PUT', body: edit });
      expect(missing.status).to.equal(404);
      expect(missing.body.error.code).to.equal('not_found');
      expect((await library()).map((s) => s.id), 'PUT does not create').to.not.include('nope');
      const mismatch = await call<ApiError>('/api/admin/scripts/greet.2', { method: 'PUT', body: { ...edit, id: 'greet.1' } });
      expect(mismatch.status).to.equal(400);
      expect(mismatch.body.error.message).to.match(/^id: /u);
      expect(audit.entries).to.have.length(1);
    });

    it('deletes a script (204), recording what it was; 404 afterwards', async () => {
      await call('/api/admin/scripts', { method: 'POST', body: { ...draft, id: 'temp.1' } });
      audit.entries.length = 0;
      expect((await call('/api/admin/scripts/temp.1', { method: 'DELETE', actor: 'Li' })).status).to.equal(204);
      expect((await call('/api/admin/scripts/temp.1')).status).to.equal(404);
      expect((await call('/api/admin/scripts/temp.1', { method: 'DELETE' })).status).to.equal(404);
      expect(audit.entries).to.have.length(1);
      expect(audit.entries[0]).to.deep.include({ actor: 'Li', entityId: 'temp.1', action: 'delete', before: { ...draft, id: 'temp.1', stage: 'answer' } });
      expect(audit.entries[0]).to.not.have.property('after');
    });
  });

  describe('import and export', () => {
    const row = (id: string, text: string): ReplyScript => ({ id, locale: 'zh-CN', scenario: 'refund', stage: 'answer', text });

    it('exports a file that imports back unchanged, recording no script as changed', async () => {
      const exported = await call<ReplyScript[]>('/api/admin/scripts/export');
      expect(exported.headers.get('content-disposition')).to.match(/attachment; filename="reply-scripts\.json"/u);
      const res = await call('/api/admin/scripts/import?mode=replace', { method: 'POST', body: exported.body });
      expect(res.body).to.deep.equal({ imported: exported.body.length, created: 0, updated: exported.body.length, deleted: 0 });
      expect(await library()).to.deep.equal(exported.body);
      expect(audit.entries.map((e) => [e.entityId, e.action])).to.deep.equal([['import', 'import']]);
    });

    it('refuses the whole import when one row is bad, naming the row and field, and writes nothing', async () => {
      const before = await library();
      const bad = [row('imp.1', '好的'), row('imp.2', '稍等'), { ...row('imp.3', '您好{nickname}') }];
      const res = await call<ApiError>('/api/admin/scripts/import?mode=replace', { method: 'POST', body: bad });
      expect(res.status).to.equal(400);
      expect(res.body.error.code).to.equal('import_invalid');
      expect(res.body.error.message).to.match(/^Row 3, text: placeholders must be one of .*Nothing was imported\.$/u);
      expect(res.body.error.details).to.deep.include({ total: 1 });

      const duplicate = await call<ApiError>('/api/admin/scripts/import', { method: 'POST', body: [row('imp.1', '好的'), row('imp.1', '稍等')] });
      expect(duplicate.status).to.equal(400);
      expect(duplicate.body.error.message).to.equal('Row 2, id: duplicates the id of row 1. Nothing was imported.');
      const notArray = await call<ApiError>('/api/admin/scripts/import', { method: 'POST', body: { id: 'x' } });
      expect(notArray.body.error.message).to.equal('The file: must be a JSON array of scripts. Nothing was imported.');
      const badMode = await call<ApiError>('/api/admin/scripts/import?mode=overwrite', { method: 'POST', body: [row('imp.1', '好的')] });
      expect(badMode.status).to.equal(400);
      expect(badMode.body.error.message).to.match(/^mode: /u);

      expect(await library()).to.deep.equal(before);
      expect(audit.entries).to.deep.equal([]);
    });

    it('merges and replaces, recording a summary and every script created, changed or removed', async () => {
      const merged = await call('/api/admin/scripts/import?mode=merge', { method: 'POST', body: [row('imp.1', '好的'), row('refund.1', '退款原路退回，请放心。')], actor: 'ops' });
      expect(merged.status).to.equal(200);
      expect(merged.body).to.deep.equal({ imported: 2, created: 1, updated: 1, deleted: 0 });
      expect((await library()).map((s) => s.id)).to.deep.equal(['greet.1', 'greet.2', 'refund.1', 'imp.1']);
      expect(audit.entries.map((e) => [e.actor, e.entityId, e.action])).to.deep.equal([
        ['ops', 'import', 'import'],
        ['ops', 'imp.1', 'create'],
        ['ops', 'refund.1', 'update'],
      ]);
      expect(audit.entries[0]!.after).to.deep.equal({ mode: 'merge', imported: 2, created: 1, updated: 1, deleted: 0 });
      expect((audit.entries[2]!.before as ReplyScript).text).to.equal('退款会原路退回。');

      audit.entries.length = 0;
      const kept = await library();
      const replaced = await call('/api/admin/scripts/import?mode=replace', { method: 'POST', body: [kept[3], kept[0]] });
      expect(replaced.body).to.deep.equal({ imported: 2, created: 0, updated: 2, deleted: 2 });
      expect((await library()).map((s) => s.id)).to.deep.equal(['imp.1', 'greet.1']);
      expect(audit.entries.map((e) => [e.entityId, e.action])).to.deep.equal([
        ['import', 'import'],
        ['greet.2', 'delete'],
        ['refund.1', 'delete'],
      ]);
      expect(audit.entries[1]!.before).to.deep.equal(kept[1]);
    });
  });
});

describe('admin scripts API in the whole app: edits reach agents without a restart', function () {
  this.timeout(60_000);
  let test: TestApp;
  const call = async <T>(path: string, method: string, body: unknown, token: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${test.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const suggest = async (): Promise<Array<{ text: string; source: string }>> =>
    (await call<{ suggestions: Array<{ text: string; source: string }> }>('/api/assist/suggest', 'POST', { text: '我要退款', locale: 'zh-CN' }, TEST_SECRETS.agentToken)).body.suggestions;

  before(async () => {
    test = await startTestApp();
  });
  after(() => test?.stop());

  it('serves the seeded library, and an edited script is the next suggestion', async () => {
    const first = (await suggest()).find((s) => s.source.startsWith('script:refund.'));
    expect(first, 'a refund script is suggested for 我要退款').to.not.equal(undefined);
    const id = first!.source.slice('script:'.length);
    const stored = await call<ReplyScript>(`/api/admin/scripts/${id}`, 'GET', undefined, TEST_SECRETS.adminToken);
    expect(stored.status).to.equal(200);

    const text = '{customerName}，退款申请我已经帮您加急处理，预计{eta}原路退回，请留意账户哦。';
    const put = await call(`/api/admin/scripts/${id}`, 'PUT', { ...stored.body, text }, TEST_SECRETS.adminToken);
    expect(put.status).to.equal(200);
    const next = (await suggest()).find((s) => s.source === `script:${id}`);
    expect(next?.text).to.equal('亲，退款申请我已经帮您加急处理，预计24小时内原路退回，请留意账户哦。');

    expect((await call(`/api/admin/scripts/${id}`, 'DELETE', undefined, TEST_SECRETS.adminToken)).status).to.equal(204);
    expect((await suggest()).map((s) => s.source), 'a deleted script is no longer suggested').to.not.include(`script:${id}`);
    expect((await call('/api/admin/scripts', 'GET', undefined, TEST_SECRETS.agentToken)).status, 'the agent token is not an admin token').to.equal(401);
  });
});
