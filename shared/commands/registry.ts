// Every business write by name, as actualbudget/actual's handlers (STYLE.md, "Absorb next"): the
// UI only sends a name and an input; the executor (renderer/db/commands.ts) runs what is here.
import { approvalApply, approvalDecide } from './approvals';
import { customerReturnPost, paymentRecord } from './partner-accounts';
import { dispatchCreate, dispatchFromRequests, dispatchPick, dispatchSave, dispatchShip, dispatchUnpick, transferCreate } from './dispatch';
import {
  batchHold,
  batchHoldUncertified,
  batchRelease,
  expiryMarkdown,
  expiryNotice,
  temperatureQuarantine,
  temperatureRecord,
} from './food-safety';
import { categorySave, partnerImport, partnerSave, productImport, productSave } from './master-data';
import { openingStockImport } from './opening-stock';
import { personSave } from './people';
import { goodsReceiptPost, poCreate, poDecide, poSubmit } from './purchasing';
import { receiptReceive } from './receiving';
import { configSave, recipeSave } from './reference';
import { requestSubmit } from './requests';
import { salesOrderCancel, salesOrderDeliver, salesOrderSubmit } from './sales-orders';
import { siteScaleLayouts } from './sites';
import { countPost, countStart, productionPost, returnPost, reversalPost, saleImport, salePost, wasteExpired, wastePost } from './stock';
import type { Command, CommandOutcome } from './types';

export const commands = {
  'dispatch.create': dispatchCreate,
  'dispatch.from-requests': dispatchFromRequests,
  'dispatch.save': dispatchSave,
  'dispatch.pick': dispatchPick,
  'dispatch.unpick': dispatchUnpick,
  'dispatch.ship': dispatchShip,
  'transfer.create': transferCreate,
  'payment.record': paymentRecord,
  'customer-return.post': customerReturnPost,
  'request.submit': requestSubmit,
  'receipt.receive': receiptReceive,
  'sale.post': salePost,
  'sale.import': saleImport,
  'sales-order.submit': salesOrderSubmit,
  'sales-order.deliver': salesOrderDeliver,
  'sales-order.cancel': salesOrderCancel,
  'waste.post': wastePost,
  'waste.expired': wasteExpired,
  'count.start': countStart,
  'count.post': countPost,
  'production.post': productionPost,
  'return.post': returnPost,
  'reversal.post': reversalPost,
  'po.create': poCreate,
  'po.submit': poSubmit,
  'po.decide': poDecide,
  'goods-receipt.post': goodsReceiptPost,
  'batch.hold': batchHold,
  'batch.release': batchRelease,
  'batch.hold-uncertified': batchHoldUncertified,
  'temperature.record': temperatureRecord,
  'temperature.quarantine': temperatureQuarantine,
  'expiry.markdown': expiryMarkdown,
  'expiry.notice': expiryNotice,
  'recipe.save': recipeSave,
  'config.save': configSave,
  'product.save': productSave,
  'product.import': productImport,
  'category.save': categorySave,
  'partner.save': partnerSave,
  'partner.import': partnerImport,
  'site.scale-layouts': siteScaleLayouts,
  'opening-stock.import': openingStockImport,
  'person.save': personSave,
  'approval.decide': approvalDecide,
  'approval.apply': approvalApply,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = Parameters<Commands[N]['run']>[0];
export type CommandResult<N extends CommandName> = ReturnType<Commands[N]['run']> extends CommandOutcome<infer R> ? R : never;

/** The command of `name`, typed by its own input and result. */
export function commandNamed<N extends CommandName>(name: N): Command<CommandInput<N>, CommandResult<N>> {
  return commands[name] as unknown as Command<CommandInput<N>, CommandResult<N>>;
}
