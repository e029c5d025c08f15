/**
 * Entry point (`npm start`): the only module with side effects. Reads the configuration,
 * prepares secrets, builds the app and serves until SIGINT/SIGTERM.
 */
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadSecrets, loadSharedSecrets, maskSecret, SECRET_ENV, type Secrets } from './secrets.js';
import type { SqlDatabase } from './storage/sqlDatabase.js';
import { SqlSharedSecrets } from './storage/sqlSharedSecrets.js';
import { createApp } from './app.js';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example.\n`);
  process.exit(1);
}
const { config } = loaded;
const logger = createLogger(config.logLevel);
const configured = { adminToken: config.adminToken, agentToken: config.agentToken, directLineSecret: config.directLineSecret, tokenSigningKey: config.tokenSigningKey };
// One instance keeps generated secrets in its data directory; instances on PostgreSQL share them there.
const loadFor = (db: SqlDatabase): Promise<Secrets> =>
  db.dialect === 'postgres' ? loadSharedSecrets(new SqlSharedSecrets(db), configured) : Promise.resolve(loadSecrets(config.dataDir, configured));

const app = await createApp(config, loadFor, logger).catch((err: unknown) => {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
});
const { secrets } = app;
const savedIn = app.db.dialect === 'postgres' ? 'the database (table meta, key secrets)' : `${config.dataDir}/secrets.json`;
if (secrets.generated.length > 0 && process.stderr.isTTY) {
  // Shown once, in full, on the operator's terminal only: a service's output ends up in logs.
  const lines = secrets.generated.filter((name) => name !== 'tokenSigningKey').map((name) => `  ${SECRET_ENV[name]}=${secrets[name]}`);
  process.stderr.write(`\nGenerated secrets (saved in ${savedIn}; shown only this once):\n${lines.join('\n')}\n\n`);
}
if (secrets.generated.length > 0 && !process.stderr.isTTY) {
  logger.warn({ savedIn }, 'secrets generated; read them where they are saved (not shown here, as this output is not a terminal)');
}
logger.info(
  { adminToken: maskSecret(secrets.adminToken), agentToken: maskSecret(secrets.agentToken), directLineSecret: maskSecret(secrets.directLineSecret) },
  'secrets ready',
);
const url = await app.listen(config.port, config.host);
logger.info({ url }, `bot listening on ${url} (POST /api/messages, GET /healthz)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
