// Rules that run by themselves while the app is open, as commands like any other write: the
// certificate hold (uncertified supplier batches go to QC pending when the site's policy says so)
// and the once-a-day near-expiry notice. They used to be written from React effects of the
// screens that happened to be open; here they run on a schedule, whatever screen is shown, and
// each is idempotent (the notice's event id derives from site and date, the hold finds nothing
// more to hold), so two tabs or two terminals running them change nothing twice.
import type { ExpiryNotice } from '../../shared/ops';
import { holdableDocumentTypes } from '../../shared/domain';
import { currentCommandSession, runCommand, type CommandSession } from './commands';
import { LedgerWriteConflictError } from './posting';
import type { LocalLedger } from './local-ledger';

/** Wait for the ledger to settle (an initial pull arrives in bursts) before judging the day. */
const SETTLE_MS = 3_000;
/** An app left open overnight checks again after the date changes. */
const RECHECK_MS = 30 * 60_000;

export interface BackgroundRulesOptions {
  /** Tells the person about today's notice (a desktop notification); called once per site and day. */
  notify(notice: ExpiryNotice): void;
  /** Tells the person how many batches the certificate rule just put on hold. */
  held?(count: number): void;
  /** A rule that failed: logged, never shown as a screen error (no screen asked for it). */
  onError?(error: unknown): void;
}

/**
 * Posts (or closes) this site's held documents whose last decision came from HQ: HQ cannot write
 * another site's document, so its approval, addressed here, is carried out by this site's terminal.
 */
async function settleDecidedElsewhere(session: CommandSession, onError: (error: unknown) => void): Promise<void> {
  // This runs after every burst of ledger changes: ask first for the site's held documents, by the
  // (siteId, type) index — almost always none — before looking for decisions on them.
  const held = await session.db.documents
    .find({ selector: { siteId: session.siteId, type: { $in: [...holdableDocumentTypes] }, status: 'submitted' } })
    .exec();
  if (held.length === 0) return;
  const decided = await session.db.documents
    .find({ selector: { type: 'approval', toSiteId: session.siteId, subjectDocId: { $in: held.map((doc) => doc.id) } } })
    .exec();
  for (const documentId of new Set(decided.map((doc) => doc.subjectDocId ?? ''))) {
    // One that cannot post now (its stock went meanwhile) stays held; the others go on.
    if (documentId) await runCommand(session, 'approval.apply', { documentId }).catch(onError);
  }
}

export function startBackgroundRules(ledger: LocalLedger, options: BackgroundRulesOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  const raised = new Set<string>();

  const runRules = async () => {
    const session = currentCommandSession();
    // HQ holds no stock of its own; its terminals see the sites' boards instead.
    if (!session || session.ledger !== ledger || session.siteKind === 'hq' || running) return;
    running = true;
    try {
      const hold = await runCommand(session, 'batch.hold-uncertified', {});
      if (hold.result.held > 0) options.held?.(hold.result.held);
      const { result } = await runCommand(session, 'expiry.notice', {});
      if (result.raised && !raised.has(result.notice.key)) {
        raised.add(result.notice.key);
        options.notify(result.notice);
      }
      await settleDecidedElsewhere(session, options.onError ?? console.error);
    } catch (error) {
      // Another tab of this terminal wrote today's notice a moment ago: that one notified.
      if (!(error instanceof LedgerWriteConflictError)) (options.onError ?? console.error)(error);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runRules(), SETTLE_MS);
  };

  const subscription = ledger.changes$.subscribe(schedule);
  const recheck = setInterval(schedule, RECHECK_MS);
  return () => {
    subscription.unsubscribe();
    clearInterval(recheck);
    if (timer) clearTimeout(timer);
  };
}
