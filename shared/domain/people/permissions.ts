// Who may do what (issue 15): a fixed list of permissions, the built-in roles a shop starts with,
// and HQ's custom roles (config 'roles'), each a named set of permissions. Enforced by the command
// executor on the terminal (offline too) and, for master data and people, by the endpoint.
import type { ConfigDoc } from '../../schemas';

export const permissions = [
  'post-sale',
  'post-count',
  'count-variance-over-threshold',
  'fifo-override',
  'receive',
  'dispatch',
  'produce',
  'request-stock',
  'waste',
  'purchase',
  'approve-po',
  'edit-prices',
  'reverse-document',
  'record-payment',
  'food-safety',
  'manage-master-data',
  'manage-people',
] as const;
export type Permission = (typeof permissions)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

const clerk: readonly Permission[] = ['post-sale', 'post-count', 'receive', 'request-stock', 'waste', 'food-safety'];

/** The roles every organisation has (names are shown through the UI's translations). */
export const builtInRoles = {
  clerk,
  // A store manager also ships the store's transfers to other stores (调拨, the 'dispatch' right)
  // and takes customers' payments.
  'store-manager': [
    ...clerk,
    'count-variance-over-threshold',
    'fifo-override',
    'reverse-document',
    'purchase',
    'approve-po',
    'dispatch',
    'record-payment',
  ],
  'kitchen-lead': [...clerk, 'produce', 'dispatch', 'fifo-override', 'count-variance-over-threshold'],
  purchaser: ['purchase', 'receive', 'edit-prices'],
  finance: ['reverse-document', 'approve-po', 'edit-prices', 'record-payment'],
  'hq-admin': [...permissions],
} as const satisfies Record<string, readonly Permission[]>;
export type BuiltInRole = keyof typeof builtInRoles;
export const builtInRoleCodes = Object.keys(builtInRoles) as BuiltInRole[];

/** A role HQ defines on its own (config 'roles'). */
export interface CustomRole {
  id: string;
  name: string;
  permissions: Permission[];
}

/** HQ's custom roles from the organisation's config, ignoring what does not read as one. */
export function customRolesFrom(config: readonly ConfigDoc[]): CustomRole[] {
  const doc = config.find((entry) => entry.key === 'roles' && !entry.siteId);
  const list = (doc?.value as { roles?: unknown } | undefined)?.roles;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown) => {
    const role = raw as Partial<CustomRole> | null;
    if (!role || typeof role.id !== 'string' || typeof role.name !== 'string' || !Array.isArray(role.permissions)) return [];
    return [{ id: role.id, name: role.name, permissions: role.permissions.filter(isPermission) }];
  });
}

/** Every permission the roles give (unknown roles give none). */
export function permissionsOfRoles(roles: readonly string[], custom: readonly CustomRole[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const builtIn = (builtInRoles as Record<string, readonly Permission[]>)[role];
    const list = builtIn ?? custom.find((candidate) => candidate.id === role)?.permissions ?? [];
    for (const permission of list) granted.add(permission);
  }
  return granted;
}
