import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import type { Secrets } from '../../bot/secrets.js';

/** Fixed secrets for in-process apps, so tests can present them. */
export const TEST_SECRETS: Secrets = {
  adminToken: 'test-admin-token-0000001',
  agentToken: 'test-agent-token-0000001',
  directLineSecret: 'test-dl-secret-000000001',
  tokenSigningKey: 'test-signing-key-0123456789abcdef0123456',
  generated: [],
};

export interface TestApp {
  readonly app: App;
  readonly base: string;
  stop(): Promise<void>;
}

/** The real app in this process on a free port, on a fresh SQLite file, configured by `env`. */
export async function startTestApp(env: Record<string, string> = {}, secrets: Secrets = TEST_SECRETS): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faqbot-app-'));
  const loaded = loadConfig({ DATA_DIR: dataDir, ...env });
  if (!loaded.ok) throw new Error(`startTestApp: ${loaded.errors.join('; ')}`);
  const app = await createApp(loaded.config, secrets, createLogger('silent'));
  const base = await app.listen(0, '127.0.0.1');
  return {
    app,
    base,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
