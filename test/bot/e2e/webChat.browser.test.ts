import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { seedFaqs } from '../../../knowledge/seedFaqs.js';
import { launchChromiumOrSkip } from '../../helpers/browser.js';
import { BotProcess } from '../../helpers/botProcess.js';

const answers = new Map(seedFaqs().map((e) => [e.id, e.answer]));
/** The start of an answer, enough to recognise it on the page. */
const opening = (id: string): string => answers.get(id)!.slice(0, 18);

/** A visible message bubble with this text (Web Chat also keeps hidden copies for screen readers). */
const bubble = (page: Page, text: string) => page.locator('.webchat__bubble__content').getByText(text).first();

async function ask(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

describe('customer chat page in a real browser (Web Chat over our Direct Line)', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let browser: Browser;
  let dataDir: string;

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    dataDir = mkdtempSync(join(tmpdir(), 'faqbot-browser-'));
    bot = new BotProcess({ DATA_DIR: dataDir });
    await bot.start();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('greets, answers "退款多久到账" and then an English question, without "Send failed"', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${bot.baseUrl}/?lang=zh-CN`);
    await bubble(page, '您好,欢迎光临').waitFor({ timeout: 30_000 });

    await ask(page, '退款多久到账');
    await bubble(page, opening('zh-refund-time')).waitFor({ timeout: 20_000 });
    await ask(page, 'how do I track my package');
    await bubble(page, opening('en-tracking')).waitFor({ timeout: 20_000 });

    await page.waitForTimeout(1000);
    expect(await page.getByText(/Send failed|发送失败/u).count(), 'no message marked as failed').to.equal(0);
    expect(errors, 'no script errors on the page').to.deep.equal([]);
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'chat-page.png') });
    await page.close();
  });

  it('serves the Web Chat bundle from this server, not a CDN', async () => {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    page.on('request', (r) => {
      const url = new URL(r.url());
      // data: and blob: URLs are made in the page; only network requests count.
      if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.host);
    });
    await page.goto(`${bot.baseUrl}/?lang=en-US`);
    await bubble(page, 'Hello and welcome').waitFor({ timeout: 30_000 });
    expect([...hosts]).to.deep.equal([new URL(bot.baseUrl).host]);
    await page.close();
  });
});
