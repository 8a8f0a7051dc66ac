// The end-of-run oracle: heal, wait for quiet, then hold the server and every terminal to the
// record of what terminals stored. The server's view is read by pull with an HQ "auditor" token
// straight from the endpoint (no proxy) at the current schema versions, so it is exactly what the
// protocol serves; a terminal of the first release must hold it as projected to version 0.
import { Ledger, positionKey, recomputePositions } from '../../shared/domain';
import { HEADER_SCHEMA_VERSION, type JsonObject } from '../../shared/protocol/wire';
import type { MovementDoc } from '../../shared/schemas';
import { currentVersion, declaresMoreFields, projectToVersion } from '../../shared/schemas/versions';
import type { StockPosition } from '../../shared/domain/ledger-view';
import { sleep } from './rng';
import { canonical, type ChaosStatus, type DumpChanges } from './terminal-protocol';
import type { ChaosTerminal } from './terminals';
import type { World } from './world';

interface ServerDoc {
  seq: number;
  content: string;
  siteId: string;
  toSiteId: string | null;
  doc: Record<string, unknown>;
  /** `content` as a first-release terminal reads it (computed when first asked). */
  contentAtV0?: string;
}

type Audited = 'movements' | 'documents';
const AUDITED: Audited[] = ['movements', 'documents'];

export class Auditor {
  readonly docs: Record<Audited, Map<string, ServerDoc>> = { movements: new Map(), documents: new Map() };
  private readonly checkpoints: Record<Audited, string | undefined> = { movements: undefined, documents: undefined };
  /** Movement ids the server served at two sequences (an append-only row written twice) or twice in a page. */
  readonly doubled = new Set<string>();
  private order = 0;
  /** What each site may read (its own and addressed to it), kept as documents arrive. */
  private readonly bySite: Record<Audited, Map<string, Map<string, ServerDoc>>> = { movements: new Map(), documents: new Map() };

  constructor(private readonly world: World) {}

  /** Pulls what is new since the last refresh; false when the endpoint did not answer. */
  async refresh(): Promise<boolean> {
    for (const collection of AUDITED) {
      for (let page = 0; page < 1000; page++) {
        const query = new URLSearchParams({ limit: '1000' });
        const checkpoint = this.checkpoints[collection];
        if (checkpoint) query.set('checkpoint', checkpoint);
        let body: { documents: Record<string, unknown>[]; checkpoint: string };
        try {
          // Without the header the endpoint serves the oldest version: the auditor reads the current one.
          const res = await fetch(`${this.world.url}/api/v1/sync/${collection}/pull?${query}`, {
            headers: { authorization: `Bearer ${this.world.auditorToken}`, [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)) },
          });
          // A restored endpoint (restore.ts): its content is read again from the start.
          if (res.status === 409 && ((await res.json()) as { error?: string }).error === 'epoch-changed') {
            this.forget();
            return false;
          }
          if (!res.ok) return false;
          body = (await res.json()) as typeof body;
        } catch {
          return false;
        }
        const seen = new Set<string>();
        body.documents.forEach((doc) => {
          const id = String(doc.id);
          const seq = ++this.order; // arrival order of the pull = server sequence order
          const before = this.docs[collection].get(id);
          if (collection === 'movements' && (seen.has(id) || before)) this.doubled.add(id);
          seen.add(id);
          const stored: ServerDoc = {
            seq: before?.seq ?? seq,
            content: canonical(doc),
            siteId: String(doc.siteId),
            toSiteId: typeof doc.toSiteId === 'string' ? doc.toSiteId : null,
            doc,
          };
          this.docs[collection].set(id, stored);
          if (before) for (const site of [before.siteId, before.toSiteId]) if (site) this.bySite[collection].get(site)?.delete(id);
          for (const site of [stored.siteId, stored.toSiteId]) {
            if (!site) continue;
            let readable = this.bySite[collection].get(site);
            if (!readable) this.bySite[collection].set(site, (readable = new Map()));
            readable.set(id, stored);
          }
        });
        this.checkpoints[collection] = body.checkpoint;
        if (body.documents.length < 1000) break;
      }
    }
    return true;
  }

  /** Drops the view of the endpoint's content; movements found doubled before stay recorded. */
  private forget(): void {
    for (const collection of AUDITED) {
      this.docs[collection].clear();
      this.bySite[collection].clear();
      this.checkpoints[collection] = undefined;
    }
  }

  /** What `t` must hold for `d`: the endpoint's copy as `t`'s release reads it. */
  expectedContent(t: ChaosTerminal, collection: Audited, d: ServerDoc): string {
    if (t.release !== 'v0') return d.content;
    const current = currentVersion(collection);
    if (!declaresMoreFields(collection, 0, current)) return d.content;
    return (d.contentAtV0 ??= canonical(projectToVersion(collection, d.doc as JsonObject, 0)));
  }

  /** Documents `t` may read whose v0 projection leaves something out: what a v0 terminal holds short. */
  shortAtV0(t: ChaosTerminal): Set<string> {
    const out = new Set<string>();
    for (const [id, d] of this.readableBy(t, 'documents')) {
      const projected = (d.contentAtV0 ??= canonical(projectToVersion('documents', d.doc as JsonObject, 0)));
      if (projected !== d.content) out.add(id);
    }
    return out;
  }

  /** Read-only view: HQ reads everything, a site what it wrote or was sent. */
  readableBy(t: ChaosTerminal, collection: Audited): ReadonlyMap<string, ServerDoc> {
    if (t.siteKind === 'hq') return this.docs[collection];
    return this.bySite[collection].get(t.siteId) ?? new Map();
  }
}

