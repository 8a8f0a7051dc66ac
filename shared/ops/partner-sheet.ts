/**
 * Suppliers and customers as a sheet (往来单位导入/导出), keyed by partner code like products by
 * theirs: a known code updates, a new one adds; columns left out stay as they are; the same file
 * twice changes nothing; an export imports back unchanged.
 */
import type { PartnerDraft } from '../commands/master-data';
import type { TableModel } from '../finance/export';
import type { PartnerDoc, PartnerKind } from '../schemas';
import {
  activeWords,
  columnTitle,
  isBlankRow,
  isTemplateHintRow,
  matchHeaders,
  RowReader,
  sameAsSaved,
  templateHints,
  type ImportCounts,
  type SheetColumn,
  type SheetLanguage,
  type SheetProblem,
} from './master-sheet';
import type { ImportAction } from './product-sheet';

export type PartnerColumnKey =
  'code' | 'name' | 'nameEn' | 'kind' | 'contact' | 'phone' | 'taxId' | 'paymentTermsDays' | 'address' | 'email' | 'active';

export const partnerColumns: readonly SheetColumn<PartnerColumnKey>[] = [
  { key: 'code', zh: '单位编码', en: 'Code', required: true, aliases: ['编码', '供应商编码', '客户编码'] },
  { key: 'name', zh: '单位名称', en: 'Name', required: true, aliases: ['名称', '供应商名称', '客户名称'] },
  { key: 'nameEn', zh: '英文名称', en: 'English name' },
  { key: 'kind', zh: '类型', en: 'Kind', hintZh: '供应商/客户/两者', hintEn: 'supplier/customer/both' },
  { key: 'contact', zh: '联系人', en: 'Contact' },
  { key: 'phone', zh: '电话', en: 'Phone' },
  { key: 'taxId', zh: '税号', en: 'Tax number' },
  { key: 'paymentTermsDays', zh: '账期(天)', en: 'Payment terms (days)' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'email', zh: '邮箱', en: 'Email' },
  { key: 'active', zh: '状态', en: 'Status', hintZh: '启用/停用', hintEn: 'active/inactive' },
];

const kindWords: Readonly<Record<PartnerKind, readonly string[]>> = {
  supplier: ['供应商', 'supplier', 'vendor'],
  customer: ['客户', 'customer'],
  both: ['两者', 'both', '供应商和客户'],
};

const textKeys = ['nameEn', 'contact', 'phone', 'taxId', 'address', 'email'] as const;
const maxLengths: Readonly<Record<(typeof textKeys)[number] | 'name' | 'code', number>> = {
  code: 32,
  name: 120,
  nameEn: 120,
  contact: 120,
  phone: 32,
  taxId: 32,
  address: 120,
  email: 120,
};

function sheetColumns(language: SheetLanguage): TableModel['columns'] {
  return partnerColumns.map((column) => ({
    key: column.key,
    title: columnTitle(column, language),
    kind: column.key === 'paymentTermsDays' ? 'number' : 'text',
  }));
}

export function partnerSheet(partners: readonly PartnerDoc[], language: SheetLanguage): TableModel {
  const lang = language === 'zh-CN' ? 0 : 1;
  return {
    title: language === 'zh-CN' ? '往来单位' : 'Partners',
    columns: sheetColumns(language),
    rows: [...partners]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((partner) => ({
        code: partner.code,
        name: partner.name,
        nameEn: partner.nameEn ?? null,
        kind: kindWords[partner.kind][lang]!,
        contact: partner.contact ?? null,
        phone: partner.phone ?? null,
        taxId: partner.taxId ?? null,
        paymentTermsDays: partner.paymentTermsDays ?? null,
        address: partner.address ?? null,
        email: partner.email ?? null,
        active: activeWords[partner.active ? 'active' : 'inactive'][lang === 0 ? 0 : 3],
      })),
  };
}

