// Staff accounts, PINs, roles and the permission check (issue 15), as pure rules.
import { describe, expect, it } from 'vitest';
import { assertPermitted, permissionsNeeded, type CommandContext } from '../../../shared/commands';
import {
  accountIdFor,
  afterWrongPin,
  hashPin,
  LOCKOUT_MS,
  lockedFor,
  noAttempts,
  operatorOf,
  PermissionMissingError,
  permissionsOfRoles,
  verifyPin,
  type PinAttempts,
} from '../../../shared/domain';
import type { ConfigDoc, PersonDoc } from '../../../shared/schemas';
import { AT, run, stampFor } from '../commands/harness';

const HQ = 'site-hq';
const STORE = 'site-s1';

describe('PINs', () => {
  it('keeps a salted scrypt hash that only the same PIN matches', async () => {
    const hash = await hashPin('4711');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(hash).not.toContain('4711');
    expect(await hashPin('4711')).not.toBe(hash); // a fresh salt each time
    expect(await verifyPin('4711', hash)).toBe(true);
    expect(await verifyPin('4712', hash)).toBe(false);
    expect(await verifyPin('4711', undefined)).toBe(false);
    expect(await verifyPin('4711', 'scrypt$16384$8$1$zz$00')).toBe(false);
    await expect(hashPin('12a4')).rejects.toThrow(/4 to 6 digits/);
  });

  it('locks an account after five wrong PINs for five minutes, then counts again', () => {
    let attempts: PinAttempts = noAttempts;
    const t0 = 1_000_000;
    for (let i = 1; i <= 4; i++) {
      attempts = afterWrongPin(attempts, t0 + i);
      expect([attempts.wrong, lockedFor(attempts, t0 + i)]).toEqual([i, 0]);
    }
    attempts = afterWrongPin(attempts, t0 + 5);
    expect(lockedFor(attempts, t0 + 5)).toBe(LOCKOUT_MS);
    expect(lockedFor(attempts, t0 + 5 + LOCKOUT_MS - 1)).toBe(1);
    expect(lockedFor(attempts, t0 + 5 + LOCKOUT_MS)).toBe(0);
    expect(afterWrongPin(attempts, t0 + 6 + LOCKOUT_MS)).toEqual({ wrong: 1, lockedUntil: 0 });
  });
});

describe('roles', () => {
  it('gives built-in and custom roles their permissions, and unknown roles none', () => {
    const custom = [{ id: 'role-night', name: '夜班', permissions: ['post-sale' as const, 'waste' as const] }];
    expect(permissionsOfRoles(['clerk'], []).has('fifo-override')).toBe(false);
    expect(permissionsOfRoles(['store-manager'], []).has('fifo-override')).toBe(true);
    expect([...permissionsOfRoles(['role-night', 'nobody'], custom)].sort()).toEqual(['post-sale', 'waste']);
  });

  it('derives account ids within the wire limit from person and site', () => {
    const id = accountIdFor('0b7f1c7e-5b8a-4a55-9a6e-0d51f7b0a001', 'x'.repeat(64));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(accountIdFor('p', 'a')).not.toBe(accountIdFor('p', 'b'));
  });
});

const admin: PersonDoc = {
  id: accountIdFor('admin', HQ),
  personId: 'admin',
  siteId: HQ,
  name: '总部 管理员',
  roles: ['hq-admin'],
  pinHash: 'scrypt$16384$8$1$00$00',
  active: true,
  updatedAt: AT,
};

