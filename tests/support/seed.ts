// Test data through the real protocol: reference documents pushed by an HQ terminal, postings
// computed by the shared ledger rules and pushed by a terminal of the posting site — exactly
// what the app itself would upload. One `SeedSession` per endpoint keeps the ledger they share.
import { randomUUID } from 'node:crypto';
import { Ledger, postDocument } from '../../shared/domain';
import { HEADER_SCHEMA_VERSION } from '../../shared/protocol/wire';
import type { CollectionName, DocumentDoc, ProductDoc } from '../../shared/schemas';
import { currentVersion } from '../../shared/schemas/versions';
import type { EndpointProcess } from './endpoint-process';

export class SeedSession {
  readonly ledger = new Ledger();
  private readonly tokens = new Map<string, Promise<{ terminalId: string; token: string }>>();
  private readonly sitesAdded = new Set<string>();

  constructor(readonly endpoint: EndpointProcess) {}

  /** Adds the site if this session has not yet, and a seeding terminal for it. */
  async terminalOf(siteId: string, kind: 'hq' | 'kitchen' | 'store'): Promise<{ terminalId: string; token: string }> {
    if (!this.sitesAdded.has(siteId)) {
      this.sitesAdded.add(siteId);
      await this.endpoint.admin('site', 'add', '--id', siteId, '--kind', kind, '--name', siteId).catch(() => '');
    }
    let terminal = this.tokens.get(siteId);
    if (!terminal) {
      terminal = this.endpoint.addTerminal(siteId, `seed ${siteId}`);
      this.tokens.set(siteId, terminal);
    }
    return terminal;
  }

  async push(siteId: string, kind: 'hq' | 'kitchen' | 'store', collection: CollectionName, docs: readonly unknown[]): Promise<void> {
    if (docs.length === 0) return;
    const { token } = await this.terminalOf(siteId, kind);
    const response = await fetch(`${this.endpoint.url}/api/v1/sync/${collection}/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        // The current version, as the app sends it: a push without it would be read as the oldest.
        [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)),
      },
      body: JSON.stringify(docs.map((doc) => ({ assumedMasterState: null, newDocumentState: { ...(doc as object), _deleted: false } }))),
    });
    const body = (await response.json()) as { conflicts?: unknown[]; error?: string; details?: unknown };
    if (!response.ok) throw new Error(`seed push of ${collection} as ${siteId} refused: ${response.status} ${JSON.stringify(body)}`);
  }

  /** Products (and anything else HQ writes) pushed as an HQ terminal. */
  async products(products: readonly ProductDoc[]): Promise<void> {
    for (const product of products) this.ledger.upsertProduct(product);
    await this.push('hq', 'hq', 'products', products);
  }

  /** Posts a document by the shared rules and pushes all it wrote as its site. */
  async post(document: DocumentDoc, siteKind: 'hq' | 'kitchen' | 'store'): Promise<ReturnType<typeof postDocument> & { ok: true }> {
    const { terminalId } = await this.terminalOf(document.siteId, siteKind);
    const outcome = postDocument({ ...document, terminalId }, this.ledger);
    if (!outcome.ok) throw outcome.error;
    const { result } = outcome;
    this.ledger.commit(result);
    await this.push(document.siteId, siteKind, 'batches', result.batches);
    await this.push(document.siteId, siteKind, 'movements', result.movements);
    await this.push(document.siteId, siteKind, 'journal', result.journal);
    await this.push(document.siteId, siteKind, 'events', result.events);
    await this.push(document.siteId, siteKind, 'documents', [result.document]);
    return outcome;
  }
}

const at = () => new Date().toISOString();

export function testProduct(id: string, fields: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id,
    sku: id.toUpperCase().slice(0, 32),
    name: id,
    baseUnit: 'g',
    packs: [],
    barcodes: [],
    category: 'general',
    perishable: false,
    nearExpiryDays: 2,
    storageClass: 'ambient',
    active: true,
    updatedAt: at(),
    ...fields,
  };
}

/** A goods-receipt document (draft) for one or more new batches. */
export function goodsReceipt(
  siteId: string,
  lines: { productId: string; qty: number; unitCost: number; lotCode: string; expiryDate?: string; certificateHashes?: string[] }[],
): DocumentDoc {
  const now = at();
  return {
    id: randomUUID(),
    type: 'goods-receipt',
    siteId,
    number: `RK-TEST-${Math.floor(Math.random() * 1e6)}`,
    status: 'draft',
    businessDate: now.slice(0, 10),
    at: now,
    terminalId: 'seed',
    partnerId: 'supplier-test',
    lines: lines.map((line) => ({ batchId: randomUUID(), ...line })),
    updatedAt: now,
  } as DocumentDoc;
}
