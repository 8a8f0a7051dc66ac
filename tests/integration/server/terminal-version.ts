// Which schema version a test terminal speaks, as the headers it sends.
import { formatSchemaVersions } from '../../../shared/protocol/schema-versions';
import { HEADER_SCHEMA_VERSION, HEADER_SCHEMA_VERSIONS } from '../../../shared/protocol/wire';
import { collectionNames, type CollectionName } from '../../../shared/schemas/index';
import { currentVersion } from '../../../shared/schemas/versions';

/**
 * The schema version a test terminal speaks: `current` (what the app sends today), a fixed
 * version for every collection, or `null` to send no header (an old v1-protocol terminal).
 */
export type TerminalVersion = 'current' | number | null;

export function versionHeader(collection: string, version: TerminalVersion): Record<string, string> {
  if (version === null) return {};
  const known = (collectionNames as readonly string[]).includes(collection);
  if (version === 'current') return known ? { [HEADER_SCHEMA_VERSION]: String(currentVersion(collection as CollectionName)) } : {};
  return { [HEADER_SCHEMA_VERSION]: String(version) };
}

/** `x-schema-versions` for a stream of a terminal speaking `version` in every collection. */
export function streamVersionsHeader(version: TerminalVersion): Record<string, string> {
  if (version === null) return {};
  const versions = Object.fromEntries(collectionNames.map((c) => [c, version === 'current' ? currentVersion(c) : version]));
  return { [HEADER_SCHEMA_VERSIONS]: formatSchemaVersions(versions) };
}