describe('person.save', () => {
  const hqStamp = stampFor({ siteId: HQ, siteKind: 'hq' });

  it('writes one account per site; leaving a site deactivates that account and clears its PIN', () => {
    const first = run(
      'person.save',
      { person: { name: '王芳', code: '007', roles: ['clerk'], siteIds: [STORE, 'site-s2'], active: true, pinHash: 'scrypt$x' } },
      { people: [admin], stamp: hqStamp },
    );
    const accounts = first.writes?.people ?? [];
    expect(accounts.map((a) => [a.siteId, a.active, a.pinHash])).toEqual([
      [STORE, true, 'scrypt$x'],
      ['site-s2', true, 'scrypt$x'],
    ]);
    const personId = first.result.personId;
    const moved = run(
      'person.save',
      { person: { personId, name: '王芳', roles: ['clerk'], siteIds: [STORE], active: true } },
      { people: [admin, ...accounts], stamp: hqStamp },
    );
    expect(moved.writes?.people?.map((a) => [a.siteId, a.active, a.pinHash ?? null])).toEqual([
      [STORE, true, 'scrypt$x'],
      ['site-s2', false, null],
    ]);
  });

  it('refuses an unknown role, a duplicate staff number, and leaving nobody who may manage people', () => {
    const other = { ...admin, id: accountIdFor('p2', STORE), personId: 'p2', siteId: STORE, name: '李', code: '007', roles: ['clerk'] };
    const save = (person: Parameters<typeof run<'person.save'>>[1]['person']) => () =>
      run('person.save', { person }, { people: [admin, other], stamp: hqStamp });
    expect(save({ name: 'x', roles: ['boss'], siteIds: [STORE], active: true })).toThrow(/no role boss/);
    expect(save({ name: 'x', code: '007', roles: ['clerk'], siteIds: [STORE], active: true })).toThrow(/007 is already used by 李/);
    expect(save({ personId: 'admin', name: '总部 管理员', roles: ['clerk'], siteIds: [HQ], active: true })).toThrow(/manage people/);
    // The first person must be HQ's: an admin at a store leaves HQ without anyone to sign in.
    expect(() =>
      run('person.save', { person: { name: 'x', roles: ['hq-admin'], siteIds: [STORE], active: true } }, { stamp: hqStamp }),
    ).toThrow(/active at HQ/);
    const custom: ConfigDoc = {
      id: 'roles:org',
      key: 'roles',
      value: { roles: [{ id: 'role-x', name: 'X', permissions: ['waste'] }] },
      updatedAt: AT,
    };
    expect(
      run(
        'person.save',
        { person: { name: 'x', roles: ['role-x'], siteIds: [STORE], active: true } },
        { people: [admin], config: [custom], stamp: hqStamp },
      ).writes?.people,
    ).toHaveLength(1);
  });
});

describe('the permission check', () => {
  const context = { products: [] } as unknown as CommandContext;
  const sale = (fifoOverrideReason?: string) =>
    ({
      result: null,
      post: {
        document: {
          id: 'd',
          type: 'sale',
          siteId: STORE,
          number: 'XS-1',
          status: 'posted',
          businessDate: '2025-03-01',
          at: AT,
          terminalId: 't',
          updatedAt: AT,
          lines: [{ productId: 'p', qty: 1, batchId: 'b2', ...(fifoOverrideReason ? { fifoOverrideReason } : {}) }],
        },
      },
    }) as Parameters<typeof permissionsNeeded>[2];
  const clerk = operatorOf({ ...admin, personId: 'fang', name: '王芳', roles: ['clerk'] }, []);
  const manager = operatorOf({ ...admin, personId: 'li', name: '李娜', roles: ['store-manager'] }, []);

  it('asks a FIFO override of a document whose lines carry an override reason', () => {
    expect(permissionsNeeded('sale.post', context, sale())).toEqual(['post-sale']);
    expect(permissionsNeeded('sale.post', context, sale('customer asked'))).toEqual(['post-sale', 'fifo-override']);
  });

  it('refuses naming the permission and the person, and needs no one where the site has no people', () => {
    const needed = permissionsNeeded('sale.post', context, sale('customer asked'));
    expect(() => assertPermitted(needed, clerk, true)).toThrow(new PermissionMissingError('fifo-override', '王芳'));
    expect(() => assertPermitted(needed, null, true)).toThrow(/sign in first/);
    expect(() => assertPermitted(needed, manager, true)).not.toThrow();
    expect(() => assertPermitted(needed, null, false)).not.toThrow();
  });
});
