// The permission each write needs (issue 15). The executor (renderer/db/commands.ts) asks this
// after a command has worked out its records and before anything is stored, so a refusal stores
// nothing. Some needs follow from what is written, not from the command's name: a document whose
// lines pick a later batch than FEFO/FIFO with a reason is a FIFO override; a product saved with
// other prices is a price edit.
import { PermissionMissingError, type Operator, type Permission } from '../domain';
import type { ProductDoc } from '../schemas';
import type { CommandName } from './registry';
import type { CommandContext, CommandOutcome } from './types';

/** null: a background rule the terminal runs on its own (no person asks for it). */
const byCommand: Readonly<Record<CommandName, Permission | null>> = {
  'dispatch.create': 'dispatch',
  'dispatch.from-requests': 'dispatch',
  'dispatch.save': 'dispatch',
  'dispatch.pick': 'dispatch',
  'dispatch.unpick': 'dispatch',
  'dispatch.ship': 'dispatch',
  'transfer.create': 'dispatch',
  'payment.record': 'record-payment',
  'customer-return.post': 'post-sale',
  'request.submit': 'request-stock',
  'receipt.receive': 'receive',
  'sale.post': 'post-sale',
  'sale.import': 'post-sale',
  'sales-order.submit': 'post-sale',
  'sales-order.deliver': 'post-sale',
  'sales-order.cancel': 'post-sale',
  'waste.post': 'waste',
  'waste.expired': 'waste',
  'count.start': 'post-count',
  'count.post': 'post-count',
  'production.post': 'produce',
  'return.post': 'purchase',
  'reversal.post': 'reverse-document',
  'po.create': 'purchase',
  'po.submit': 'purchase',
  'po.decide': 'approve-po',
  'goods-receipt.post': 'receive',
  'batch.hold': 'food-safety',
  'batch.release': 'food-safety',
  'batch.hold-uncertified': null,
  'temperature.record': 'food-safety',
  'temperature.quarantine': 'food-safety',
  'expiry.markdown': 'food-safety',
  'expiry.notice': null,
  'recipe.save': 'manage-master-data',
  'config.save': 'manage-master-data',
  'product.save': 'manage-master-data',
  'product.import': 'manage-master-data',
  'category.save': 'manage-master-data',
  'partner.save': 'manage-master-data',
  'partner.import': 'manage-master-data',
  'site.scale-layouts': 'manage-master-data',
  'opening-stock.import': 'manage-master-data',
  'person.save': 'manage-people',
  // The waiting level's role decides, not a permission (shared/commands/approvals.ts checks it).
  'approval.decide': null,
  'approval.apply': null,
};

const priceFields = ['purchasePrice', 'salePrices'] as const;

function pricesDiffer(before: ProductDoc | undefined, after: ProductDoc): boolean {
  const read = (doc: ProductDoc | undefined, field: string) =>
    JSON.stringify((doc as Record<string, unknown> | undefined)?.[field] ?? null);
  return priceFields.some((field) => read(before, field) !== read(after, field));
}

/** The permission running `name` needs whatever its input (checked before it runs, so a refusal names it first). */
export function commandPermission(name: CommandName): Permission[] {
  const own = byCommand[name];
  return own ? [own] : [];
}

/** Every permission this outcome of `name` needs, the command's own first. */
export function permissionsNeeded(name: CommandName, context: CommandContext, outcome: CommandOutcome<unknown>): Permission[] {
  const needed = new Set<Permission>();
  const own = byCommand[name];
  if (own) needed.add(own);
  // A held document's records were checked against its maker when it was held: posting it on
  // approval (or by the background rule, with nobody signed in) asks nothing of them again.
  if (name === 'approval.decide' || name === 'approval.apply') return [...needed];
  const config = outcome.writes?.config ?? [];
  if (config.some((doc) => doc.key === 'roles')) needed.add('manage-people');
  const posted = outcome.post?.document;
  if (posted?.type === 'return' && posted.returnDirection === 'from-customer') {
    needed.delete('purchase');
    needed.add('post-sale');
  }
  const documents = [...(outcome.writes?.documents ?? []), ...(posted ? [posted] : [])];
  if (documents.some((doc) => doc.lines.some((line) => !!line.fifoOverrideReason))) needed.add('fifo-override');
  const before = new Map((context.products ?? []).map((product) => [product.id, product]));
  const products = outcome.writes?.products ?? [];
  if (products.some((product) => before.has(product.id) && pricesDiffer(before.get(product.id), product))) needed.add('edit-prices');
  return [...needed];
}

/**
 * Refuses a write the person signed in may not make, naming the first missing permission. Where
 * the site has no staff accounts yet (`signInRequired` false) every write is allowed, as before
 * people existed; background rules need no one.
 */
export function assertPermitted(needed: readonly Permission[], operator: Operator | null, signInRequired: boolean): void {
  if (!signInRequired || needed.length === 0) return;
  if (!operator) throw new PermissionMissingError(needed[0]!, null);
  const missing = needed.find((permission) => !operator.permissions.has(permission));
  if (missing) throw new PermissionMissingError(missing, operator.name, operator.nameEn);
}
