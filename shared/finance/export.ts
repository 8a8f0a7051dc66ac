/**
 * A generic table model for reports and the journal, and its CSV form. The same model feeds
 * renderer/export/xlsx.ts, so a screen builds one table and offers both downloads.
 */
import { roundMoney } from '../domain';
import { accountLabel, type JournalRow, type Language, type TrialBalance } from './journal-view';
import type { ValuationReport } from './valuation-report';
import { toCsv } from '../ops/csv';

export type ColumnKind = 'text' | 'number' | 'money' | 'date' | 'percent';

export interface TableColumn {
  key: string;
  title: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null | undefined;

export interface TableModel {
  title: string;
  columns: TableColumn[];
  rows: Record<string, CellValue>[];
}

/** Spreadsheet apps run cells starting with these as formulas (CSV injection); text cells get a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text. Money to 2 decimals, percent (a fraction) as e.g. `12.50%`, numbers as
 * written, null/undefined empty; no thousands separators, which would need quoting and break
 * re-import.
 */
export function formatCell(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (kind === 'money') return roundMoney(value).toFixed(2);
    if (kind === 'percent') return `${(value * 100).toFixed(2)}%`;
    return String(value);
  }
  if (kind === 'text' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/**
 * RFC 4180 CSV (CRLF line ends, header row) with a UTF-8 BOM so Excel opens 简体中文 correctly
 * instead of guessing GBK. Returns a string; the caller encodes it as UTF-8. Cells are already
 * defused by `formatCell` (only text cells may hold formulas), so the writer quotes only.
 */
export function tableToCsv(table: TableModel): string {
  const header = table.columns.map((column) => column.title);
  const rows = table.rows.map((row) => table.columns.map((column) => formatCell(row[column.key], column.kind)));
  return toCsv([header, ...rows], { formulaSafe: false });
}

const titles = {
  'zh-CN': {
    journal: '凭证明细',
    trial: '试算平衡表',
    valuation: '存货估值表',
    date: '日期',
    site: '门店/站点',
    docNumber: '单号',
    docType: '单据类型',
    account: '科目编码',
    accountName: '科目名称',
    debit: '借方',
    credit: '贷方',
    balance: '余额',
    memo: '摘要',
    operator: '经办人',
    documentFields: '单据自定义字段',
    product: '商品',
    category: '类别',
    qty: '数量',
    unitCost: '单位成本',
    value: '金额',
    total: '合计',
  },
  en: {
    journal: 'Journal',
    trial: 'Trial balance',
    valuation: 'Inventory valuation',
    date: 'Date',
    site: 'Site',
    docNumber: 'Document no.',
    docType: 'Document type',
    account: 'Account',
    accountName: 'Account name',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    memo: 'Memo',
    operator: 'Operator',
    documentFields: 'Document fields',
    product: 'Product',
    category: 'Category',
    qty: 'Quantity',
    unitCost: 'Unit cost',
    value: 'Value',
    total: 'Total',
  },
} as const;

/** What a journal export says of each row's document beyond the entry: who made it, its custom fields. */
export interface JournalDocumentFacts {
  /** The person who made the document (issue 15). */
  operatorOf?(docId: string): string;
  /** HQ's custom fields of the document, filled ones ("送货单号: SD-88"). */
  fieldsOf?(docId: string): string;
}

/** The journal as a sheet, with a column per fact of `documents` given. */
export function journalTable(rows: readonly JournalRow[], language: Language = 'zh-CN', documents: JournalDocumentFacts = {}): TableModel {
  const t = titles[language];
  const { operatorOf, fieldsOf } = documents;
  return {
    title: t.journal,
    columns: [
      { key: 'businessDate', title: t.date, kind: 'date' },
      { key: 'siteName', title: t.site, kind: 'text' },
      { key: 'docNumber', title: t.docNumber, kind: 'text' },
      { key: 'docTypeName', title: t.docType, kind: 'text' },
      { key: 'accountCode', title: t.account, kind: 'text' },
      { key: 'accountName', title: t.accountName, kind: 'text' },
      { key: 'debit', title: t.debit, kind: 'money' },
      { key: 'credit', title: t.credit, kind: 'money' },
      { key: 'memo', title: t.memo, kind: 'text' },
      ...(operatorOf ? [{ key: 'operator', title: t.operator, kind: 'text' as const }] : []),
      ...(fieldsOf ? [{ key: 'documentFields', title: t.documentFields, kind: 'text' as const }] : []),
    ],
    rows: rows.map((row) => ({
      ...row,
      debit: row.debit || null,
      credit: row.credit || null,
      ...(operatorOf ? { operator: operatorOf(row.docId) } : {}),
      ...(fieldsOf ? { documentFields: fieldsOf(row.docId) } : {}),
    })),
  };
}

export function trialBalanceTable(trial: TrialBalance, language: Language = 'zh-CN'): TableModel {
  const t = titles[language];
  return {
    title: t.trial,
    columns: [
      { key: 'accountCode', title: t.account, kind: 'text' },
      { key: 'accountName', title: t.accountName, kind: 'text' },
      { key: 'debit', title: t.debit, kind: 'money' },
      { key: 'credit', title: t.credit, kind: 'money' },
      { key: 'balance', title: t.balance, kind: 'money' },
    ],
    rows: [
      ...trial.rows.map((row) => ({
        accountCode: row.accountCode,
        accountName: accountLabel(row.accountCode, language),
        debit: row.debit,
        credit: row.credit,
        balance: row.balance,
      })),
      {
        accountCode: t.total,
        accountName: '',
        debit: trial.totalDebit,
        credit: trial.totalCredit,
        balance: roundMoney(trial.totalDebit - trial.totalCredit),
      },
    ],
  };
}

export function valuationTable(report: ValuationReport, language: Language = 'zh-CN'): TableModel {
  const t = titles[language];
  return {
    title: `${t.valuation} ${report.asOf}`,
    columns: [
      { key: 'siteId', title: t.site, kind: 'text' },
      { key: 'category', title: t.category, kind: 'text' },
      { key: 'productName', title: t.product, kind: 'text' },
      { key: 'qty', title: t.qty, kind: 'number' },
      { key: 'unitCost', title: t.unitCost, kind: 'number' },
      { key: 'value', title: t.value, kind: 'money' },
    ],
    rows: [
      ...report.rows.map((row) => ({
        siteId: row.siteId,
        category: row.category,
        productName: row.productName,
        qty: row.qty,
        unitCost: Math.round(row.unitCost * 10_000) / 10_000,
        value: row.value,
      })),
      { siteId: t.total, value: report.total },
    ],
  };
}
