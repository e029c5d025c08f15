import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadSecrets, maskSecret } from '../../bot/secrets.js';

const ADMIN = 'configured-admin-token-0001';
const AGENT = 'configured-agent-token-0002';
const CONFIGURED = { adminToken: ADMIN, agentToken: AGENT, directLineSecret: 'dls_configured-secret-01', tokenSigningKey: 'tsk_configured-signing-key-0123456789abcdef' };

function readSecretsFile(dataDir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, unknown>;
}

describe('loadSecrets', function () {
  let root: string;
  let dataDir: string;

  beforeEach(function () {
    root = mkdtempSync(join(tmpdir(), 'secrets-test-'));
    // A data directory that does not exist yet, as on a first start.
    dataDir = join(root, 'data');
  });

  afterEach(function () {
    rmSync(root, { recursive: true, force: true });
  });

  it('generates every secret on the first call and lists them as generated', function () {
    const secrets = loadSecrets(dataDir, {});
    expect(secrets.generated).to.have.members(['adminToken', 'agentToken', 'directLineSecret', 'tokenSigningKey']);
    expect(secrets.adminToken).to.match(/^adm_[\w-]{32}$/u);
    expect(secrets.agentToken).to.match(/^agt_[\w-]{32}$/u);
    expect(secrets.directLineSecret).to.match(/^dls_[\w-]{32}$/u);
    expect(secrets.tokenSigningKey).to.match(/^tsk_[\w-]{43}$/u);
    expect(secrets.adminToken.slice(4)).not.to.equal(secrets.agentToken.slice(4));
  });

  it('treats an empty configured token as unset and returns the generated one', function () {
    const secrets = loadSecrets(dataDir, { adminToken: '' });
    expect(secrets.adminToken).to.match(/^adm_/u);
    expect(readSecretsFile(dataDir)).to.have.property('adminToken', secrets.adminToken);
  });

  it('saves the generated tokens in DATA_DIR/secrets.json, leaving no temporary file', function () {
    const secrets = loadSecrets(dataDir, {});
    const { generated: _g, ...values } = secrets;
    expect(readSecretsFile(dataDir)).to.deep.equal(values);
    expect(readdirSync(dataDir)).to.deep.equal(['secrets.json']);
  });

  it('makes secrets.json readable by its owner only (mode 0600)', function () {
    if (process.platform === 'win32') this.skip();
    loadSecrets(dataDir, {});
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).to.equal(0o600);
  });

  it('returns the same tokens on the next call, with nothing generated', function () {
    const first = loadSecrets(dataDir, {});
    const before = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    const second = loadSecrets(dataDir, {});
    expect(second).to.deep.equal({ ...first, generated: [] });
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).to.equal(before);
  });

  it('generates different tokens for different data directories', function () {
    const a = loadSecrets(join(root, 'a'), {});
    const b = loadSecrets(join(root, 'b'), {});
    expect(a.adminToken).not.to.equal(b.adminToken);
    expect(a.agentToken).not.to.equal(b.agentToken);
  });

  it('uses configured tokens without generating or writing anything', function () {
    const secrets = loadSecrets(dataDir, CONFIGURED);
    expect(secrets).to.deep.equal({ ...CONFIGURED, generated: [] });
    expect(existsSync(join(dataDir, 'secrets.json'))).to.equal(false);
  });

  it('generates only the token that is not configured, and never writes the configured one', function () {
    const secrets = loadSecrets(dataDir, { ...CONFIGURED, agentToken: undefined });
    expect(secrets.adminToken).to.equal(ADMIN);
    expect(secrets.agentToken).to.match(/^agt_/u);
    expect(secrets.generated).to.deep.equal(['agentToken']);
    expect(readSecretsFile(dataDir)).to.deep.equal({ agentToken: secrets.agentToken });
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.to.contain(ADMIN);
  });

  it('lets configured tokens win over stored ones', function () {
    const { generated: _g, ...stored } = loadSecrets(dataDir, {});
    const secrets = loadSecrets(dataDir, CONFIGURED);
    expect(secrets).to.deep.equal({ ...CONFIGURED, generated: [] });
    expect(readSecretsFile(dataDir)).to.deep.equal(stored);
  });

  it('keeps a stored token and adds the missing one', function () {
    const storedAdmin = 'adm_stored-token-0123456789';
    writeFileSync(join(root, 'secrets.json'), JSON.stringify({ adminToken: storedAdmin }));
    const secrets = loadSecrets(root, {});
    expect(secrets.adminToken).to.equal(storedAdmin);
    expect(secrets.generated).to.deep.equal(['agentToken', 'directLineSecret', 'tokenSigningKey']);
    const { generated: _g, ...values } = secrets;
    expect(readSecretsFile(root)).to.deep.equal(values);
  });

  it('refuses a secrets.json holding a token that is too short', function () {
    writeFileSync(join(root, 'secrets.json'), JSON.stringify({ adminToken: 'short' }));
    expect(() => loadSecrets(root, {})).to.throw();
  });
});

describe('maskSecret', function () {
  it('shows only the first 4 and the last 4 characters', function () {
    expect(maskSecret('adm_0123456789abcdefWXYZ')).to.equal('adm_…WXYZ');
  });

  it('hides the middle of a generated token', function () {
    const root = mkdtempSync(join(tmpdir(), 'secrets-test-'));
    try {
      const { adminToken } = loadSecrets(root, {});
      const masked = maskSecret(adminToken);
      expect(masked).to.equal(`${adminToken.slice(0, 4)}…${adminToken.slice(-4)}`);
      expect(masked).not.to.contain(adminToken.slice(4, -4));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
