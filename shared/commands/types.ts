// Commands are the one write path (ARCHITECTURE.md, "How the rooms grow"): each business write is
// a named, pure function from a typed input and a read-only context to the records to write, or to
// a document to post. Every rule is checked here, in shared/, so the terminal, tests and any later
// process run the same ones; renderer/db/commands.ts is the one executor that stamps, guards and
// writes. A refusal is a thrown DomainError naming the field, batch or quantity.
import type { LedgerView, StockPosition } from '../domain';
import type {
  BatchDoc,
  ConfigDoc,
  DocumentDoc,
  DocumentType,
  EventDoc,
  PartnerDoc,
  PersonDoc,
  ProductDoc,
  SiteDoc,
  SiteKind,
} from '../schemas';

/** Prefixes of the printed document numbers (单号), one per kind of paper. */
export type NumberPrefix =
  | 'PS' // dispatch 配送单
  | 'DB' // transfer 调拨单
  | 'YH' // store request 要货单
  | 'SH' // store receipt 收货单
  | 'SC' // production run 生产单
  | 'P' // production lot code
  | 'XS' // sale
  | 'XH' // consumption
  | 'BS' // waste 报损单
  | 'PD' // stock count 盘点单
  | 'HC' // reversal 红冲
  | 'CG' // purchase order drafted from the forecast
  | 'PO' // purchase order
  | 'SO' // sales order 销售订单
  | 'GR' // goods receipt
  | 'RT' // return to supplier
  | 'AP' // approval
  | 'QC' // opening stock 期初库存
  | 'SK' // payment from a customer 收款单
  | 'FK' // payment to a supplier 付款单
  | 'TH'; // customer return 客户退货 (a credit note on account)

/**
 * What the executor stamps on every write: who (site, terminal, and the person signed in), when (the instant and the site's business date), fresh ids and
 * this terminal's running document numbers. Commands never ask a clock or a random source.
 */
export interface CommandStamp {
  readonly siteId: string;
  readonly siteKind: SiteKind;
  readonly terminalId: string;
  /** The personId of whoever is signed in at the terminal; null when nobody is (or the site has no staff accounts). */
  readonly operator: string | null;
  /** The instant of the command (ISO). */
  readonly at: string;
  /** Today's business date at this terminal's site (the site's zone, never the computer's). */
  readonly businessDate: string;
  newId(): string;
  nextNumber(prefix: NumberPrefix): string;
}

/** The ledger as a command may read it: the posting rules' view and the positions it holds. */
export interface CommandLedger extends LedgerView {
  positions(): readonly StockPosition[];
}

/** What a command reads beside the ledger; the executor loads exactly this before running it. */
export interface CommandReads {
  documentIds?: readonly string[];
  documentTypes?: readonly DocumentType[];
  eventIds?: readonly string[];
  /** Every config document (a small collection: policies, rules, par levels). */
  config?: boolean;
  /** Every product, inactive ones included (master-data commands check codes are unique). */
  products?: boolean;
  /** Every partner (supplier and customer codes are unique). */
  partners?: boolean;
  /** Every staff account this terminal holds (HQ: all of them). */
  people?: boolean;
  /**
   * A document whose posting view the command reads before it posts (the ledger with the
   * movement history its posting reads, e.g. on-hand at a count's counting moments).
   */
  postingViewOf?: DocumentDoc;
}

export interface CommandContext {
  readonly stamp: CommandStamp;
  readonly ledger: CommandLedger;
  /** The documents named in `reads` (by id and by type). */
  readonly documents: readonly DocumentDoc[];
  readonly events: readonly EventDoc[];
  readonly config: readonly ConfigDoc[];
  /** Loaded when `reads.products`; otherwise empty. */
  readonly products?: readonly ProductDoc[];
  /** Loaded when `reads.partners`; otherwise empty. */
  readonly partners?: readonly PartnerDoc[];
  /** Loaded when `reads.people`; otherwise empty. */
  readonly people?: readonly PersonDoc[];
  /** Loaded when `reads.postingViewOf`: the ledger with that document's history reads. */
  readonly postingView?: LedgerView;
}

/** Records a command writes. Documents, batches, config, products and partners are saved whole; events are append-only. */
export interface RecordWrites {
  documents?: DocumentDoc[];
  events?: EventDoc[];
  batches?: BatchDoc[];
  config?: ConfigDoc[];
  products?: ProductDoc[];
  partners?: PartnerDoc[];
  sites?: SiteDoc[];
  people?: PersonDoc[];
}

/** A document to post through the ledger rules (movements, journal, events in one posting intent). */
export interface PostRequest {
  document: DocumentDoc;
  /**
   * Batches the posting may read that this terminal has not synced (a dispatch received by its
   * QR code carries the kitchen's batches); never written here.
   */
  batchFallback?: readonly BatchDoc[];
}

export interface CommandOutcome<R> {
  writes?: RecordWrites;
  post?: PostRequest;
  /**
   * Documents that keep the operator they were made by (a held count posted on its approval stays
   * the clerk's; the approver is named by the approval document), instead of the person signed in.
   */
  keepOperatorOf?: readonly string[];
  /** What the screen needs back (the new document's number, how many batches were held …). */
  result: R;
}

export interface Command<I, R> {
  readonly reads?: (input: I, stamp: CommandStamp) => CommandReads;
  // Method syntax on purpose: the registry holds commands of different inputs side by side.
  run(input: I, context: CommandContext): CommandOutcome<R>;
}

export function defineCommand<I, R>(command: Command<I, R>): Command<I, R> {
  return command;
}

export function documentIn<T extends DocumentDoc['type']>(
  context: Pick<CommandContext, 'documents'>,
  id: string,
  type: T,
): Extract<DocumentDoc, { type: T }> | undefined {
  const found = context.documents.find((doc) => doc.id === id);
  return found && found.type === type ? (found as Extract<DocumentDoc, { type: T }>) : undefined;
}