export function partnerTemplate(language: SheetLanguage): TableModel {
  const zh = language === 'zh-CN';
  const hints = templateHints(partnerColumns, language);
  return {
    title: zh ? '往来单位导入模板' : 'Partner import template',
    columns: sheetColumns(language).map((column) => ({ ...column, kind: 'text' })),
    rows: [
      hints,
      {
        code: 'S-001',
        name: '鲜达食品有限公司',
        nameEn: 'Xianda Foods Co.',
        kind: zh ? '供应商' : 'supplier',
        contact: '王经理',
        phone: '021-5555 0101',
        taxId: '91310000MA1FL0XX0X',
        paymentTermsDays: '30',
        active: zh ? '启用' : 'active',
      },
    ],
  };
}

export interface PlannedPartner {
  row: number;
  code: string;
  action: ImportAction;
  problems: SheetProblem[];
  partner?: PartnerDraft;
}

export interface PartnerImportPlan {
  fileProblems: SheetProblem[];
  rows: PlannedPartner[];
  counts: ImportCounts;
  toApply: PartnerDraft[];
}

function readPartnerRow(reader: RowReader<PartnerColumnKey>, existing: PartnerDoc | undefined): PartnerDraft | undefined {
  const before = reader.problems.length;
  const code = reader.text('code', { maxLength: maxLengths.code }) ?? '';
  const name = reader.text('name', { required: !existing, maxLength: maxLengths.name });
  const kind = reader.choice('kind', kindWords);
  const terms = reader.number('paymentTermsDays', { whole: true, max: 365 });
  const active = reader.choice('active', activeWords);
  const texts = textKeys.map((key) => [key, reader.text(key, { maxLength: maxLengths[key] })] as const);
  if (reader.problems.length > before) return undefined;
  const { updatedAt: _updatedAt, ...kept } = existing ?? ({} as Partial<PartnerDoc>);
  const draft: PartnerDraft = {
    ...kept,
    code,
    name: name ?? existing?.name ?? '',
    kind: kind ?? existing?.kind ?? 'supplier',
    active: active ? active === 'active' : (existing?.active ?? true),
  };
  for (const [key, value] of texts) {
    if (!reader.has(key)) continue;
    if (value === undefined) delete draft[key];
    else draft[key] = value;
  }
  if (reader.has('paymentTermsDays')) {
    if (terms === undefined) delete draft.paymentTermsDays;
    else draft.paymentTermsDays = terms;
  }
  return draft;
}

export function planPartnerImport(records: readonly string[][], partners: readonly PartnerDoc[]): PartnerImportPlan {
  const [header = [], ...data] = records;
  const columns = matchHeaders(header, partnerColumns);
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  if (!columns.has('code')) return { fileProblems: [{ row: 1, column: 'code', kind: 'missing-column' }], rows: [], counts, toApply: [] };
  const byCode = new Map(partners.map((partner) => [partner.code.toUpperCase(), partner]));
  const firstRow = new Map<string, number>();
  const rows: PlannedPartner[] = [];
  const toApply: PartnerDraft[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankRow(cells) || isTemplateHintRow(cells, columns, partnerColumns)) return;
    const reader = new RowReader(row, cells, columns);
    const code = reader.text('code', { required: true }) ?? '';
    const existing = byCode.get(code.toUpperCase());
    const draft = readPartnerRow(reader, existing);
    const first = firstRow.get(code.toUpperCase());
    if (code !== '' && first !== undefined) reader.problem('code', 'duplicate-in-file', code, String(first));
    else if (code !== '') firstRow.set(code.toUpperCase(), row);
    let action: ImportAction = 'invalid';
    if (draft && reader.problems.length === 0) {
      action = !existing ? 'new' : sameAsSaved(draft, existing) ? 'unchanged' : 'changed';
      if (action !== 'unchanged') toApply.push(draft);
    }
    counts[action] += 1;
    rows.push({ row, code, action, problems: reader.problems, ...(draft && action !== 'invalid' ? { partner: draft } : {}) });
  });
  return { fileProblems: [], rows, counts, toApply };
}
