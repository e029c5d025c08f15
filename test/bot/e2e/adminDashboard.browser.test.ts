import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromiumOrSkip, openAdminConsole } from '../../helpers/browser.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../../helpers/testApp.js';
import { TestChannel, userMessage } from '../../helpers/testChannel.js';

const ADMIN = TEST_SECRETS.adminToken;
const AGENT = TEST_SECRETS.agentToken;
/** A customer message that would run script if the page put it in as HTML. */
const MARKUP = '<img src=x onerror="document.title=\'injected\'">在吗';

/**
 * The dashboard and quality review tabs after real conversations through the running app: one
 * customer served by the bot alone, one served well by Amy, one by Bob, who forces a banned
 * phrase through. The numbers on screen must be the API's, the charts must carry them as text,
 * and the quality list must put Bob's conversation first with the evidence against it.
 */
describe('admin dashboard and quality review in a real browser', function () {
  this.timeout(120_000);
  const channel = new TestChannel();
  let test: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let serviceUrl: string;

  const call = async (path: string, method = 'GET', body?: unknown): Promise<number> => {
    const res = await fetch(`${test!.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${AGENT}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res.status;
  };
  const customer = async (conversationId: string, text: string): Promise<void> => {
    const res = await fetch(`${test!.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(userMessage(serviceUrl, conversationId, text)) });
    expect(res.status, text).to.equal(200);
  };
  const agent = (conversationId: string, agentId: string, text: string, force = false): Promise<number> =>
    call(`/api/agent/conversations/${conversationId}/messages`, 'POST', { agentId, text, force });
  const text = async (selector: string): Promise<string> => ((await page.locator(selector).textContent()) ?? '').trim();
  const tile = (metric: string): Promise<string> => text(`#dash-tiles [data-metric=${metric}] .tile-value`);
  const cell = (agentId: string, col: string): Promise<string> => text(`#dash-agents tr[data-agent=${agentId}] [data-col=${col}]`);

  before(async function () {
    browser = await launchChromiumOrSkip(this);
    serviceUrl = await channel.start();
    test = await startTestApp({ AGENT_HOURS: '00:00-24:00', LOG_LEVEL: 'silent' });
    await customer('m-self', '退款多久到账');

    await customer('m-amy', '转人工');
    expect(await call('/api/agent/conversations/m-amy/accept', 'POST', { agentId: 'amy', agentName: 'Amy' })).to.equal(200);
    expect(await agent('m-amy', 'amy', '您好,我是客服Amy,很高兴为您服务!请问有什么可以帮您?')).to.equal(200);
    await customer('m-amy', '我的快递三天没动了');
    expect(await agent('m-amy', 'amy', '非常抱歉让您久等了,我马上联系快递核实,今天内给您回复。这样处理您看可以吗?')).to.equal(200);
    await customer('m-amy', '可以');
    expect(await agent('m-amy', 'amy', '感谢您的耐心,祝您生活愉快!')).to.equal(200);
    expect(await call('/api/agent/conversations/m-amy/close', 'POST')).to.equal(200);
    await customer('m-amy', '4');

    await customer('m-bob', '我要找人工客服');
    expect(await call('/api/agent/conversations/m-bob/accept', 'POST', { agentId: 'bob', agentName: 'Bob' })).to.equal(200);
    await customer('m-bob', MARKUP);
    expect(await agent('m-bob', 'bob', '这个没办法'), 'the guard holds the reply back').to.equal(422);
    expect(await agent('m-bob', 'bob', '这个没办法', true), 'sent anyway').to.equal(200);
    expect(await call('/api/agent/conversations/m-bob/close', 'POST')).to.equal(200);

    page = await openAdminConsole(browser, test.base, 'dashboard', ADMIN);
  });

  after(async () => {
    await browser?.close();
    await test?.stop();
    await channel.stop();
  });

  it('shows the last 7 days: headline numbers, charts carrying their values, and each agent', async () => {
    await page.locator('#dash-tiles [data-metric=conversations] .tile-value', { hasText: /^3$/u }).waitFor({ timeout: 10_000 });
    const from = await page.locator('#dash-period [name=from]').inputValue();
    const to = await page.locator('#dash-period [name=to]').inputValue();
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000, `${from} to ${to}`).to.equal(6);

    expect(await tile('selfService')).to.equal('33.3%');
    expect(await tile('handoffRate')).to.equal('66.7%');
    expect(await tile('guard'), 'warnings / overrides').to.equal('1 / 1');
    expect(await page.locator('#dash-tiles [data-metric=guard]').getAttribute('class')).to.contain('alert');
    expect(await tile('csat')).to.equal('4.00 / 5');
    expect(await tile('nps'), 'no NPS answer: nothing to measure, not 0').to.equal('—');
    expect(await text('#dash-tiles [data-metric=firstResponse] .tile-sub')).to.contain('2 次 replies');

    const daily = page.getByRole('img', { name: '每日会话与转人工 Conversations and handoffs per day' });
    expect(await daily.locator('.bar.series-a').count(), 'one group per day').to.equal(7);
    expect(await daily.locator('desc').textContent()).to.contain(`${to.slice(5)}: 会话 Conversations 3, 转人工 Handoffs 2`);
    expect(await daily.locator('.bar.series-b').last().locator('text.value').textContent()).to.equal('2');
    const selfService = page.getByRole('img', { name: '每日机器人自助率 Bot self-service rate per day' });
    expect(await selfService.locator('.point').count(), 'days without conversations have no point').to.equal(1);
    expect(await selfService.locator('.point text').textContent()).to.equal('33%');
    const reasons = page.getByRole('img', { name: '转人工原因 Handoffs by reason' });
    expect(await reasons.locator('.bar', { hasText: '要人工 Asked for agent' }).locator('text.value').textContent()).to.equal('2');
    const csat = page.getByRole('img', { name: /满意度分布 CSAT ratings/u });
    expect(await csat.locator('.bar[data-category="4★"] text.value').textContent()).to.equal('1');

    expect(await page.locator('#dash-agents tr').count()).to.equal(2);
    expect(await cell('amy', 'handled')).to.equal('1');
    expect(await cell('amy', 'replyRatio')).to.equal('1.50');
    expect(await cell('amy', 'csat')).to.equal('4.00 (1)');
    expect(await cell('bob', 'guard')).to.equal('1 / 1');
    expect(await cell('bob', 'csat'), 'Bob has no rating').to.equal('—');
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'admin-dashboard.png') });
  });

  it('names the field of a backwards period, and shows "—" where a period has nothing to measure', async () => {
    await page.fill('#dash-period [name=from]', '2020-01-10');
    await page.fill('#dash-period [name=to]', '2020-01-01');
    await page.click('#dash-period button[type=submit]');
    await page.locator('#dash-period [data-error-for=from]', { hasText: 'must not be after to' }).waitFor({ timeout: 10_000 });
    expect(await page.getAttribute('#dash-period [name=from]', 'aria-invalid')).to.equal('true');

    await page.fill('#dash-period [name=from]', '2020-01-01');
    await page.fill('#dash-period [name=to]', '2020-01-07');
    await page.click('#dash-period button[type=submit]');
    await page.locator('#dash-tiles [data-metric=conversations] .tile-value', { hasText: /^0$/u }).waitFor({ timeout: 10_000 });
    expect(await text('#dash-period [data-error-for=from]')).to.equal('');
    for (const metric of ['selfService', 'handoffRate', 'firstResponse', 'replyRatio', 'csat']) expect(await tile(metric), metric).to.equal('—');
    expect(await page.locator('#dash-agents tr').count()).to.equal(1);
    expect(await text('#dash-agents')).to.contain('No agent handled a conversation');

    await page.click('#dash-period [data-days="7"]');
    await page.locator('#dash-tiles [data-metric=conversations] .tile-value', { hasText: /^3$/u }).waitFor({ timeout: 10_000 });
  });

  it('lists the worst conversation first and opens its scorecard with the banned-phrase evidence and the transcript', async () => {
    const period = await page.locator('#dash-period [name=from]').inputValue();
    await page.click('[data-tab=quality]');
    const rows = page.locator('#quality-rows tr');
    await rows.nth(1).waitFor({ timeout: 10_000 });
    expect(await page.locator('#quality-period [name=from]').inputValue(), 'the same period as the dashboard').to.equal(period);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id))).to.deep.equal(['m-bob', 'm-amy']);
    expect(Number(await rows.first().locator('.score-badge').textContent())).to.be.below(60);
    expect(await rows.first().locator('.badge.failed').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.item)))
      .to.include.members(['opening', 'bannedPhrases', 'closing']);
    expect(await rows.nth(1).locator('.score-badge').textContent()).to.equal('100');
    expect(await rows.nth(1).textContent()).to.contain('All passed');

    await rows.nth(1).click();
    await page.locator('#quality-card[data-id=m-amy]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#quality-card .checklist > li.failed').count(), 'Amy failed nothing').to.equal(0);

    await rows.first().locator('button', { hasText: '查看 Open' }).click();
    const card = page.locator('#quality-card[data-id=m-bob]');
    await card.waitFor({ timeout: 10_000 });
    const banned = card.locator('.checklist > li[data-item=bannedPhrases]');
    expect(await banned.getAttribute('data-outcome')).to.equal('failed');
    expect(await banned.locator('.mark').textContent()).to.equal('✗');
    expect(await banned.locator('.mark').getAttribute('aria-label')).to.contain('Failed');
    expect(await banned.locator('.points').textContent()).to.match(/^\d+ \/ 25$/u).and.not.equal('25 / 25');
    expect(await banned.locator('.evidence').textContent()).to.contain('没办法');
    expect(await card.locator('.checklist > li[data-item=empathy]').getAttribute('data-outcome'), 'no complaint: empathy does not apply').to.equal('na');
    expect(await card.locator('.checklist > li[data-item=empathy] .mark').textContent()).to.equal('—');
    expect(await card.locator('.qa-transcript li.agent').last().textContent()).to.contain('这个没办法');
    expect(await card.locator('.qa-transcript li.customer', { hasText: 'onerror' }).textContent(), 'customer text shown as text').to.contain(MARKUP);
    expect(await card.locator('.qa-transcript img').count(), 'and never as HTML').to.equal(0);
    expect(await page.title()).to.not.equal('injected');
    expect(await rows.first().getAttribute('class')).to.contain('selected');
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'admin-quality.png') });
  });
});
