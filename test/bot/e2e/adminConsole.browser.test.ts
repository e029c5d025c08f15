import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromiumOrSkip } from '../../helpers/browser.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;
const NEW_ANSWER = '退款审核通过后立即原路退回：支付宝、微信当天到账，银行卡 1-3 个工作日。';

describe('admin console in a real browser', function () {
  this.timeout(120_000);
  let test: TestApp;
  let browser: Browser;
  let page: Page;

  const admin = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${test.base}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    return { status: res.status, body: (await res.json()) as T };
  };

  /** Asks the bot as a customer on Direct Line would, and returns its reply. */
  const askBot = async (text: string): Promise<string> => {
    const dl = async <T>(path: string, auth: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${test.base}/v3/directline${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as T;
    };
    const user = `customer-${Math.random().toString(36).slice(2)}`;
    const { token, conversationId } = await dl<{ token: string; conversationId: string }>('/tokens/generate', TEST_SECRETS.directLineSecret, { user: { id: user } });
    await dl('/conversations', token, {});
    const { id } = await dl<{ id: string }>(`/conversations/${conversationId}/activities`, token, { type: 'message', text, from: { id: user }, locale: 'zh-CN' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { activities } = await dl<{ activities: Array<{ type: string; text?: string; replyToId?: string }> }>(`/conversations/${conversationId}/activities`, token);
      const reply = activities.find((a) => a.type === 'message' && a.replyToId === id);
      if (reply) return reply.text ?? '';
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`askBot: no reply to "${text}" in 10 s`);
  };

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    test = await startTestApp({ LOG_LEVEL: 'silent' });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  after(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('refuses a wrong token and signs in with the admin token', async () => {
    await page.goto(`${test.base}/admin`);
    await page.fill('#login-name', 'Tester');
    await page.fill('#login-token', 'not-the-admin-token');
    await page.click('#login button[type=submit]');
    await page.locator('#login-error', { hasText: '令牌无效' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#console').isVisible()).to.equal(false);

    await page.fill('#login-token', ADMIN);
    await page.click('#login button[type=submit]');
    await page.locator('#faq-rows tr').first().waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('admin-token'))).to.equal(ADMIN);
    await page.reload();
    await page.locator('#faq-rows tr').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#login').isVisible(), 'the session survives a reload').to.equal(false);
  });

  it('finds an FAQ, shows the validation message next to the field, saves a new answer the bot then uses', async () => {
    await page.fill('#faq-q', '退款');
    await page.click('#faq-search button[type=submit]');
    const row = page.locator('#faq-rows tr[data-id="zh-refund-time"]');
    await row.waitFor({ timeout: 10_000 });
    await row.locator('[data-edit]').click();

    await page.fill('#faq-form [name=question]', '   ');
    await page.fill('#faq-form [name=answer]', NEW_ANSWER);
    await page.click('#faq-save');
    await page.locator('[data-error-for=question]', { hasText: 'must not be empty' }).waitFor({ timeout: 10_000 });
    expect(await page.getAttribute('#faq-form [name=question]', 'aria-invalid')).to.equal('true');
    expect((await admin<{ answer: string }>('/api/admin/faqs/zh-refund-time')).body.answer, 'nothing saved yet').to.not.equal(NEW_ANSWER);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'admin-console.png') });

    await page.fill('#faq-form [name=question]', '退款多久能到账？');
    await page.click('#faq-save');
    await page.locator('#toast', { hasText: 'zh-refund-time' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#faq-form').isVisible()).to.equal(false);

    await page.click('[data-tab=try]');
    await page.fill('#try-text', '退款多久到账');
    await page.click('#try-form button[type=submit]');
    await page.locator('#try-answer', { hasText: NEW_ANSWER }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#try-verdict').textContent()).to.contain('would answer');
    expect(await page.locator('#try-candidates tr').first().getAttribute('data-reason')).to.equal('answered');

    expect(await askBot('退款多久到账')).to.contain(NEW_ANSWER);
  });

  it('explains why a vague question is not answered outright', async () => {
    await page.fill('#try-text', '发票');
    await page.click('#try-form button[type=submit]');
    await page.locator('#try-verdict', { hasText: 'Did you mean' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#try-candidates tr').first().textContent()).to.contain('Too close to the runner-up');
  });

  it('turns an unanswered question into an alternate of the suggested FAQ; the inbox shrinks and the bot answers it', async () => {
    const question = '可以用外币结算吗';
    expect(await askBot(question)).to.contain('抱歉');
    await askBot(question);
    expect(await askBot('帮我写一首关于月亮的诗')).to.contain('抱歉');

    await page.click('[data-tab=inbox]');
    const group = page.locator('#inbox-list li', { hasText: question });
    await group.waitFor({ timeout: 10_000 });
    expect(await group.locator('.times').textContent()).to.equal('×2');
    expect(await group.locator('select').inputValue(), 'the matcher suggests the payment FAQ').to.equal('zh-payment-methods');
    const before = await page.locator('#inbox-list li').count();
    expect(await page.locator('#inbox-count').textContent()).to.equal(String(before));

    await group.locator('[data-action=addAlternate]').click();
    await group.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('#inbox-list li').count()).to.equal(before - 1);
    expect(await page.locator('#inbox-count').textContent()).to.equal(String(before - 1));
    expect((await admin<{ alternates: string[] }>('/api/admin/faqs/zh-payment-methods')).body.alternates).to.include(question);

    const payment = (await admin<{ answer: string }>('/api/admin/faqs/zh-payment-methods')).body.answer;
    expect(await askBot(question)).to.contain(payment);
  });

  it('previews an import from a picked file, writing nothing until it is applied', async () => {
    await page.click('[data-tab=import]');
    const csv = 'id,locale,question,alternates,answer,category\n' +
      'zh-gift-card,zh-CN,有礼品卡吗,购物卡|储值卡,暂时没有礼品卡。,product\n' +
      'zh-invoice,zh-CN,怎么开发票？,,确认收货后在订单详情里申请电子发票。,invoice\n';
    await page.setInputFiles('#import-file', { name: 'faqs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => (document.getElementById('import-text') as HTMLTextAreaElement).value.includes('zh-gift-card'), undefined, { timeout: 10_000 });
    expect(await page.locator('#import-format').inputValue(), 'the format follows the file name').to.equal('csv');
    expect(await page.locator('#import-apply').isDisabled(), 'no apply before a preview').to.equal(true);
    await page.click('#import-preview');

    await page.locator('#import-changes tr[data-action=create]', { hasText: 'zh-gift-card' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#import-changes tr[data-action=update]', { hasText: 'zh-invoice' }).textContent()).to.contain('alternates');
    expect(await page.locator('#import-summary').textContent()).to.contain('nothing written');
    expect((await admin('/api/admin/faqs/zh-gift-card')).status, 'the preview wrote nothing').to.equal(404);

    await page.click('#import-apply');
    await page.locator('#import-summary', { hasText: 'Imported 2' }).waitFor({ timeout: 10_000 });
    expect((await admin('/api/admin/faqs/zh-gift-card')).status).to.equal(200);
  });
});
