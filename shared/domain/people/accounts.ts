// A person's accounts, one per site they work at (schemas/people.ts), and who is signed in.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ConfigDoc, PersonDoc } from '../../schemas';
import { customRolesFrom, permissionsOfRoles, type Permission } from './permissions';

/**
 * The id of `personId`'s account at `siteId`: derived, so the endpoint and terminals find it
 * without a search, and within the wire's 64 characters whatever the site id.
 */
export function accountIdFor(personId: string, siteId: string): string {
  return `${personId}@${bytesToHex(sha256(utf8ToBytes(siteId))).slice(0, 16)}`;
}

/** The person signed in at a terminal, as commands see them. */
export interface Operator {
  personId: string;
  name: string;
  nameEn?: string;
  permissions: ReadonlySet<Permission>;
}

/** The operator an account signs in as, with the permissions of its roles at its site. */
export function operatorOf(account: PersonDoc, config: readonly ConfigDoc[]): Operator {
  return {
    personId: account.personId,
    name: account.name,
    ...(account.nameEn ? { nameEn: account.nameEn } : {}),
    permissions: permissionsOfRoles(account.roles, customRolesFrom(config)),
  };
}

/** Accounts a person may sign in with at `siteId`: active, with a PIN. */
export function signInAccounts(accounts: readonly PersonDoc[], siteId: string): PersonDoc[] {
  return accounts.filter((account) => account.siteId === siteId && account.active && !!account.pinHash);
}
