/**
 * Entry point (`npm start`): the only module with side effects. Reads the configuration,
 * prepares secrets, builds the app and serves until SIGINT/SIGTERM.
 */
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadSecrets, maskSecret, SECRET_ENV } from './secrets.js';
import { createApp } from './app.js';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example.\n`);
  process.exit(1);
}
const { config } = loaded;
const logger = createLogger(config.logLevel);
const secrets = loadSecrets(config.dataDir, {
  adminToken: config.adminToken,
  agentToken: config.agentToken,
  directLineSecret: config.directLineSecret,
  tokenSigningKey: config.tokenSigningKey,
});

if (secrets.generated.length > 0 && process.stderr.isTTY) {
  // Shown once, in full, on the operator's terminal only: a service's output ends up in logs.
  const lines = secrets.generated.filter((name) => name !== 'tokenSigningKey').map((name) => `  ${SECRET_ENV[name]}=${secrets[name]}`);
  process.stderr.write(`\nGenerated secrets (saved in ${config.dataDir}/secrets.json; shown only this once):\n${lines.join('\n')}\n\n`);
}
if (secrets.generated.length > 0 && !process.stderr.isTTY) {
  logger.warn({ file: `${config.dataDir}/secrets.json` }, 'secrets generated; read them from the secrets file (not shown here, as this output is not a terminal)');
}
logger.info(
  { adminToken: maskSecret(secrets.adminToken), agentToken: maskSecret(secrets.agentToken), directLineSecret: maskSecret(secrets.directLineSecret) },
  'secrets ready',
);

const app = await createApp(config, secrets, logger).catch((err: unknown) => {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
});
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
