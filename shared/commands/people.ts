// Staff accounts (issue 15): HQ adds a person, the sites they work at, their roles and their PIN.
// A person has one account per site (schemas/people.ts); leaving a site deactivates that account
// and clears its PIN hash there, so the hash no longer reaches that site's terminals.
import { accountIdFor, builtInRoleCodes, customRolesFrom, DuplicateCodeError, permissionsOfRoles, ValidationError } from '../domain';
import type { PersonDoc } from '../schemas';
import { defineCommand } from './types';

export interface PersonDraft {
  /** Absent for a new person. */
  personId?: string;
  name: string;
  nameEn?: string;
  code?: string;
  roles: string[];
  siteIds: string[];
  active: boolean;
  /** A new PIN's hash (shared/domain/people/pin.ts, computed before the command); absent keeps the PIN. */
  pinHash?: string;
}

function checkDraft(draft: PersonDraft, knownRoles: ReadonlySet<string>): void {
  if (!draft.name.trim()) throw new ValidationError('name', 'a person needs a name');
  if (draft.active && draft.siteIds.length === 0) throw new ValidationError('siteIds', 'an active person works at one site at least');
  if (draft.roles.length === 0) throw new ValidationError('roles', 'give the person one role at least');
  const unknown = draft.roles.find((role) => !knownRoles.has(role));
  if (unknown) throw new ValidationError('roles', `no role ${unknown}`);
  if (draft.pinHash !== undefined && !draft.pinHash.startsWith('scrypt$')) throw new ValidationError('pin', 'a PIN is stored hashed');
}

export const personSave = defineCommand({
  reads: (_input: { person: PersonDraft }) => ({ people: true, config: true }),
  run(input, { stamp, people = [], config }) {
    const draft = input.person;
    const custom = customRolesFrom(config);
    checkDraft(draft, new Set<string>([...builtInRoleCodes, ...custom.map((role) => role.id)]));
    const personId = draft.personId ?? stamp.newId();
    const code = draft.code?.trim();
    const sameCode = code ? people.find((account) => account.personId !== personId && account.code === code) : undefined;
    if (code && sameCode) throw new DuplicateCodeError('code', code, sameCode.name);
    const mine = people.filter((account) => account.personId === personId);
    const pinHash = draft.pinHash ?? mine.find((account) => account.pinHash)?.pinHash;
    const working = draft.active ? new Set(draft.siteIds) : new Set<string>();
    const base = {
      personId,
      name: draft.name.trim(),
      ...(draft.nameEn?.trim() ? { nameEn: draft.nameEn.trim() } : {}),
      ...(code ? { code } : {}),
      roles: [...new Set(draft.roles)],
      updatedAt: stamp.at,
    };
    const accounts: PersonDoc[] = [...working].map((siteId) => ({
      ...base,
      id: accountIdFor(personId, siteId),
      siteId,
      ...(pinHash ? { pinHash } : {}),
      active: true,
    }));
    // Sites left: the account stays (documents name the person) but inactive and without a PIN.
    for (const left of mine.filter((account) => !working.has(account.siteId) && (account.active || account.pinHash)))
      accounts.push({ ...base, id: left.id, siteId: left.siteId, active: false });
    const after = new Map(people.map((account) => [account.id, account]));
    for (const account of accounts) after.set(account.id, account);
    // At HQ (people are saved only at HQ, so the stamp's site): HQ's terminals ask for a PIN only
    // once HQ has accounts, and the endpoint wants HQ's changes signed by someone of HQ.
    const managers = [...after.values()].filter(
      (account) => account.siteId === stamp.siteId && account.active && permissionsOfRoles(account.roles, custom).has('manage-people'),
    );
    if (managers.length === 0)
      throw new ValidationError(
        'roles',
        'someone active at HQ must keep the right to manage people (an HQ admin), or nobody could change them',
      );
    return { writes: { people: accounts }, result: { personId } };
  },
});
