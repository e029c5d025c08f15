import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { BotProcess } from '../../helpers/botProcess.js';
import { launchChromiumOrSkip } from '../../helpers/browser.js';

const AGENT = 'console-agent-token-0001';
const SECRET = 'console-dl-secret-00001';

describe('agent console in a real browser', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let browser: Browser;
  let dataDir: string;

  const dl = (path: string, auth: string, body?: unknown) =>
    fetch(`${bot.baseUrl}/v3/directline${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    dataDir = mkdtempSync(join(tmpdir(), 'faqbot-console-'));
    bot = new BotProcess({ DATA_DIR: dataDir, AGENT_TOKEN: AGENT, DIRECT_LINE_SECRET: SECRET, AGENT_HOURS: '00:00-24:00' });
    await bot.start();
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens as a Teams tab outside Teams without hanging: the SDK times out and the login shows', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.baseUrl}/agent?inTeams=1`);
    await page.locator('#login').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.evaluate(() => typeof (window as unknown as { microsoftTeams?: unknown }).microsoftTeams)).to.equal('object');
    await page.close();
  });

  it('accepts a queued conversation, suggests replies, warns on a banned phrase, and delivers a good reply', async () => {
    // A customer on the web chat asks for a person about a late refund.
    const { token, conversationId } = (await (await dl('/tokens/generate', SECRET, { user: { id: 'web-customer', name: 'Ms Li' } })).json()) as { token: string; conversationId: string };
    await dl('/conversations', token, {});
    await dl(`/conversations/${conversationId}/activities`, token, { type: 'message', text: '退款一直没到账,我要找人工客服' });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${bot.baseUrl}/agent`);
    await page.fill('#login-token', AGENT);
    await page.fill('#login-name', 'Amy');
    await page.click('#login button[type=submit]');
    await page.locator(`[data-accept="${conversationId}"]`).click({ timeout: 15_000 });
    await page.locator('#transcript li.customer', { hasText: '退款一直没到账' }).waitFor({ timeout: 10_000 });

    const suggestion = page.locator('#suggestions button.suggestion').first();
    await suggestion.waitFor({ timeout: 10_000 });
    expect((await suggestion.textContent())?.trim().length, 'a suggested reply is one click away').to.be.greaterThan(5);

    await page.fill('#reply-text', '这个没办法,您自己看着办吧');
    await page.locator('#warning', { hasText: '没办法' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('#highlight mark').count(), 'the phrases are highlighted as typed').to.be.greaterThan(0);
    await page.click('#send');
    await page.locator('#warning', { hasText: 'Not sent' }).waitFor({ timeout: 10_000 });

    await page.fill('#reply-text', '非常抱歉让您久等了,我马上为您查询退款进度。');
    // No warning for a good reply: the live check clears it.
    await page.locator('#warning').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.click('#send');
    await page.locator('#transcript li.agent', { hasText: '我马上为您查询退款进度' }).waitFor({ timeout: 10_000 });
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'agent-console.png') });

    const seen = (await (await dl(`/conversations/${conversationId}/activities`, token)).json()) as { activities: Array<{ text?: string }> };
    expect(seen.activities.map((a) => a.text)).to.include('非常抱歉让您久等了,我马上为您查询退款进度。');
    expect(seen.activities.map((a) => a.text)).to.not.include('这个没办法,您自己看着办吧');
    await page.close();
  });
});
