import { expect } from 'chai';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

describe('admin FAQ API over HTTP', function () {
  this.timeout(60_000);
  let test: TestApp;
  let base: string;

  const call = async (method: string, path: string, body?: unknown, token: string | null = ADMIN, raw = false) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !raw) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body) });
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('json') ?? false;
    return { status: res.status, headers: res.headers, text, json: text && isJson ? (JSON.parse(text) as unknown) : undefined };
  };
  const errorOf = (r: { json: unknown }) => (r.json as ErrorBody).error;

  before(async () => {
    test = await startTestApp({ LOG_LEVEL: 'silent' });
    base = test.base;
  });
  after(() => test.stop());

  describe('authentication', () => {
    for (const [name, token] of [['no token', null], ['a wrong token', 'wrong-token-wrong-token']] as const) {
      it(`refuses ${name} with 401 and a JSON error`, async () => {
        const r = await call('GET', '/api/admin/faqs', undefined, token);
        expect(r.status).to.equal(401);
        expect(errorOf(r).code).to.equal('unauthorized');
      });
    }
  });

  describe('CRUD', () => {
    it('lists the seeded entries with filters and paging', async () => {
      const all = await call('GET', '/api/admin/faqs?limit=5');
      expect(all.status).to.equal(200);
      const page = all.json as { items: Array<{ id: string }>; total: number };
      expect(page.total).to.be.at.least(90);
      expect(page.items).to.have.length(5);
      const en = (await call('GET', '/api/admin/faqs?locale=en-US&q=refund&limit=100')).json as { items: Array<{ id: string; locale: string }> };
      expect(en.items.length).to.be.greaterThan(0);
      expect(en.items.every((e) => e.locale === 'en-US')).to.equal(true);
      expect(en.items.map((e) => e.id)).to.include('en-refund-time');
      expect((await call('GET', '/api/admin/faqs?limit=0')).status).to.equal(400);
    });

    it('creates with a generated id, reads, updates, deletes', async () => {
      const created = await call('POST', '/api/admin/faqs', { locale: 'zh-CN', question: '你们有实体店吗', alternates: ['线下门店在哪'], answer: '我们目前只在线上销售。' });
      expect(created.status).to.equal(201);
      const id = (created.json as { id: string }).id;
      expect(id).to.match(/^faq-/u);
      expect((await call('GET', `/api/admin/faqs/${id}`)).json).to.include({ question: '你们有实体店吗' });
      const updated = await call('PUT', `/api/admin/faqs/${id}`, { locale: 'zh-CN', question: '你们有实体店吗', alternates: [], answer: '暂时没有实体店。' });
      expect(updated.status).to.equal(200);
      expect(updated.json).to.include({ answer: '暂时没有实体店。' });
      expect((await call('DELETE', `/api/admin/faqs/${id}`)).status).to.equal(204);
      expect((await call('GET', `/api/admin/faqs/${id}`)).status).to.equal(404);
      expect((await call('DELETE', `/api/admin/faqs/${id}`)).status).to.equal(404);
    });

    it('answers 409 for a taken id and 404 when updating a missing one', async () => {
      const taken = await call('POST', '/api/admin/faqs', { id: 'zh-invoice', locale: 'zh-CN', question: 'x', answer: 'y' });
      expect(taken.status).to.equal(409);
      const missing = await call('PUT', '/api/admin/faqs/nope', { locale: 'zh-CN', question: 'x', answer: 'y' });
      expect(missing.status).to.equal(404);
      expect(errorOf(missing).code).to.equal('not_found');
    });

    const invalid = [
      { name: 'an empty answer', body: { locale: 'zh-CN', question: '问题', answer: '  ' }, field: 'answer' },
      { name: 'an unknown locale', body: { locale: 'fr-FR', question: 'q', answer: 'a' }, field: 'locale' },
      { name: 'a missing question', body: { locale: 'en-US', answer: 'a' }, field: 'question' },
      { name: 'a non-string alternate', body: { locale: 'en-US', question: 'q', answer: 'a', alternates: ['ok', 3] }, field: 'alternates.1' },
    ];
    for (const c of invalid) {
      it(`refuses ${c.name} with 400 naming the field "${c.field}"`, async () => {
        const r = await call('POST', '/api/admin/faqs', c.body);
        expect(r.status).to.equal(400);
        expect(errorOf(r).code).to.equal('validation_failed');
        expect(errorOf(r).message).to.match(new RegExp(`^${c.field.replace('.', '\\.')}:`, 'u'));
      });
    }

    it('refuses malformed JSON with 400', async () => {
      const r = await call('POST', '/api/admin/faqs', '{"locale":', ADMIN, true);
      expect(r.status).to.equal(400);
      expect(errorOf(r).code).to.equal('invalid_json');
    });
  });

  describe('import and export', () => {
    it('imports CSV atomically: one bad row fails the whole file, naming row and field', async () => {
      const before = (await call('GET', '/api/admin/faqs?limit=1')).json as { total: number };
      const csv = 'id,locale,question,alternates,answer,category\r\nimp-1,zh-CN,能开专票吗,专票|增值税发票,可以的。,invoice\r\nimp-2,zh-CN,坏行,,,invoice\r\n';
      const r = await call('POST', '/api/admin/faqs/import?format=csv', csv, ADMIN, true);
      expect(r.status).to.equal(400);
      expect(errorOf(r).message).to.contain('Row 3, answer');
      expect((await call('GET', '/api/admin/faqs/imp-1')).status, 'the good row was not written').to.equal(404);
      expect(((await call('GET', '/api/admin/faqs?limit=1')).json as { total: number }).total).to.equal(before.total);
    });

    it('imports QnA Maker TSV, merging rows that share a QnaId, and the bot answers from it', async () => {
      const tsv = 'Question\tAnswer\tSource\tMetadata\tQnaId\nDo you have a physical store?\tWe sell online only.\tEditorial\tcategory:store\t41\nWhere is your shop located?\tWe sell online only.\tEditorial\tcategory:store\t41\n';
      const r = await call('POST', '/api/admin/faqs/import?format=qna-tsv', tsv, ADMIN, true);
      expect(r.status).to.equal(200);
      expect(r.json).to.deep.equal({ imported: 1, created: 1, updated: 0, deleted: 0 });
      const entry = (await call('GET', '/api/admin/faqs/qna-41')).json as { alternates: string[]; locale: string; category: string };
      expect(entry).to.include({ locale: 'en-US', category: 'store' });
      expect(entry.alternates).to.deep.equal(['Where is your shop located?']);
      const match = await call('POST', '/api/admin/match', { text: 'do you have a physical store' });
      expect(match.json).to.include({ answered: true });
      expect((match.json as { best: { id: string } }).best.id).to.equal('qna-41');
    });

    it('exports every format so that it imports back unchanged', async () => {
      for (const format of ['json', 'csv', 'qna-tsv']) {
        const exported = await call('GET', `/api/admin/faqs/export?format=${format}`);
        expect(exported.status).to.equal(200);
        expect(exported.headers.get('content-disposition')).to.contain('attachment');
        const reimport = await call('POST', `/api/admin/faqs/import?format=${format}&mode=merge`, exported.text, ADMIN, true);
        expect(reimport.status, format).to.equal(200);
        expect((reimport.json as { created: number }).created, `${format} round trip creates nothing new`).to.equal(0);
      }
    });

    it('imports 10,000 entries in one request and serves them at once', async () => {
      const entries = Array.from({ length: 10_000 }, (_, i) => ({
        id: `bulk-${i}`,
        locale: i % 2 ? 'en-US' : 'zh-CN',
        question: i % 2 ? `What is the warranty on model X${i}?` : `型号 X${i} 的保修期多久`,
        alternates: [],
        answer: `Model X${i}: one year.`,
      }));
      const r = await call('POST', '/api/admin/faqs/import?format=json&mode=merge', entries);
      expect(r.status).to.equal(200);
      expect((r.json as { created: number }).created).to.equal(10_000);
      expect(((await call('GET', '/api/admin/faqs?limit=1')).json as { total: number }).total).to.be.at.least(10_000);
    });

    it('replace mode removes entries the import lacks', async () => {
      const r = await call('POST', '/api/admin/faqs/import?format=json&mode=replace', [{ id: 'only-1', locale: 'en-US', question: 'Only one?', answer: 'Yes.' }]);
      expect(r.json).to.include({ imported: 1, created: 1 });
      expect((r.json as { deleted: number }).deleted).to.be.greaterThan(10_000);
      expect(((await call('GET', '/api/admin/faqs?limit=1')).json as { total: number }).total).to.equal(1);
    });
  });

  describe('match', () => {
    it('refuses an empty text naming the field', async () => {
      const r = await call('POST', '/api/admin/match', { text: '' });
      expect(r.status).to.equal(400);
      expect(errorOf(r).message).to.match(/^text:/u);
    });
  });
});
