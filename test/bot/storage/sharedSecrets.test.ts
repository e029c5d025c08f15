import { expect } from 'chai';
import { loadSharedSecrets } from '../../../bot/secrets.js';
import { SqlSharedSecrets } from '../../../bot/storage/sqlSharedSecrets.js';
import { describeOnEveryDatabase } from '../../helpers/databases.js';

/** Instances of one deployment starting together must end up with one set of secrets. */
describeOnEveryDatabase('shared secrets', (db) => {
  beforeEach(() => db().run(`DELETE FROM meta WHERE key = 'secrets'`));

  it('generates them on the first start and gives every later instance the same', async () => {
    const first = await loadSharedSecrets(new SqlSharedSecrets(db()), {});
    expect(first.generated).to.have.members(['adminToken', 'agentToken', 'directLineSecret', 'tokenSigningKey']);
    expect(first.adminToken).to.match(/^adm_/u);
    const second = await loadSharedSecrets(new SqlSharedSecrets(db()), {});
    expect(second).to.deep.equal({ ...first, generated: [] });
  });

  it('settles on one set when instances start at the same moment, and only the winner says it generated them', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => loadSharedSecrets(new SqlSharedSecrets(db()), {})));
    expect(new Set(results.map((r) => r.adminToken)).size).to.equal(1);
    expect(new Set(results.map((r) => r.tokenSigningKey)).size).to.equal(1);
    expect(results.filter((r) => r.generated.length > 0)).to.have.length(1);
  });

  it('lets configured secrets win and never stores them', async () => {
    const configured = { adminToken: 'configured-admin-token-0001' };
    const secrets = await loadSharedSecrets(new SqlSharedSecrets(db()), configured);
    expect(secrets.adminToken).to.equal(configured.adminToken);
    expect(secrets.generated).to.not.include('adminToken');
    const stored = await db().get<{ value: string }>(`SELECT value FROM meta WHERE key = 'secrets'`);
    expect(stored!.value).to.not.contain(configured.adminToken);
    // An instance started later without the variable gets a stored token, not nothing.
    const later = await loadSharedSecrets(new SqlSharedSecrets(db()), {});
    expect(later.adminToken).to.match(/^adm_/u);
    expect(later.agentToken).to.equal(secrets.agentToken);
  });
});