/**
 * Each terminal's stored documents as last reported, kept current from `dumpChanges` (a full
 * dump after the terminal (re)started, only what changed otherwise): reading every document of
 * every terminal after every run made a long session quadratic.
 */
export class Mirrors {
  private readonly byTerminal = new Map<string, Record<Audited, Map<string, string>>>();

  async refresh(t: ChaosTerminal): Promise<Record<Audited, Map<string, string>>> {
    const answer = await t.run<DumpChanges>({ op: 'dumpChanges', collections: AUDITED });
    let mirror = this.byTerminal.get(t.label);
    if (!mirror || answer.full) this.byTerminal.set(t.label, (mirror = { movements: new Map(), documents: new Map() }));
    for (const collection of AUDITED) {
      for (const [id, content] of answer.changes[collection] ?? []) {
        if (content === null) mirror[collection].delete(id);
        else mirror[collection].set(id, content);
      }
    }
    return mirror;
  }
}

export interface Findings {
  lost: Set<string>;
  doubled: Set<string>;
  diverged: Set<string>;
  notes: string[];
}

const samePositions = (a: readonly StockPosition[], b: Map<string, StockPosition>): string | null => {
  const mine = new Map(a.filter((p) => Math.abs(p.qty) > 1e-9 || Math.abs(p.value) > 1e-6).map((p) => [positionKey(p), p]));
  const theirs = [...b.values()].filter((p) => Math.abs(p.qty) > 1e-9 || Math.abs(p.value) > 1e-6);
  if (mine.size !== theirs.length) return `${mine.size} positions vs ${theirs.length} recomputed`;
  for (const p of theirs) {
    const q = mine.get(positionKey(p));
    if (!q || Math.abs(q.qty - p.qty) > 1e-6 || Math.abs(q.value - p.value) > 1e-4)
      return `${positionKey(p).split(String.fromCharCode(0)).join('/')}: ${q?.qty} vs ${p.qty}`;
  }
  return null;
};

async function quiet(world: World, auditor: Auditor): Promise<boolean> {
  if (!(await auditor.refresh())) return false;
  for (const t of world.terminals) {
    // pendingUploads is not required to reach 0: after a kill -9 mid-push it can stay up for
    // documents the endpoint already has (reported separately); the content check is the truth.
    const [movements, documents] = await t.run<number[]>({ op: 'counts', collections: AUDITED });
    if (movements !== auditor.readableBy(t, 'movements').size || documents !== auditor.readableBy(t, 'documents').size) return false;
  }
  return true;
}

/** Where two canonical texts part, with a little of each around it (the whole texts say less). */
function whereDiffer(mine: string, server: string): string {
  let at = 0;
  while (at < mine.length && mine[at] === server[at]) at++;
  const from = Math.max(0, at - 60);
  return `…${mine.slice(from, at + 100)} vs server …${server.slice(from, at + 100)}`;
}

