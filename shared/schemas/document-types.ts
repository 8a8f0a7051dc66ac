/** Every business document kind; movements and journal entries name the one that posted them. */
export const documentTypes = [
  'purchase-order',
  'goods-receipt',
  'production-run',
  'store-request',
  'dispatch',
  'store-receipt',
  'stock-count',
  'sale',
  'consumption',
  'waste',
  'return',
  'reversal',
  'discrepancy',
  'approval',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/** Statuses across kinds; a dispatch runs `draft → picked → shipped` (DOMAIN.md). */
export const documentStatuses = ['draft', 'submitted', 'approved', 'rejected', 'picked', 'shipped', 'posted', 'cancelled'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const wasteReasons = ['expired', 'damaged', 'spoiled', 'prep-loss', 'other'] as const;
export type WasteReason = (typeof wasteReasons)[number];
