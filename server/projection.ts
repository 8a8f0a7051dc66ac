// Documents as a terminal of an older schema version reads them (SYNC-PROTOCOL.md, "Schema
// evolution": pulled and streamed documents are projected to the terminal's version).
import type { CollectionName } from '../shared/schemas/index.js';
import { projectToVersion } from '../shared/schemas/versions.js';
import { parseStoredBody, type JsonObject } from './json.js';
import type { Storage } from './storage/types.js';
import type { SchemaVersions } from './versions.js';

/**
 * A pull page's documents as the JSON text of the answer's array items. When the terminal's
 * version reads stored documents as they are, the stored texts are spliced in unparsed: that is
 * the initial sync's critical path (commit 82755f4).
 */
export async function pageDocumentsJson(
  storage: Storage,
  versions: SchemaVersions,
  collection: CollectionName,
  version: number,
  bodies: readonly string[],
): Promise<string> {
  if (versions.projectsAsStored(collection, version)) return bodies.join(',');
  return bodies.map((body) => JSON.stringify(projectToVersion(collection, parseStoredBody(body), version))).join(',');
}

/**
 * One committed group of documents of one collection, serialised at most once per schema version
 * whatever the number of stream clients reading it (SYNC-PROTOCOL.md, Live stream).
 */
export class GroupEncoder {
  private readonly byVersion = new Map<number, (string | undefined)[]>();

  constructor(
    private readonly collection: CollectionName,
    private readonly docs: readonly JsonObject[],
    private readonly versions: SchemaVersions,
  ) {}

  /** The JSON text of document `index` at `version`. */
  json(index: number, version: number): string {
    let texts = this.byVersion.get(version);
    if (!texts) {
      texts = [];
      this.byVersion.set(version, texts);
    }
    let text = texts[index];
    if (text === undefined) {
      const doc = this.docs[index]!;
      text = JSON.stringify(
        this.versions.projectsAsStored(this.collection, version) ? doc : projectToVersion(this.collection, doc, version),
      );
      texts[index] = text;
    }
    return text;
  }
}