/** Compares everything; adds what is wrong to `findings` (keys are stable, so a repeat is not counted twice). */
async function compare(
  world: World,
  auditor: Auditor,
  mirrors: Mirrors,
  findings: Findings,
  run: number,
  final: boolean,
): Promise<boolean> {
  let ok = true;
  const flag = (set: Set<string>, key: string, note: string) => {
    // A problem already recorded in an earlier run does not keep later runs from settling.
    if (set.has(key)) return;
    ok = false;
    if (!final) return;
    set.add(key);
    findings.notes.push(`run ${run}: ${note}`);
  };
  for (const [id, s] of world.stored) {
    const server = auditor.docs.movements.get(id);
    if (!server) flag(findings.lost, id, `movement ${id} (stored by ${s.terminal} in run ${s.run}) missing on the server`);
    else if (server.content !== s.content)
      flag(findings.diverged, `server/${id}`, `movement ${id} differs on the server from what ${s.terminal} stored`);
  }
  for (const id of auditor.doubled) flag(findings.doubled, id, `movement ${id} served twice by the endpoint`);
  for (const t of world.terminals) {
    const mirror = await mirrors.refresh(t);
    // An upgraded terminal holds the v1 fields of what it pulled as v0 projections before its
    // upgrade (a dispatch's requestIds, lines' pack units), not those projections.
    const keptShort = new Set<string>();
    for (const id of world.upgrades.get(t.label)?.shortAtV0 ?? []) {
      const d = auditor.readableBy(t, 'documents').get(id);
      const mine = mirror.documents.get(id);
      if (!d || mine === undefined || mine === d.content) continue;
      keptShort.add(id);
      const note = `upgraded ${t.label} still holds document ${id} as pulled before its upgrade: ${whereDiffer(mine, d.content)}`;
      flag(findings.diverged, `${t.label}/${id}`, note);
    }
    for (const collection of AUDITED) {
      const expected = auditor.readableBy(t, collection);
      const local = mirror[collection];
      for (const [id, d] of expected) {
        const mine = local.get(id);
        // Every document equals the endpoint's copy projected to the version this terminal speaks.
        const wanted = auditor.expectedContent(t, collection, d);
        if (mine === undefined) {
          if (collection === 'movements') flag(findings.lost, `${t.label}/${id}`, `movement ${id} missing on ${t.label}`);
          else flag(findings.diverged, `${t.label}/${id}`, `document ${id} missing on ${t.label}`);
        } else if (mine !== wanted && !(collection === 'documents' && keptShort.has(id)))
          flag(
            findings.diverged,
            `${t.label}/${id}`,
            `${collection} ${id} differs on ${t.label} (${t.release}): ${whereDiffer(mine, wanted)}`,
          );
      }
      for (const id of local.keys()) {
        if (!expected.has(id))
          flag(findings.diverged, `${t.label}/extra/${id}`, `${collection} ${id} on ${t.label} but not readable from the server`);
      }
    }
    // Invariant 1: the terminal's incremental projection equals a recompute over what it may read.
    const readable = [...auditor.readableBy(t, 'movements').values()].map((d) => d.doc as unknown as MovementDoc);
    const why = samePositions(await t.run<StockPosition[]>({ op: 'positions' }), recomputePositions(readable));
    if (why) flag(findings.diverged, `${t.label}/ledger`, `ledger projection on ${t.label} differs from a recompute: ${why}`);
  }
  // The server's own ledger, folded in server order and recomputed, must agree as well.
  const all = [...auditor.docs.movements.values()].sort((a, b) => a.seq - b.seq).map((d) => d.doc as unknown as MovementDoc);
  const why = samePositions(Ledger.fromMovements({}, all).positions(), recomputePositions(all));
  if (why) flag(findings.diverged, 'server/ledger', `server ledger differs from a recompute: ${why}`);
  return ok;
}

/** Waits (bounded) for quiet and convergence, then records what is still wrong. */
export async function settleAndCheck(
  world: World,
  auditor: Auditor,
  mirrors: Mirrors,
  findings: Findings,
  run: number,
  timeoutMs: number,
): Promise<{ settledMs: number }> {
  const started = Date.now();
  for (let i = 0; Date.now() - started < timeoutMs && i < 2000; i++) {
    if ((await quiet(world, auditor)) && (await compare(world, auditor, mirrors, findings, run, false)))
      return { settledMs: Date.now() - started };
    await sleep(100);
  }
  await auditor.refresh();
  await compare(world, auditor, mirrors, findings, run, true);
  return { settledMs: Date.now() - started };
}

/** Terminals whose pending-upload indicator stays above 0 although everything converged. */
export async function stuckIndicators(world: World): Promise<string[]> {
  const out: string[] = [];
  for (const t of world.terminals) {
    const status = await t.run<ChaosStatus>({ op: 'status' });
    // What the terminal's own indicator says, so a stuck terminal tells why (offline? an error? sync never started?).
    if (status.pendingUploads > 0 || status.refused > 0) {
      const refused = status.refused > 0 ? `, ${status.refused} refused, first ${status.firstRefused ?? '?'}` : '';
      out.push(
        `${t.label}:${status.pendingUploads} (${status.syncing ? status.connectivity : 'sync not started'}${status.error ? `, error: ${status.error}` : ''}${refused})`,
      );
    }
  }
  return out;
}
