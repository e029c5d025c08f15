import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;

interface AuditItem {
  id: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before?: { answer?: string; question?: string };
  after?: { answer?: string; mode?: string };
  at: string;
}
interface Faq {
  id: string;
  locale: string;
  question: string;
  alternates: string[];
  answer: string;
  category?: string;
}

describe('audit log and restoring an FAQ entry over HTTP', function () {
  this.timeout(60_000);
  let test: TestApp;

  const call = async (path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${test.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const history = async (id: string): Promise<AuditItem[]> => ((await (await call(`/api/admin/audit?entity=faq&entityId=${id}`)).json()) as { items: AuditItem[] }).items;
  const faq = async (id: string): Promise<Faq> => (await (await call(`/api/admin/faqs/${id}`)).json()) as Faq;
  const botAnswer = async (text: string): Promise<string | null> => ((await (await call('/api/admin/match', 'POST', { text })).json()) as { answerText: string | null }).answerText;

  before(async () => {
    test = await startTestApp();
  });
  after(() => test.stop());

  it('records who changed an entry, with the entry before and after, and restores the earlier version', async () => {
    const original = await faq('zh-refund-time');
    const edited = { ...original, answer: '退款一般 3 个工作日内原路退回(测试修改)。' };
    expect((await call('/api/admin/faqs/zh-refund-time', 'PUT', edited, { 'x-admin-name': encodeURIComponent('店长小李') })).status).to.equal(200);
    expect(await botAnswer('退款多久到账')).to.equal(edited.answer);

    const [change] = await history('zh-refund-time');
    expect(change).to.deep.include({ actor: '店长小李', action: 'update' });
    expect(change!.before!.answer).to.equal(original.answer);
    expect(change!.after!.answer).to.equal(edited.answer);

    const restored = await call('/api/admin/faqs/zh-refund-time/restore', 'POST', { auditId: change!.id }, { 'x-admin-name': encodeURIComponent('店长小李') });
    expect(restored.status).to.equal(200);
    expect(((await restored.json()) as Faq).answer).to.equal(original.answer);
    expect(await botAnswer('退款多久到账')).to.equal(original.answer);
    expect((await history('zh-refund-time'))[0]).to.deep.include({ action: 'restore', actor: '店长小李' });
  });

  it('brings back a deleted entry from the log', async () => {
    const original = await faq('en-tracking');
    expect((await call('/api/admin/faqs/en-tracking', 'DELETE')).status).to.equal(204);
    const [deletion] = await history('en-tracking');
    expect(deletion).to.deep.include({ action: 'delete', actor: 'admin' });
    expect((await call('/api/admin/faqs/en-tracking/restore', 'POST', { auditId: deletion!.id })).status).to.equal(200);
    expect(await faq('en-tracking')).to.deep.include({ question: original.question, answer: original.answer });
  });

  it('refuses to restore before a creation, another entry\'s change, or a change that does not exist', async () => {
    const created = await call('/api/admin/faqs', 'POST', { id: 'audit-new', locale: 'zh-CN', question: '你们有实体店吗', alternates: [], answer: '目前只有线上店铺哦。' });
    expect(created.status).to.equal(201);
    const [creation] = await history('audit-new');
    const none = await call('/api/admin/faqs/audit-new/restore', 'POST', { auditId: creation!.id });
    expect(none.status).to.equal(400);
    expect(((await none.json()) as { error: { message: string } }).error.message).to.match(/^auditId: /u);
    expect((await call('/api/admin/faqs/zh-refund-time/restore', 'POST', { auditId: creation!.id })).status).to.equal(404);
    expect((await call('/api/admin/faqs/audit-new/restore', 'POST', { auditId: 'nope' })).status).to.equal(404);
    expect((await call('/api/admin/faqs/audit-new/restore', 'POST', {})).status).to.equal(400);
  });

  it('logs an import with its summary and the old version of every entry it changes or removes', async () => {
    const all = (await (await call('/api/admin/faqs/export?format=json')).json()) as Faq[];
    const kept = all.filter((e) => e.id !== 'audit-new').map((e) => (e.id === 'zh-invoice' ? { ...e, answer: '发票在订单详情页申请(导入修改)。' } : e));
    const res = await call('/api/admin/faqs/import?format=json&mode=replace', 'POST', kept, { 'x-admin-name': 'Ops' });
    expect(res.status).to.equal(200);
    const log = ((await (await call('/api/admin/audit?entity=faq&limit=5')).json()) as { items: AuditItem[] }).items;
    const summary = log.find((e) => e.action === 'import')!;
    expect(summary).to.deep.include({ actor: 'Ops', entityId: 'import' });
    expect(summary.after!.mode).to.equal('replace');
    expect((await history('zh-invoice'))[0]).to.deep.include({ action: 'update', actor: 'Ops' });
    expect((await history('audit-new'))[0]).to.deep.include({ action: 'delete', actor: 'Ops' });
    // Entries the import left as they were are not in the log.
    expect((await history('zh-shipping-time')).length).to.equal(0);
  });

  it('logs banned-phrase edits too, and cleans the actor name', async () => {
    const put = await call('/api/admin/banned-phrases/audit-bp', 'PUT', { locale: 'zh-CN', category: 'rudeness', phrase: '爱买不买', suggestion: '您可以再考虑一下,有问题随时问我。' }, { 'x-admin-name': encodeURIComponent('Eve\u0007 ') });
    expect(put.status).to.equal(201);
    const items = ((await (await call('/api/admin/audit?entity=bannedPhrase')).json()) as { items: AuditItem[] }).items;
    expect(items[0]).to.deep.include({ entityId: 'audit-bp', action: 'create', actor: 'Eve' });
    expect((await fetch(`${test.base}/api/admin/audit`)).status).to.equal(401);
    expect((await call('/api/admin/audit?entity=orders')).status).to.equal(400);
  });
});
