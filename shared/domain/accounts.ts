import type { MovementKind } from '../schemas';

export interface Account {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'asset' | 'liability' | 'revenue' | 'expense' | 'cost';
}

/** Default chart of accounts, codes after the PRC enterprise accounting standards (企业会计准则). */
export const defaultChartOfAccounts: readonly Account[] = [
  { code: '1001', nameZh: '库存现金', nameEn: 'Cash', kind: 'asset' },
  { code: '1002', nameZh: '银行存款', nameEn: 'Bank deposits', kind: 'asset' },
  // WeChat Pay and Alipay balances: 其他货币资金, as PRC bookkeeping keeps third-party payment accounts.
  { code: '1012', nameZh: '其他货币资金', nameEn: 'Other monetary funds (WeChat, Alipay)', kind: 'asset' },
  { code: '1122', nameZh: '应收账款', nameEn: 'Accounts receivable', kind: 'asset' },
  { code: '1402', nameZh: '在途物资', nameEn: 'Inventory in transit', kind: 'asset' },
  { code: '1404', nameZh: '材料成本差异', nameEn: 'Purchase price difference', kind: 'asset' },
  { code: '1405', nameZh: '库存商品', nameEn: 'Inventory', kind: 'asset' },
  { code: '1901', nameZh: '待处理财产损溢', nameEn: 'Inventory gain/loss pending', kind: 'asset' },
  // ERPNext's 'Temporary Opening': opening stock is credited here until the accountant enters the
  // opening balance sheet and clears it (docs/valuation.md, Opening stock).
  { code: '1999', nameZh: '期初过渡', nameEn: 'Temporary opening', kind: 'asset' },
  { code: '2202', nameZh: '应付账款', nameEn: 'Accounts payable', kind: 'liability' },
  // 应交税费—应交增值税（销项税额）: the VAT in sales' tax-inclusive prices (shared/domain/vat.ts).
  { code: '2221', nameZh: '应交税费—销项税额', nameEn: 'Output VAT payable', kind: 'liability' },
  { code: '5001', nameZh: '生产成本', nameEn: 'Production cost', kind: 'cost' },
  { code: '6001', nameZh: '主营业务收入', nameEn: 'Revenue', kind: 'revenue' },
  { code: '6401', nameZh: '主营业务成本', nameEn: 'Cost of goods sold', kind: 'expense' },
  { code: '6602', nameZh: '管理费用—存货损耗', nameEn: 'Inventory loss (waste)', kind: 'expense' },
];

export const accountCodes = {
  cash: '1001',
  bank: '1002',
  otherFunds: '1012',
  receivable: '1122',
  inTransit: '1402',
  /** Moving average vs purchase price of stock returned to a supplier. */
  priceDifference: '1404',
  inventory: '1405',
  gainLoss: '1901',
  temporaryOpening: '1999',
  payable: '2202',
  outputVat: '2221',
  production: '5001',
  revenue: '6001',
  costOfSales: '6401',
  wasteLoss: '6602',
} as const;

/**
 * How a movement's value is booked: a positive value debits `stock` and credits `counter`; a
 * negative value the reverse. So a receipt is Dr Inventory / Cr Payable, a sale's −qty is
 * Dr COGS / Cr Inventory, and a transit loss (+lost) is Dr Gain/loss / Cr In-transit.
 */
export interface AccountPair {
  stock: string;
  counter: string;
}

export type AccountMapping = Readonly<Record<MovementKind, AccountPair>>;

export const defaultAccountMapping: AccountMapping = {
  receipt: { stock: accountCodes.inventory, counter: accountCodes.payable },
  sale: { stock: accountCodes.inventory, counter: accountCodes.costOfSales },
  consumption: { stock: accountCodes.inventory, counter: accountCodes.costOfSales },
  'dispatch-out': { stock: accountCodes.inventory, counter: accountCodes.inTransit },
  'dispatch-in': { stock: accountCodes.inventory, counter: accountCodes.inTransit },
  'transit-loss': { stock: accountCodes.gainLoss, counter: accountCodes.inTransit },
  'production-consume': { stock: accountCodes.inventory, counter: accountCodes.production },
  'production-output': { stock: accountCodes.inventory, counter: accountCodes.production },
  waste: { stock: accountCodes.inventory, counter: accountCodes.wasteLoss },
  'count-adjust': { stock: accountCodes.inventory, counter: accountCodes.gainLoss },
  return: { stock: accountCodes.inventory, counter: accountCodes.payable },
  opening: { stock: accountCodes.inventory, counter: accountCodes.temporaryOpening },
};

export function accountName(code: string, language: 'zh-CN' | 'en'): string {
  const account = defaultChartOfAccounts.find((candidate) => candidate.code === code);
  if (!account) return code;
  return language === 'zh-CN' ? account.nameZh : account.nameEn;
}
