import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { ReplyScript } from '../../../scripts/replyScripts.js';
import { launchChromiumOrSkip, openAdminConsole } from '../../helpers/browser.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';

const ADMIN = TEST_SECRETS.adminToken;

describe('admin console scripts tab in a real browser', function () {
  this.timeout(120_000);
  let test: TestApp;
  let browser: Browser;
  let page: Page;

  const admin = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${test.base}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    return { status: res.status, body: (await res.json()) as T };
  };

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    test = await startTestApp({ LOG_LEVEL: 'silent' });
    page = await openAdminConsole(browser, test.base, 'scripts', ADMIN);
  });

  after(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('lists and filters the library', async () => {
    await page.locator('#script-rows tr[data-id="greeting.zh-CN.1"]').waitFor({ timeout: 10_000 });
    await page.selectOption('#script-locale', 'en-US');
    await page.selectOption('#script-scenario', 'refund');
    await page.locator('#script-rows tr[data-id="greeting.zh-CN.1"]').waitFor({ state: 'detached', timeout: 10_000 });
    const expected = (await admin<{ items: ReplyScript[] }>('/api/admin/scripts?locale=en-US&scenario=refund')).body.items.map((s) => s.id);
    expect(expected.length).to.be.greaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('#script-rows tr').length === n, expected.length, { timeout: 10_000 });
    expect(await page.locator('#script-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).to.deep.equal(expected);
  });

  it('previews as you type, shows the validation message under the text, then saves', async () => {
    await page.selectOption('#script-locale', 'zh-CN');
    const row = page.locator('#script-rows tr[data-id="refund.zh-CN.1"]');
    await row.waitFor({ timeout: 10_000 });
    await row.locator('[data-edit]').click();

    await page.fill('#script-form [name=text]', '{nickname}您好<b>');
    await page.locator('#script-preview-warning', { hasText: '{nickname}' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('#script-preview').textContent(), 'text is shown as text, never as markup').to.equal('{nickname}您好<b>');
    await page.click('#script-form button[type=submit]');
    await page.locator('[data-error-for=text]', { hasText: 'placeholders must be one of' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#script-form [name=text]').getAttribute('aria-invalid')).to.equal('true');

    const text = '{customerName}您好，您的退款已加急，预计{eta}原路退回。';
    await page.fill('#script-form [name=text]', text);
    await page.locator('#script-preview', { hasText: '王女士您好，您的退款已加急，预计24小时内原路退回。' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('#script-preview-warning').isVisible()).to.equal(false);
    await page.click('#script-form button[type=submit]');
    await page.locator('#toast', { hasText: 'refund.zh-CN.1' }).waitFor({ timeout: 10_000 });
    await page.locator('#script-rows tr[data-id="refund.zh-CN.1"]', { hasText: '您的退款已加急' }).waitFor({ timeout: 10_000 });
    expect((await admin<ReplyScript>('/api/admin/scripts/refund.zh-CN.1')).body.text).to.equal(text);
  });

  it('creates a script with an inserted variable and deletes it', async () => {
    await page.click('#script-new');
    await page.selectOption('#script-form [name=scenario]', 'refund');
    await page.fill('#script-form [name=text]', '您好，');
    await page.click('#script-vars button:has-text("{customerName}")');
    await page.locator('#script-preview', { hasText: '您好，王女士' }).waitFor({ timeout: 5_000 });
    await page.click('#script-form button[type=submit]');
    const toast = page.locator('#toast', { hasText: 'Created script-' });
    await toast.waitFor({ timeout: 10_000 });
    const id = /script-[0-9a-f-]{12}/u.exec((await toast.textContent()) ?? '')![0];
    expect((await admin<ReplyScript>(`/api/admin/scripts/${id}`)).body).to.deep.include({ text: '您好，{customerName}', scenario: 'refund', stage: 'answer' });

    const row = page.locator(`#script-rows tr[data-id="${id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.locator('button.danger').click();
    await row.locator('button.danger').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await admin(`/api/admin/scripts/${id}`)).status).to.equal(404);
  });
});
