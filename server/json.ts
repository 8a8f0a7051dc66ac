// JSON as it crosses the wire is typed once, in shared/protocol (both sides import it); this
// module only adds what the storage adapters need on top.
import { isJsonObject, type JsonObject } from '../shared/protocol/wire.js';

export { isJsonObject, type JsonObject, type JsonValue } from '../shared/protocol/wire.js';

/** Parses a stored body; rows are written by this process only, so a failure is corruption. */
export function parseStoredBody(text: string): JsonObject {
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed)) throw new Error('stored document is not an object');
  return parsed;
}
