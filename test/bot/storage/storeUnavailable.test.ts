import { expect } from 'chai';
import { channelFor } from '../../../bot/cluster/postgresBus.js';
import { isStoreUnavailable } from '../../../bot/storage/storeUnavailable.js';

describe('isStoreUnavailable', () => {
  const cases: Array<{ name: string; err: unknown; expected: boolean }> = [
    { name: 'connection refused', err: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), expected: true },
    { name: 'server shutting down (57P01)', err: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), expected: true },
    { name: 'cannot connect now (57P03)', err: Object.assign(new Error('the database system is starting up'), { code: '57P03' }), expected: true },
    { name: 'connection exception class 08', err: Object.assign(new Error('connection failure'), { code: '08006' }), expected: true },
    { name: 'a dropped connection', err: new Error('Connection terminated unexpectedly'), expected: true },
    { name: 'pool timeout', err: new Error('timeout exceeded when trying to connect'), expected: true },
    { name: 'wrapped by botbuilder-dialogs', err: Object.assign(new Error('DialogContextError'), { error: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }), expected: true },
    { name: 'a unique violation is a bug or a race, not an outage', err: Object.assign(new Error('duplicate key'), { code: '23505' }), expected: false },
    { name: 'a syntax error', err: Object.assign(new Error('syntax error at or near'), { code: '42601' }), expected: false },
    { name: 'a plain error', err: new Error('boom'), expected: false },
    { name: 'not an error at all', err: 'ECONNREFUSED', expected: false },
  ];
  for (const c of cases) it(`${c.expected ? 'is' : 'is not'} unavailability: ${c.name}`, () => expect(isStoreUnavailable(c.err)).to.equal(c.expected));
});

describe('the cluster bus channel of a deployment', () => {
  it('is the same for instances reaching one database by different hosts, and differs by schema', () => {
    const schema = (s: string) => `options=${encodeURIComponent(`-c search_path=${s}`)}`;
    expect(channelFor(`postgres://app@10.0.0.5:5432/shop?${schema('a')}`)).to.equal(channelFor(`postgres://app:pw@db.internal/shop?${schema('a')}`));
    expect(channelFor(`postgres://app@db/shop?${schema('a')}`)).to.not.equal(channelFor(`postgres://app@db/shop?${schema('b')}`));
    expect(channelFor('postgres://app@db/shop')).to.not.equal(channelFor('postgres://app@db/other'));
    expect(channelFor('postgres://app@db/shop')).to.match(/^shopbot_[0-9a-f]{16}$/u);
  });
});
