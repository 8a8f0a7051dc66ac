import type { DocumentDoc, JournalDoc, JournalLine, MovementDoc, MovementKind } from '../schemas';
import { defaultAccountMapping, type AccountMapping, type AccountPair } from './accounts';
import { derivedId } from './ids';
import { roundMoney } from './numbers';

/** A pre-computed booking, e.g. revenue of a sale: `amount` debited to one account, credited to another. */
export interface Booking {
  debit: string;
  credit: string;
  amount: number;
  memo?: string;
}

export interface JournalOptions {
  mapping?: AccountMapping;
  /** Per-kind replacement of the counter account (a customer return credits COGS, not payables). */
  counterOverrides?: Partial<Record<MovementKind, string>>;
  extraBookings?: readonly Booking[];
  memo?: string;
}

/** Converts movement values into Dr/Cr pairs by the account mapping. */
export function bookingsForMovements(movements: readonly MovementDoc[], options: JournalOptions = {}): Booking[] {
  const mapping = options.mapping ?? defaultAccountMapping;
  return movements.map((movement) => {
    const pair: AccountPair = mapping[movement.kind];
    const counter = options.counterOverrides?.[movement.kind] ?? pair.counter;
    const value = movement.qty * movement.unitCost;
    return value >= 0 ? { debit: pair.stock, credit: counter, amount: value } : { debit: counter, credit: pair.stock, amount: -value };
  });
}

/**
 * One journal entry (凭证) for a posting. Bookings are summed per (debit, credit) pair and each
 * pair is rounded once, so the entry balances exactly by construction. Null when nothing has
 * value (e.g. zero-cost stock).
 */
export function buildJournalEntry(
  document: DocumentDoc,
  movements: readonly MovementDoc[],
  options: JournalOptions = {},
): JournalDoc | null {
  const totals = new Map<string, Booking>();
  for (const booking of [...bookingsForMovements(movements, options), ...(options.extraBookings ?? [])]) {
    const key = `${booking.debit}>${booking.credit}`;
    const total = totals.get(key);
    if (total) total.amount += booking.amount;
    else totals.set(key, { ...booking });
  }
  const lines: JournalLine[] = [];
  for (const booking of totals.values()) {
    const amount = roundMoney(booking.amount);
    if (amount === 0 || booking.debit === booking.credit) continue;
    lines.push({ accountCode: booking.debit, debit: amount, credit: 0 });
    lines.push({ accountCode: booking.credit, debit: 0, credit: amount });
  }
  if (lines.length === 0) return null;
  return {
    id: derivedId(document.id, 'journal', 0),
    siteId: document.siteId,
    docType: document.type,
    docId: document.id,
    docNumber: document.number,
    businessDate: document.businessDate,
    at: document.at,
    memo: options.memo ?? `${document.type} ${document.number}`,
    lines,
    updatedAt: document.at,
  };
}

/** The entry that cancels `entry`, booked under the reversal document. */
export function reverseJournalEntry(entry: JournalDoc, reversal: DocumentDoc, index: number): JournalDoc {
  return {
    id: derivedId(reversal.id, 'journal', index),
    siteId: reversal.siteId,
    docType: reversal.type,
    docId: reversal.id,
    docNumber: reversal.number,
    businessDate: reversal.businessDate,
    at: reversal.at,
    memo: `reversal of ${entry.docNumber}`,
    lines: entry.lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit })),
    reversalOf: entry.id,
    updatedAt: reversal.at,
  };
}

export function journalTotals(entry: Pick<JournalDoc, 'lines'>): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const line of entry.lines) {
    debit += line.debit;
    credit += line.credit;
  }
  return { debit: roundMoney(debit), credit: roundMoney(credit) };
}

/** Σ debit = Σ credit, to the cent (ARCHITECTURE.md invariant 5). */
export function isBalanced(entry: Pick<JournalDoc, 'lines'>): boolean {
  const totals = journalTotals(entry);
  return totals.debit === totals.credit;
}
