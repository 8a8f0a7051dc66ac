// Per-request schema versions (SYNC-PROTOCOL.md, "Schema evolution"): which version a request
// speaks, which versions the endpoint still supports, and what `GET /schemas` says about them.
import { parseSchemaVersion, parseSchemaVersions } from '../shared/protocol/schema-versions.js';
import type { SchemaVersionsInfo } from '../shared/protocol/wire.js';
import { collectionNames, collectionSchemas, type CollectionName } from '../shared/schemas/index.js';
import { currentVersion, schemaAtVersion } from '../shared/schemas/versions.js';
import { isCollectionName } from './collections.js';
import { BadRequestError, ConfigError, SchemaMismatchError, UpgradeRequiredError } from './errors.js';

export type VersionMap = Readonly<Record<CollectionName, number>>;

/**
 * `LARDER_MIN_SCHEMA=<collection>=<n>,…`: the oldest version each collection still accepts (0,
 * every released version, unless raised). Read once at start-up; a typo must stop the endpoint
 * rather than silently keep old terminals writing.
 */
export function parseMinSchema(text: string | undefined): VersionMap {
  const min = Object.fromEntries(collectionNames.map((c) => [c, 0])) as Record<CollectionName, number>;
  if (text === undefined || text.trim() === '') return min;
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const match = /^([^=\s]+)\s*=\s*(\d{1,9})$/.exec(entry);
    if (!match) throw new ConfigError(`LARDER_MIN_SCHEMA: "${entry}" is not <collection>=<version> (e.g. documents=1)`);
    const [, name = '', digits = ''] = match;
    if (!isCollectionName(name))
      throw new ConfigError(`LARDER_MIN_SCHEMA: no collection named "${name}" (known: ${collectionNames.join(', ')})`);
    const n = Number(digits);
    const current = currentVersion(name);
    if (n > current)
      throw new ConfigError(`LARDER_MIN_SCHEMA: ${name}=${n} is above ${name}'s current version ${current}; the minimum cannot exceed it`);
    min[name] = n;
  }
  return min;
}

interface FieldNode {
  properties?: Readonly<Record<string, FieldNode>>;
  items?: FieldNode;
}

/** The declared field names of a schema, nested, as one comparable string. */
function fieldTree(node: FieldNode | undefined): string {
  if (!node) return '';
  const props = node.properties
    ? `{${Object.keys(node.properties)
        .sort()
        .map((key) => `${key}:${fieldTree(node.properties?.[key])}`)
        .join(',')}}`
    : '';
  return node.items ? `${props}[${fieldTree(node.items)}]` : props;
}

export class SchemaVersions {
  /** Versions whose projection leaves every stored document as it is (the same fields). */
  private readonly identity = new Set<string>();

  constructor(readonly min: VersionMap) {
    for (const c of collectionNames) {
      const current = currentVersion(c);
      const fields = fieldTree(collectionSchemas[c] as FieldNode);
      for (let n = 0; n <= current; n++) {
        if (fieldTree(schemaAtVersion(c, n) as FieldNode) === fields) this.identity.add(`${c}@${n}`);
      }
    }
  }

  current(collection: CollectionName): number {
    return currentVersion(collection);
  }

  /**
   * Whether a document stored in the current shape reads the same at `version`: then pull can
   * splice the stored JSON as it is. Movements v0 → v1 only opened enums, so a terminal still on
   * v0 keeps the fast path of an initial sync of 100,000 movements.
   */
  projectsAsStored(collection: CollectionName, version: number): boolean {
    return this.identity.has(`${collection}@${version}`);
  }

  /** `x-schema-version` as sent; null when absent. A malformed one is the protocol's 400. */
  parseHeader(header: string | readonly string[] | undefined): number | null {
    const parsed = parseSchemaVersion(header);
    if (parsed === 'malformed')
      throw new BadRequestError('x-schema-version must be a non-negative integer (the collection schema version)');
    return parsed;
  }

  /** The version a pull is answered in: absent means the oldest supported; newer terminals read the current one. */
  forRead(collection: CollectionName, terminal: number | null): number {
    const min = this.min[collection];
    if (terminal === null) return min;
    if (terminal < min) throw new UpgradeRequiredError(collection, terminal, min);
    return Math.min(terminal, currentVersion(collection));
  }

  /** The version a push is validated in; a terminal newer than the server may not write. */
  forWrite(collection: CollectionName, terminal: number | null): number {
    const min = this.min[collection];
    if (terminal === null) return min;
    if (terminal < min) throw new UpgradeRequiredError(collection, terminal, min);
    const current = currentVersion(collection);
    if (terminal > current) throw new SchemaMismatchError(collection, terminal, current);
    return terminal;
  }

  /** The stream's `x-schema-versions`: one version per collection, each read like a pull's. */
  forStream(header: string | readonly string[] | undefined): VersionMap {
    const parsed = parseSchemaVersions(header);
    if (parsed === 'malformed')
      throw new BadRequestError('x-schema-versions must read <collection>=<version>,… (e.g. documents=1,movements=1)');
    return Object.fromEntries(collectionNames.map((c) => [c, this.forRead(c, parsed[c] ?? null)])) as Record<CollectionName, number>;
  }

  /** `GET /api/v1/schemas`: v1's shape, each current schema carrying every supported version. */
  schemasAnswer(): Record<CollectionName, object> {
    return Object.fromEntries(
      collectionNames.map((c) => {
        const versions: SchemaVersionsInfo['versions'] = {};
        for (let n = this.min[c]; n <= currentVersion(c); n++) versions[String(n)] = schemaAtVersion(c, n);
        const info: SchemaVersionsInfo = { min: this.min[c], versions };
        return [c, { ...collectionSchemas[c], 'x-larder': info }];
      }),
    ) as Record<CollectionName, object>;
  }
}
