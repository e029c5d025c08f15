import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromiumOrSkip } from '../../helpers/browser.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;
const NAME = '店长小李';
const FAQ_ID = 'zh-refund-time';
const QUESTION = '退款多久到账';
/** Markup on purpose: the audit tab must show it as text. */
const NEW_ANSWER = '退款<b>加急</b>处理：审核通过后 2 小时内原路退回。';

interface Faq { id: string; answer: string; alternates: string[] }
interface AuditItem { id: string; actor: string; action: string }

describe('admin console audit log in a real browser', function () {
  this.timeout(120_000);
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  let original: Faq;

  const call = async <T>(path: string, method = 'GET', body?: unknown, name?: string): Promise<T> => {
    const res = await fetch(`${test.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...(name ? { 'x-admin-name': encodeURIComponent(name) } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const botAnswer = async (text: string): Promise<string | null> => (await call<{ answerText: string | null }>('/api/admin/match', 'POST', { text })).answerText;

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    test = await startTestApp({ LOG_LEVEL: 'silent' });
    // An earlier change by someone else, so the entry's history has more than one line (the stored times are not part of an entry).
    const seeded = await call<Faq>(`/api/admin/faqs/${FAQ_ID}`);
    original = await call<Faq>(`/api/admin/faqs/${FAQ_ID}`, 'PUT', { ...seeded, alternates: [...seeded.alternates, '钱什么时候退回来'], createdAt: undefined, updatedAt: undefined }, 'Amy');
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  after(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('asks for the admin\'s name at sign-in and shows who is signed in', async () => {
    await page.goto(`${test.base}/admin`);
    await page.fill('#login-token', ADMIN);
    await page.click('#login button[type=submit]');
    expect(await page.locator('#login-name').evaluate((input: HTMLInputElement) => input.validity.valueMissing), 'the name is required').to.equal(true);
    expect(await page.locator('#console').isVisible()).to.equal(false);

    await page.fill('#login-name', NAME);
    await page.click('#login button[type=submit]');
    await page.locator('#whoami', { hasText: NAME }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('admin-name'))).to.equal(NAME);
  });

  it('attributes an FAQ edit to that name, shows it before and after, and restores the earlier answer', async () => {
    await page.fill('#faq-q', '退款');
    await page.click('#faq-search button[type=submit]');
    const faqRow = page.locator(`#faq-rows tr[data-id="${FAQ_ID}"]`);
    await faqRow.waitFor({ timeout: 10_000 });
    await faqRow.locator('[data-edit]').click();
    await page.fill('#faq-form [name=answer]', NEW_ANSWER);
    await page.click('#faq-save');
    await page.locator('#toast', { hasText: FAQ_ID }).waitFor({ timeout: 10_000 });
    expect(await botAnswer(QUESTION)).to.equal(NEW_ANSWER);

    await faqRow.locator('[data-edit]').click();
    await page.click('#faq-history');
    const rows = page.locator('#audit-rows tr[data-id]');
    await page.waitForFunction(() => document.querySelectorAll('#audit-rows tr[data-id]').length === 2, undefined, { timeout: 10_000 });
    expect(await page.locator('#audit-entity').inputValue()).to.equal('faq');
    expect(await page.locator('#audit-entity-id').inputValue()).to.equal(FAQ_ID);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entity-id')))).to.deep.equal([FAQ_ID, FAQ_ID]);
    expect(await rows.locator('td.actor').allTextContents(), 'newest first, each with who made it').to.deep.equal([NAME, 'Amy']);

    const change = rows.first();
    await change.click();
    const detail = page.locator('#audit-rows tr.audit-detail');
    await detail.waitFor({ timeout: 5_000 });
    const answer = detail.locator('tr[data-field=answer]');
    expect(await answer.getAttribute('class'), 'the changed field is highlighted').to.equal('changed');
    expect(await answer.locator('td.before').textContent()).to.equal(original.answer);
    expect(await answer.locator('td.after').textContent(), 'markup is shown as text').to.equal(NEW_ANSWER);
    expect(await detail.locator('td b').count(), 'never parsed as HTML').to.equal(0);
    expect(await detail.locator('tr[data-field=question]').getAttribute('class'), 'an unchanged field is not').to.equal(null);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'admin-audit.png') });

    const restore = detail.locator('[data-restore]');
    await restore.click();
    expect(await botAnswer(QUESTION), 'one click only arms the button').to.equal(NEW_ANSWER);
    await restore.click();
    await page.locator('#toast', { hasText: `Restored ${FAQ_ID}` }).waitFor({ timeout: 10_000 });
    await page.locator('#audit-rows tr[data-id]').first().and(page.locator('[data-action=restore]')).waitFor({ timeout: 10_000 });
    expect(await rows.first().locator('td.actor').textContent()).to.equal(NAME);

    expect((await call<Faq>(`/api/admin/faqs/${FAQ_ID}`)).answer).to.equal(original.answer);
    expect(await botAnswer(QUESTION)).to.equal(original.answer);
    const [latest] = (await call<{ items: AuditItem[] }>(`/api/admin/audit?entity=faq&entityId=${FAQ_ID}`)).items;
    expect(latest).to.deep.include({ actor: NAME, action: 'restore' });
  });
});
