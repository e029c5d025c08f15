import { resolve } from 'node:path';
import { expect } from 'chai';
import { loadConfig, type Config } from '../../bot/config.js';

const CWD = resolve('/srv/shop-bot');
const TOKEN = 'a-token-of-24-characters';

/** Loads a configuration that must be valid and returns it. */
function valid(env: NodeJS.ProcessEnv, cwd = CWD): Config {
  const result = loadConfig(env, cwd);
  if (!result.ok) expect.fail(`expected a valid configuration, got: ${result.errors.join('; ')}`);
  return result.config;
}

/** Loads a configuration that must be invalid and returns its errors. */
function invalid(env: NodeJS.ProcessEnv, cwd = CWD): string[] {
  const result = loadConfig(env, cwd);
  if (result.ok) expect.fail(`expected an invalid configuration, got: ${JSON.stringify(result.config)}`);
  return result.errors;
}

describe('loadConfig', function () {
  describe('defaults', function () {
    it('listens on port 3978 on all interfaces', function () {
      const config = valid({});
      expect(config.port).to.equal(3978);
      expect(config.host).to.equal('0.0.0.0');
    });

    it('resolves DATA_DIR (default ./data) against the given working directory', function () {
      expect(valid({}).dataDir).to.equal(resolve(CWD, 'data'));
      expect(valid({ DATA_DIR: 'var/bot' }).dataDir).to.equal(resolve(CWD, 'var/bot'));
      expect(valid({ DATA_DIR: resolve('/opt/bot-data') }).dataDir).to.equal(resolve('/opt/bot-data'));
    });

    it('defaults DATABASE_URL to an SQLite file bot.db in the data directory', function () {
      expect(valid({}).databaseUrl).to.equal(`sqlite:${resolve(CWD, 'data', 'bot.db')}`);
      expect(valid({ DATA_DIR: 'elsewhere' }).databaseUrl).to.equal(`sqlite:${resolve(CWD, 'elsewhere', 'bot.db')}`);
    });

    it('logs at info level, with no tokens, no Bot Framework app and authentication required', function () {
      const config = valid({});
      expect(config.logLevel).to.equal('info');
      expect(config).not.to.have.property('adminToken');
      expect(config).not.to.have.property('agentToken');
      expect(config).not.to.have.property('microsoftApp');
      expect(config.allowUnauthenticatedChannel).to.equal(false);
      expect(config.replyTimeoutMs).to.equal(10_000);
    });

    it('ignores variables it does not know', function () {
      expect(valid({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: 'x' }).port).to.equal(3978);
    });
  });

  describe('explicit values', function () {
    it('reads PORT, LOG_LEVEL, DATABASE_URL and REPLY_TIMEOUT_MS', function () {
      const config = valid({ PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://bot@db/shop', REPLY_TIMEOUT_MS: '2500' });
      expect(config.port).to.equal(8080);
      expect(config.logLevel).to.equal('debug');
      expect(config.databaseUrl).to.equal('postgres://bot@db/shop');
      expect(config.replyTimeoutMs).to.equal(2500);
    });

    for (const url of ['sqlite:/tmp/x.db', 'postgres://u@h/db', 'postgresql://u@h/db']) {
      it(`accepts DATABASE_URL=${url}`, function () {
        expect(valid({ DATABASE_URL: url }).databaseUrl).to.equal(url);
      });
    }

    it('keeps ADMIN_TOKEN and AGENT_TOKEN of 16 characters or more', function () {
      const config = valid({ ADMIN_TOKEN: TOKEN, AGENT_TOKEN: '0123456789abcdef' });
      expect(config.adminToken).to.equal(TOKEN);
      expect(config.agentToken).to.equal('0123456789abcdef');
    });

    it('treats a blank PORT or LOG_LEVEL as unset, giving the defaults', function () {
      const config = valid({ PORT: '', LOG_LEVEL: '' });
      expect(config.port).to.equal(3978);
      expect(config.logLevel).to.equal('info');
    });

    it('reports a password without an app id together with the other errors', function () {
      const errors = invalid({ PORT: 'abc', MicrosoftAppPassword: 'secret' });
      expect(errors.some((e) => e.startsWith('PORT:'))).to.equal(true);
      expect(errors.some((e) => e.startsWith('MicrosoftAppId:'))).to.equal(true);
    });

    it('treats a blank ADMIN_TOKEN or AGENT_TOKEN as unset', function () {
      const config = valid({ ADMIN_TOKEN: '', AGENT_TOKEN: '' });
      expect(config).not.to.have.property('adminToken');
      expect(config).not.to.have.property('agentToken');
    });

    const flags: Array<[string, boolean]> = [
      ['true', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['no', false],
      ['', false],
    ];
    for (const [value, expected] of flags) {
      it(`parses ALLOW_UNAUTHENTICATED_CHANNEL=${JSON.stringify(value)} as ${expected}`, function () {
        expect(valid({ ALLOW_UNAUTHENTICATED_CHANNEL: value }).allowUnauthenticatedChannel).to.equal(expected);
      });
    }
  });

  describe('Bot Framework registration', function () {
    it('is present when MicrosoftAppId is set, with the default app type', function () {
      const config = valid({ MicrosoftAppId: 'app-id-1' });
      expect(config.microsoftApp).to.deep.equal({ id: 'app-id-1', type: 'MultiTenant' });
    });

    it('carries password, type and tenant when they are set', function () {
      const config = valid({
        MicrosoftAppId: 'app-id-1',
        MicrosoftAppPassword: 'app-password',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 'tenant-1',
      });
      expect(config.microsoftApp).to.deep.equal({ id: 'app-id-1', password: 'app-password', type: 'SingleTenant', tenantId: 'tenant-1' });
    });

    it('is absent when MicrosoftAppId is blank', function () {
      expect(valid({ MicrosoftAppId: '' })).not.to.have.property('microsoftApp');
    });
  });

  describe('the agents\' Teams channel', function () {
    it('is unset by default (the team the bot is installed in is used)', function () {
      expect(valid({})).not.to.have.property('teamsAgentChannel');
    });

    it('is the configured channel, on the global Teams endpoint unless told otherwise', function () {
      expect(valid({ TEAMS_AGENT_CHANNEL_ID: '19:abc@thread.tacv2', TEAMS_TENANT_ID: 't1' }).teamsAgentChannel).to.deep.equal({
        channelId: '19:abc@thread.tacv2',
        serviceUrl: 'https://smba.trafficmanager.net/teams/',
        tenantId: 't1',
      });
    });
  });

  describe('invalid values', function () {
    const cases: Array<{ name: string; env: NodeJS.ProcessEnv; variable: string }> = [
      { name: 'PORT that is not a number', env: { PORT: 'abc' }, variable: 'PORT' },
      { name: 'PORT out of range', env: { PORT: '70000' }, variable: 'PORT' },
      { name: 'PORT that is not an integer', env: { PORT: '3978.5' }, variable: 'PORT' },
      { name: 'unknown LOG_LEVEL', env: { LOG_LEVEL: 'loud' }, variable: 'LOG_LEVEL' },
      { name: 'ADMIN_TOKEN shorter than 16 characters', env: { ADMIN_TOKEN: 'short' }, variable: 'ADMIN_TOKEN' },
      { name: 'AGENT_TOKEN shorter than 16 characters', env: { AGENT_TOKEN: '123456789012345' }, variable: 'AGENT_TOKEN' },
      { name: 'DATABASE_URL of an unsupported database', env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
      { name: 'MicrosoftAppPassword without MicrosoftAppId', env: { MicrosoftAppPassword: 'secret' }, variable: 'MicrosoftAppId' },
      { name: 'unknown MicrosoftAppType', env: { MicrosoftAppId: 'a', MicrosoftAppType: 'Personal' }, variable: 'MicrosoftAppType' },
      { name: 'ALLOW_UNAUTHENTICATED_CHANNEL that is not a flag', env: { ALLOW_UNAUTHENTICATED_CHANNEL: 'maybe' }, variable: 'ALLOW_UNAUTHENTICATED_CHANNEL' },
      { name: 'REPLY_TIMEOUT_MS below 100', env: { REPLY_TIMEOUT_MS: '10' }, variable: 'REPLY_TIMEOUT_MS' },
      { name: 'TEAMS_AGENT_CHANNEL_ID that is not a channel id', env: { TEAMS_AGENT_CHANNEL_ID: 'General' }, variable: 'TEAMS_AGENT_CHANNEL_ID' },
      { name: 'TEAMS_SERVICE_URL that is not a URL', env: { TEAMS_SERVICE_URL: 'smba' }, variable: 'TEAMS_SERVICE_URL' },
    ];
    for (const c of cases) {
      it(`rejects ${c.name}, naming ${c.variable}`, function () {
        const errors = invalid(c.env);
        expect(errors).to.have.lengthOf(1);
        expect(errors[0]).to.match(new RegExp(`^${c.variable}: \\S`, 'u'));
      });
    }

    it('says what is wrong with a short token and a foreign DATABASE_URL', function () {
      const errors = invalid({ ADMIN_TOKEN: 'short', DATABASE_URL: 'mysql://x' });
      expect(errors).to.include('ADMIN_TOKEN: must be at least 16 characters');
      expect(errors).to.include('DATABASE_URL: must start with sqlite: or postgres://');
    });

    it('reports every invalid variable at once', function () {
      const errors = invalid({ PORT: 'abc', LOG_LEVEL: 'loud', ADMIN_TOKEN: 'short', DATABASE_URL: 'mysql://x' });
      const named = errors.map((e) => e.split(':')[0]);
      expect(named).to.have.members(['PORT', 'LOG_LEVEL', 'ADMIN_TOKEN', 'DATABASE_URL']);
    });

    it('does not echo a rejected token in the error', function () {
      const errors = invalid({ ADMIN_TOKEN: 'too-short-x' });
      expect(errors.join('\n')).not.to.contain('too-short-x');
    });
  });
});
