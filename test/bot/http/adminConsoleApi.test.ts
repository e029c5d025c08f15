import { expect } from 'chai';
import { DEFAULT_LOCALE_THRESHOLDS, DEFAULT_THRESHOLDS } from '../../../knowledge/faqMatcher.js';
import { SqlUnansweredLog } from '../../../bot/storage/sqlUnansweredLog.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Entry {
  id: string;
  locale: string;
  question: string;
  alternates: string[];
  answer: string;
}
interface InboxItem {
  text: string;
  normalized: string;
  locale: string;
  count: number;
  suggestions: Array<{ id: string; question: string; score: number }>;
}

/** What the admin console adds to the admin API: import preview, match reasons, the inbox's resolve, the customer list. */
describe('admin console API over HTTP', function () {
  this.timeout(60_000);
  let test: TestApp;
  let log: SqlUnansweredLog;

  const call = async (method: string, path: string, body?: unknown, { token, raw = false }: { token?: string | null; raw?: boolean } = {}) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token ?? ADMIN}`;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    const res = await fetch(`${test.base}${path}`, { method, headers, body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body) });
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('json') ?? false;
    return { status: res.status, headers: res.headers, text, json: (text && isJson ? JSON.parse(text) : undefined) as unknown };
  };
  const errorOf = (r: { json: unknown }) => (r.json as ErrorBody).error;
  const fields = (r: { json: unknown }) => (errorOf(r).details as Array<{ field: string }>).map((d) => d.field);
  const total = async () => ((await call('GET', '/api/admin/faqs?limit=1')).json as { total: number }).total;
  const inbox = async () => ((await call('GET', '/api/admin/unanswered')).json as { items: InboxItem[] }).items;
  const ask = (text: string, conversationId = `c-${Math.random()}`) => log.record({ text, locale: 'zh-CN', conversationId, reason: 'noMatch' });

  before(async () => {
    test = await startTestApp({ LOG_LEVEL: 'silent' });
    log = new SqlUnansweredLog(test.app.db);
  });
  after(() => test.stop());

  describe('authentication', () => {
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/admin/faqs/import?format=json&dryRun=true', []],
      ['POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: 'x', action: 'dismiss' }],
      ['GET', '/api/admin/customers'],
    ];
    for (const [method, path, body] of routes) {
      it(`refuses ${method} ${path.split('?')[0]} without a token (401)`, async () => {
        const r = await call(method, path, body, { token: null });
        expect(r.status).to.equal(401);
        expect(errorOf(r).code).to.equal('unauthorized');
      });
    }
  });

  describe('import preview (dryRun=true)', () => {
    const file = [
      { id: 'zh-invoice', locale: 'zh-CN', question: '怎么开发票？', alternates: ['要发票'], answer: '下单后在订单详情里申请电子发票。' },
      { id: 'preview-new', locale: 'en-US', question: 'Do you sell gift cards?', answer: 'Not yet.' },
    ];

    it('reports creates, updates and (in replace mode) deletes, and writes nothing', async () => {
      const before = await total();
      const invoiceBefore = (await call('GET', '/api/admin/faqs/zh-invoice')).json as Entry;
      const r = await call('POST', '/api/admin/faqs/import?format=json&mode=replace&dryRun=true', file);
      expect(r.status).to.equal(200);
      const preview = r.json as { imported: number; created: number; updated: number; deleted: number; dryRun: boolean; changes: Array<{ id: string; action: string; question: string; fields?: string[] }>; changesTotal: number };
      expect(preview).to.include({ imported: 2, created: 1, updated: 1, deleted: before - 1, dryRun: true });
      expect(preview.changes[0]).to.deep.equal({ id: 'zh-invoice', action: 'update', question: '怎么开发票？', fields: ['alternates', 'answer', 'category', 'tags'] });
      expect(preview.changes[1]).to.deep.equal({ id: 'preview-new', action: 'create', question: 'Do you sell gift cards?' });
      expect(preview.changes.filter((c) => c.action === 'delete').map((c) => c.id)).to.include('zh-refund-time');
      expect(preview.changesTotal).to.equal(2 + before - 1);
      expect(preview.changes).to.have.length(preview.changesTotal);

      expect(await total(), 'nothing deleted').to.equal(before);
      expect((await call('GET', '/api/admin/faqs/preview-new')).status, 'nothing created').to.equal(404);
      expect((await call('GET', '/api/admin/faqs/zh-invoice')).json, 'nothing updated').to.deep.equal(invoiceBefore);
    });

    it('caps the list of changes but not the counts', async () => {
      const many = Array.from({ length: 250 }, (_, i) => ({ id: `many-${i}`, locale: 'en-US', question: `Question ${i}?`, answer: 'Answer.' }));
      const preview = (await call('POST', '/api/admin/faqs/import?format=json&dryRun=1', many)).json as { created: number; changes: unknown[]; changesTotal: number };
      expect(preview.created).to.equal(250);
      expect(preview.changesTotal).to.equal(250);
      expect(preview.changes).to.have.length(200);
      expect((await call('GET', '/api/admin/faqs/many-0')).status).to.equal(404);
    });

    it('counts an identical entry as unchanged, not as a change', async () => {
      const exported = await call('GET', '/api/admin/faqs/export?format=csv');
      const r = await call('POST', '/api/admin/faqs/import?format=csv&mode=merge&dryRun=true', exported.text, { raw: true });
      const preview = r.json as { updated: number; unchanged: number; changes: unknown[] };
      expect(preview.updated).to.equal(await total());
      expect(preview.unchanged).to.equal(preview.updated);
      expect(preview.changes).to.deep.equal([]);
    });

    it('refuses a bad row as the real import does, and a bad dryRun value naming the field', async () => {
      const bad = await call('POST', '/api/admin/faqs/import?format=json&dryRun=true', [{ locale: 'zh-CN', question: '问', answer: '' }]);
      expect(bad.status).to.equal(400);
      expect(errorOf(bad).message).to.contain('Row 1, answer');
      const flag = await call('POST', '/api/admin/faqs/import?format=json&dryRun=perhaps', file);
      expect(flag.status).to.equal(400);
      expect(fields(flag)).to.deep.equal(['dryRun']);
    });

    it('leaves the real import response exactly as it was', async () => {
      const r = await call('POST', '/api/admin/faqs/import?format=json&mode=merge&dryRun=false', [file[1]]);
      expect(r.json).to.deep.equal({ imported: 1, created: 1, updated: 0, deleted: 0 });
      expect((await call('GET', '/api/admin/faqs/preview-new')).status).to.equal(200);
    });
  });

  describe('match explains its decision', () => {
    const match = async (text: string) =>
      (await call('POST', '/api/admin/match', { text })).json as {
        answered: boolean;
        best: { id: string; score: number } | null;
        candidates: Array<{ id: string; score: number; question: string; reason: string; offered: boolean; matchedText: string }>;
        decision: string;
        thresholds: { answer: number; suggest: number; margin: number };
        answerText: string | null;
      };

    it('keeps best and candidates as they were, with the answer and why', async () => {
      const r = await match('退款多久到账');
      expect(r.answered).to.equal(true);
      expect(Object.keys(r.best!)).to.deep.equal(['id', 'score']);
      expect(r.best!.id).to.equal('zh-refund-time');
      expect(r.candidates[0]).to.include({ id: 'zh-refund-time', score: r.best!.score, question: '退款多久能到账？', reason: 'answered', offered: true });
      expect(r.candidates.slice(1).every((c) => c.reason === 'outranked' && !c.offered)).to.equal(true);
      expect(r.answerText).to.contain('原路返回');
      // Exactly the matcher's own thresholds for Chinese, as the bot uses them.
      expect(r.thresholds).to.deep.equal({ ...DEFAULT_THRESHOLDS, ...DEFAULT_LOCALE_THRESHOLDS['zh-CN'] });
    });

    it('says when two candidates are too close to answer', async () => {
      const r = await match('发票');
      expect(r.decision).to.equal('ambiguous');
      expect(r.answerText).to.equal(null);
      expect(r.candidates[0]).to.include({ reason: 'tooClose', offered: true });
      expect(r.candidates[0]!.score - r.candidates[1]!.score).to.be.below(r.thresholds.margin);
    });

    it('says when nothing reaches the suggestion threshold', async () => {
      const r = await match('帮我写一首关于月亮的诗');
      expect(r.decision).to.equal('noMatch');
      expect(r.candidates.every((c) => c.reason === 'belowSuggestThreshold' && !c.offered)).to.equal(true);
    });
  });

  describe('unanswered inbox', () => {
    it('suggests the closest entry, adds the question as its alternate, and the group leaves the inbox', async () => {
      await ask('可以用外币结算吗');
      await ask('可以用外币结算吗？');
      const group = (await inbox()).find((g) => g.text.startsWith('可以用外币结算吗'))!;
      expect(group.count).to.equal(2);
      expect(group.suggestions[0]!.id).to.equal('zh-payment-methods');
      expect(((await call('POST', '/api/admin/match', { text: '可以用外币结算吗' })).json as { answered: boolean }).answered).to.equal(false);

      const r = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: group.normalized, action: 'addAlternate', faqId: 'zh-payment-methods' });
      expect(r.status).to.equal(200);
      const body = r.json as { resolved: number; faq: Entry };
      expect(body.resolved).to.equal(2);
      expect(body.faq.alternates).to.include(group.text);
      expect((await inbox()).map((g) => g.normalized)).to.not.include(group.normalized);
      const now = (await call('POST', '/api/admin/match', { text: '可以用外币结算吗' })).json as { answered: boolean; best: { id: string } };
      expect(now.answered, 'the bot answers it from the next message on').to.equal(true);
      expect(now.best.id).to.equal('zh-payment-methods');

      const again = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: group.normalized, action: 'dismiss' });
      expect(again.status, 'a handled group is gone').to.equal(404);
    });

    it('links a new entry or dismisses; the same question asked again opens the group anew', async () => {
      await ask('你们卖二手相机吗');
      await ask('能寄到南极吗');
      const groups = await inbox();
      const camera = groups.find((g) => g.text === '你们卖二手相机吗')!;
      const antarctica = groups.find((g) => g.text === '能寄到南极吗')!;
      const created = (await call('POST', '/api/admin/faqs', { locale: 'zh-CN', question: '你们卖二手相机吗', answer: '我们只卖全新商品。' })).json as Entry;
      const linked = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: camera.normalized, action: 'linkFaq', faqId: created.id });
      expect(linked.json).to.deep.include({ resolved: 1 });
      const dismissed = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: antarctica.normalized, action: 'dismiss' });
      expect(dismissed.json).to.deep.equal({ resolved: 1 });
      expect((await inbox()).map((g) => g.normalized)).to.not.include.members([camera.normalized, antarctica.normalized]);

      await ask('能寄到南极吗');
      expect((await inbox()).find((g) => g.normalized === antarctica.normalized)?.count).to.equal(1);
    });

    const invalid = [
      { name: 'no action', body: { locale: 'zh-CN', normalized: 'x' }, field: 'action' },
      { name: 'an unknown action', body: { locale: 'zh-CN', normalized: 'x', action: 'archive' }, field: 'action' },
      { name: 'an alternate without faqId', body: { locale: 'zh-CN', normalized: 'x', action: 'addAlternate' }, field: 'faqId' },
      { name: 'an unknown locale', body: { locale: 'fr-FR', normalized: 'x', action: 'dismiss' }, field: 'locale' },
      { name: 'an empty normalized text', body: { locale: 'zh-CN', normalized: '', action: 'dismiss' }, field: 'normalized' },
    ];
    for (const c of invalid) {
      it(`refuses ${c.name} with 400 naming "${c.field}"`, async () => {
        const r = await call('POST', '/api/admin/unanswered/resolve', c.body);
        expect(r.status).to.equal(400);
        expect(errorOf(r).code).to.equal('validation_failed');
        expect(fields(r)).to.include(c.field);
        expect(errorOf(r).message).to.match(new RegExp(`^${c.field}:`, 'u'));
      });
    }

    it('refuses an entry in another language (400 naming faqId) or a missing one (404), and keeps the group', async () => {
      await ask('能开收据吗');
      const group = (await inbox()).find((g) => g.text === '能开收据吗')!;
      const english = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: group.normalized, action: 'addAlternate', faqId: 'en-invoice' });
      expect(english.status).to.equal(400);
      expect(fields(english)).to.deep.equal(['faqId']);
      const missing = await call('POST', '/api/admin/unanswered/resolve', { locale: 'zh-CN', normalized: group.normalized, action: 'addAlternate', faqId: 'no-such-entry' });
      expect(missing.status).to.equal(404);
      expect((await inbox()).map((g) => g.normalized)).to.include(group.normalized);
      expect(((await call('GET', '/api/admin/faqs/en-invoice')).json as Entry).alternates).to.not.include('能开收据吗');
    });
  });

  describe('customer directory list', () => {
    before(async () => {
      const csv = 'id,name,tier,lifetimeValue\nc-001,王芳,gold,12000\nc-002,Li Lei,regular,300\nc-003,张伟,diamond,56000\n';
      const r = await call('POST', '/api/admin/customers/import', csv, { raw: true });
      expect(r.status).to.equal(200);
    });

    it('lists by id with filters and paging', async () => {
      const all = (await call('GET', '/api/admin/customers?limit=2')).json as { items: Array<{ id: string; tier: string; updatedAt: number }>; total: number };
      expect(all.total).to.equal(3);
      expect(all.items.map((c) => c.id)).to.deep.equal(['c-001', 'c-002']);
      expect(all.items[0]!.updatedAt).to.be.a('number');
      const gold = (await call('GET', '/api/admin/customers?tier=gold')).json as { items: Array<{ id: string; name: string; lifetimeValue: number }> };
      expect(gold.items).to.have.length(1);
      expect(gold.items[0]).to.include({ id: 'c-001', name: '王芳', lifetimeValue: 12000 });
      const byName = (await call('GET', '/api/admin/customers?q=li%20lei')).json as { items: Array<{ id: string }> };
      expect(byName.items.map((c) => c.id)).to.deep.equal(['c-002']);
    });

    it('refuses an unknown tier naming the field', async () => {
      const r = await call('GET', '/api/admin/customers?tier=platinum');
      expect(r.status).to.equal(400);
      expect(fields(r)).to.deep.equal(['tier']);
    });
  });

  describe('the console page', () => {
    it('serves /admin and its scripts', async () => {
      const page = await fetch(`${test.base}/admin`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.contain('常见问题 FAQ');
      for (const file of ['admin.js', 'adminShared.js', 'adminFaqs.js', 'adminImport.js', 'adminTry.js', 'adminInbox.js', 'adminCustomers.js', 'adminPhrases.js', 'admin.css']) {
        expect((await fetch(`${test.base}/static/${file}`)).status, file).to.equal(200);
      }
    });
  });
});
