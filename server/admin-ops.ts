import type { CollectionName } from '../shared/schemas/index.js';
import { currentVersion, needsLinkResolver, upgradeFromVersion } from '../shared/schemas/versions.js';
import { isCollectionName, normalizeDoc, Validators } from './collections.js';
import { isIanaTimeZone } from '../shared/domain/site-time.js';
import { AdminError } from './errors.js';
import { isJsonObject, type JsonObject } from './json.js';
import { PrefetchedLinks } from './links.js';
import type { DocWrite, SiteKind, SiteRow, Storage, StoredDoc } from './storage/types.js';
import { hashToken, newTerminalId, newToken } from './tokens.js';

export const siteKinds: readonly SiteKind[] = ['hq', 'kitchen', 'store'];

function isSiteKind(kind: string): kind is SiteKind {
  return (siteKinds as readonly string[]).includes(kind);
}

/** The `sites` document a terminal pulls for an admin-managed site (shape of shared/schemas/sites.ts). */
export function siteDocument(site: SiteRow, now = new Date(), timeZone?: string): JsonObject {
  return {
    id: site.id,
    code: site.id.slice(0, 32),
    name: site.name,
    kind: site.kind,
    ...(timeZone === undefined ? {} : { timeZone }),
    active: true,
    updatedAt: now.toISOString(),
    _deleted: false,
  };
}

function checkedName(what: 'site' | 'terminal', raw: string): string {
  const name = raw.trim();
  if (name === '' || name.length > 200) throw new AdminError(`a ${what} name is 1–200 characters`, 'name');
  return name;
}

function checkedZone(zone: string): string {
  if (!isIanaTimeZone(zone))
    throw new AdminError(`${JSON.stringify(zone.slice(0, 64))} is not an IANA time zone (e.g. Asia/Shanghai)`, 'timeZone');
  return zone;
}

function toWrite(collection: CollectionName, doc: JsonObject): DocWrite {
  const normalized = normalizeDoc(doc);
  const str = (k: string) => (typeof normalized[k] === 'string' ? (normalized[k] as string) : null);
  const id = str('id');
  if (id === null) throw new AdminError(`a ${collection} document has no string id`);
  return { id, siteId: str('siteId'), toSiteId: str('toSiteId'), deleted: normalized._deleted === true, doc: normalized };
}

/** Adds a site to the server table and mirrors it as a `sites` document with its own sequence. */
export async function addSite(storage: Storage, site: { id: string; kind: string; name: string; timeZone?: string }): Promise<SiteRow> {
  const id = site.id.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id)) throw new AdminError('a site id is 1–64 letters, digits, "_", "." or "-"', 'id');
  if (!isSiteKind(site.kind))
    throw new AdminError(`a site kind is one of ${siteKinds.join(', ')}, not ${JSON.stringify(site.kind)}`, 'kind');
  const name = checkedName('site', site.name);
  const timeZone = site.timeZone === undefined ? undefined : checkedZone(site.timeZone);
  if (await storage.getSite(id)) throw new AdminError(`site ${id} already exists`, 'id', 'exists');
  const row: SiteRow = { id, kind: site.kind, name };
  const doc = siteDocument(row, new Date(), timeZone);
  const invalid = new Validators().validate('sites', doc);
  if (invalid) throw new AdminError(`the sites schema refuses the mirror document: ${invalid}`);
  await storage.addSite(row, toWrite('sites', doc));
  return row;
}

/**
 * Renames a site and sets its zone: the server's row and the `sites` document every terminal
 * pulls, whose other fields (scale layouts, address, …) stay as HQ last wrote them.
 */
export async function updateSite(
  storage: Storage,
  id: string,
  change: { name: string; timeZone: string },
): Promise<SiteRow & { timeZone: string }> {
  const site = await storage.getSite(id);
  if (!site) throw new AdminError(`no site ${id}`, 'id', 'unknown');
  const name = checkedName('site', change.name);
  const timeZone = checkedZone(change.timeZone);
  const [stored] = await storage.getDocuments('sites', [id]);
  const row: SiteRow = { ...site, name };
  const doc: JsonObject = { ...(stored?.doc ?? siteDocument(row)), name, timeZone, updatedAt: new Date().toISOString(), _deleted: false };
  const invalid = new Validators().validate('sites', doc);
  if (invalid) throw new AdminError(`the sites schema refuses the mirror document: ${invalid}`);
  if (!(await storage.updateSite(row, toWrite('sites', doc)))) throw new AdminError(`no site ${id}`, 'id', 'unknown');
  return { ...row, timeZone };
}

/** Issues a token; only its hash is stored, so this is the one time it can be shown. */
export async function addTerminal(storage: Storage, t: { siteId: string; name: string }): Promise<{ terminalId: string; token: string }> {
  const site = await storage.getSite(t.siteId);
  if (!site)
    throw new AdminError(`no site ${t.siteId}; add it first with: admin site add --id ${t.siteId} --kind … --name …`, 'siteId', 'unknown');
  const name = checkedName('terminal', t.name);
  const terminalId = newTerminalId();
  const token = newToken();
  await storage.addTerminal({ id: terminalId, siteId: site.id, name, tokenHash: hashToken(token) });
  return { terminalId, token };
}

export async function revokeTerminal(storage: Storage, terminalId: string): Promise<void> {
  if (!(await storage.revokeTerminal(terminalId))) throw new AdminError(`no terminal ${terminalId}`, 'terminalId', 'unknown');
}

export async function renameTerminal(storage: Storage, terminalId: string, rawName: string): Promise<void> {
  const name = checkedName('terminal', rawName);
  if (!(await storage.renameTerminal(terminalId, name))) throw new AdminError(`no terminal ${terminalId}`, 'terminalId', 'unknown');
}

/**
 * Writes documents directly (demo data, migrations), each validated with the shared schema and
 * given a new server sequence, so terminals pull them like any push. No scoping: the caller is
 * the operator. Seeds may still carry v0's note tags for links (the demo data did): they are
 * stored in the current shape, like a v0 terminal's push, with request numbers resolved among
 * the stored requests and the seed's own.
 */
export async function seedDocuments(storage: Storage, collection: string, docs: readonly unknown[]): Promise<StoredDoc[]> {
  if (!isCollectionName(collection)) throw new AdminError(`no collection ${collection}`);
  const validators = new Validators();
  const objects = docs.map((doc, i) => {
    if (!isJsonObject(doc)) throw new AdminError(`${collection}[${i}] is not an object`);
    const invalid = validators.validate(collection, doc);
    if (invalid) throw new AdminError(`${collection}[${i}] (${String(doc.id)}): ${invalid}`);
    return doc;
  });
  const current = currentVersion(collection);
  const links = needsLinkResolver(collection, 0, current) ? await new PrefetchedLinks().loadRequestIds(storage, objects, objects) : null;
  const writes = objects.map((doc, i) => {
    if (!links) return toWrite(collection, doc);
    const upgraded = upgradeFromVersion(collection, doc, 0, links);
    const invalid = validators.validate(collection, upgraded);
    if (invalid) throw new AdminError(`${collection}[${i}] (${String(doc.id)}) once its note tags became fields: ${invalid}`);
    return toWrite(collection, upgraded);
  });
  return storage.putDocuments(collection, writes);
}
