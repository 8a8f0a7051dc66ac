// Journal amounts are cents; stock values are not (0.1 kg at an average of 3.4567). Rounding each
// entry on its own leaves a residue in the inventory account once the stock is gone (70 issues of
// 0.1 ended at −0.04). Each posting therefore books inventory by the change of the rounded stock
// value of the products it moved, the difference to its rounded entry going to cost of goods sold:
// over any run of postings the account telescopes to the rounded stock value, and to 0 at zero.
import type { DocumentDoc, JournalDoc, JournalLine, MovementDoc } from '../../schemas';
import { accountCodes, defaultAccountMapping } from '../accounts';
import { derivedId } from '../ids';
import type { LedgerView } from '../ledger-view';
import { roundMoney } from '../numbers';
import { affectsOnHand } from '../projection';

/** Σ (rounded value after − rounded value before) over the products the movements touch. */
function roundedValueChange(movements: readonly MovementDoc[], before: LedgerView): number {
  const moved = new Map<string, { siteId: string; productId: string; value: number }>();
  for (const movement of movements) {
    if (!affectsOnHand(movement.kind) || defaultAccountMapping[movement.kind].stock !== accountCodes.inventory) continue;
    const key = `${movement.siteId}\u0000${movement.productId}`;
    const entry = moved.get(key) ?? { siteId: movement.siteId, productId: movement.productId, value: 0 };
    entry.value += movement.qty * movement.unitCost;
    moved.set(key, entry);
  }
  let change = 0;
  for (const { siteId, productId, value } of moved.values()) {
    const start = before.productTotals(siteId, productId).value;
    change += roundMoney(start + value) - roundMoney(start);
  }
  return change;
}

function inventoryNet(entries: readonly JournalDoc[]): number {
  let net = 0;
  for (const entry of entries) {
    for (const line of entry.lines) if (line.accountCode === accountCodes.inventory) net += line.debit - line.credit;
  }
  return net;
}

/** The posting's entries with a rounding adjustment (Dr/Cr Inventory against COGS) where one is due. */
export function withRoundingAdjustment(
  document: DocumentDoc,
  entries: readonly JournalDoc[],
  movements: readonly MovementDoc[],
  before: LedgerView,
): JournalDoc[] {
  const residue = roundMoney(roundedValueChange(movements, before) - inventoryNet(entries));
  if (residue === 0) return [...entries];
  const amount = Math.abs(residue);
  const lines: JournalLine[] =
    residue > 0
      ? [
          { accountCode: accountCodes.inventory, debit: amount, credit: 0 },
          { accountCode: accountCodes.costOfSales, debit: 0, credit: amount },
        ]
      : [
          { accountCode: accountCodes.costOfSales, debit: amount, credit: 0 },
          { accountCode: accountCodes.inventory, debit: 0, credit: amount },
        ];
  const own = entries.findIndex((entry) => entry.docId === document.id);
  const target = entries[own];
  if (target) return entries.map((entry, index) => (index === own ? { ...target, lines: [...target.lines, ...lines] } : entry));
  return [
    ...entries,
    {
      id: derivedId(document.id, 'journal', 'rounding'),
      siteId: document.siteId,
      docType: document.type,
      docId: document.id,
      docNumber: document.number,
      businessDate: document.businessDate,
      at: document.at,
      memo: `${document.type} ${document.number}`,
      lines,
      updatedAt: document.at,
    },
  ];
}
