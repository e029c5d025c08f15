import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a sandboxed CI machine with no network but loopback (see the machine notes). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Without one, the
 * calling suite is skipped and says why in its title.
 */
export async function launchChromiumOrSkip(context: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    context.test!.parent!.title += ` (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium fonts-noto-cjk)`;
    context.skip();
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A 1280x800 page of the admin console at `tab`, signed in as `name` with `token`. */
export async function openAdminConsole(browser: Browser, base: string, tab: string, token: string, name = 'Tester'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/admin#${tab}`);
  await page.fill('#login-name', name);
  await page.fill('#login-token', token);
  await page.click('#login button[type=submit]');
  return page;
}
