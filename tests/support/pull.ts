// Reads a collection from the endpoint through the protocol, as a terminal of `token` may see it
// in the current schema version (a pull without the header reads the oldest supported one).
import { HEADER_SCHEMA_VERSION } from '../../shared/protocol/wire';
import type { CollectionName } from '../../shared/schemas';
import { currentVersion } from '../../shared/schemas/versions';

async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      // undici may reuse a keep-alive socket the server has just closed ("other side closed");
      // the app's own transport retries such failures too (renderer/db/replication/transport.ts).
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function pullAll<T>(endpointUrl: string, token: string, collection: CollectionName): Promise<T[]> {
  const all: T[] = [];
  let checkpoint: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(checkpoint ? { checkpoint } : {}) });
    const response = await fetchRetrying(`${endpointUrl}/api/v1/sync/${collection}/pull?${query}`, {
      headers: { authorization: `Bearer ${token}`, [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)) },
    });
    if (!response.ok) throw new Error(`pull ${collection}: ${response.status}`);
    const body = (await response.json()) as { documents: T[]; checkpoint: string };
    all.push(...body.documents);
    if (body.documents.length < 1000) return all;
    checkpoint = body.checkpoint;
  }
}
