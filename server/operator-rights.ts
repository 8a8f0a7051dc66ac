// The endpoint's check of who made a change (issue 15). Once an organisation has staff accounts,
// a change of master data or people must name, in `updatedBy`, a person whose account at the
// pushing terminal's site holds the right (manage master data; manage people for people and
// roles), and a document naming an operator must name a person of that site — a purchase order's
// approval one who may approve purchase orders. The endpoint cannot see a PIN typed offline, so this is what it can check:
// that the person named exists at that site with that right, which stops a terminal from writing
// in the name of someone from elsewhere or of someone without the right.
import { configDocumentId } from '../shared/commands/reference.js';
import { accountIdFor, customRolesFrom, permissionsOfRoles, type Permission } from '../shared/domain/people/index.js';
import type { CollectionName, ConfigDoc, PersonDoc } from '../shared/schemas/index.js';
import { heldDecisionProblem, isHeldDecision } from './approval-rights.js';
import { ForbiddenError, type RowProblem } from './errors.js';
import type { PushRow } from './push.js';
import type { AuthTerminal, Storage } from './storage/types.js';

const masterData: ReadonlySet<CollectionName> = new Set<CollectionName>(['products', 'partners', 'config', 'people']);

function permissionFor(collection: CollectionName, row: PushRow): Permission | null {
  if (collection === 'people') return 'manage-people';
  if (collection === 'config') return row.pushed.key === 'roles' ? 'manage-people' : 'manage-master-data';
  if (masterData.has(collection)) return 'manage-master-data';
  // A decision on a document an approval rule held asks for a role, not a permission: the endpoint
  // checks its person is of the pushing site, as for any document (the role is the terminal's check).
  if (collection === 'documents' && row.pushed.type === 'approval' && row.pushed.subjectDocType === 'purchase-order') return 'approve-po';
  return null;
}

async function organisationHasPeople(storage: Storage): Promise<boolean> {
  const page = await storage.pull('people', 0, 1, null);
  return page.bodies.length > 0;
}

/** Reads a value once, on first need: most pushes need neither lookup below. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}

/**
 * Refuses (403, nothing stored) rows whose person may not make them; see the module comment. On
 * the push path: a document push naming its person costs one read of the accounts it names; the
 * "does the organisation have people" and custom-role reads happen only when a row needs them.
 */
export async function checkOperatorRights(
  storage: Storage,
  terminal: AuthTerminal,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<void> {
  const named = (row: PushRow) => {
    const value = collection === 'documents' ? row.pushed.operatorId : row.pushed.updatedBy;
    return typeof value === 'string' ? value : null;
  };
  const concerned = masterData.has(collection) || (collection === 'documents' && rows.some((row) => named(row) !== null));
  if (!concerned || rows.length === 0) return;
  const hasPeople = once(() => organisationHasPeople(storage));
  const customRoles = once(async () => {
    const [rolesDoc] = await storage.getDocuments('config', [configDocumentId('roles', undefined)]);
    return customRolesFrom(rolesDoc ? [rolesDoc.doc as unknown as ConfigDoc] : []);
  });
  const mayDo = async (account: PersonDoc, needed: Permission) =>
    permissionsOfRoles(account.roles, []).has(needed) || permissionsOfRoles(account.roles, await customRoles()).has(needed);
  const personIds = [...new Set(rows.map(named).filter((id): id is string => id !== null))];
  const accounts = new Map(
    (personIds.length
      ? await storage.getDocuments(
          'people',
          personIds.map((id) => accountIdFor(id, terminal.siteId)),
        )
      : []
    ).map((stored) => {
      const account = stored.doc as unknown as PersonDoc;
      return [account.personId, stored.deleted ? null : account] as const;
    }),
  );
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const personId = named(row);
    const needed = permissionFor(collection, row);
    const account = personId === null ? undefined : accounts.get(personId);
    // Before the organisation has any account, nothing is checked (its first person is added so).
    if (!account && !(await hasPeople())) return;
    if (personId === null) {
      if (masterData.has(collection))
        problems.push({
          index: row.index,
          id: row.id,
          message: `the organisation has staff accounts: a ${collection} change must name the person signed in (updatedBy)`,
        });
      continue;
    }
    if (!account) {
      problems.push({ index: row.index, id: row.id, message: `person ${personId} has no account at site ${terminal.siteId}` });
      continue;
    }
    // A document written offline stands if its person was of the site; master data needs the right now.
    if (masterData.has(collection) && !account.active)
      problems.push({ index: row.index, id: row.id, message: `${account.name}'s account at site ${terminal.siteId} is inactive` });
    else if (needed && !(await mayDo(account, needed)))
      problems.push({ index: row.index, id: row.id, message: `${account.name} lacks the permission "${needed}"` });
    else if (collection === 'documents' && isHeldDecision(row)) {
      const problem = await heldDecisionProblem(storage, row, account);
      if (problem) problems.push({ index: row.index, id: row.id, message: problem });
    }
  }
  if (problems.length > 0) throw new ForbiddenError(problems);
}
