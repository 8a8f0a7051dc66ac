// Suppliers and customers imported and exported like products: keyed by code, bad cells named,
// an export imports back unchanged, and partner.import keeps codes unique.
import { describe, expect, it } from 'vitest';
import { DuplicateCodeError } from '../../../shared/domain';
import { formatCell, type TableModel } from '../../../shared/finance/export';
import { partnerSheet, partnerTemplate, planPartnerImport } from '../../../shared/ops/partner-sheet';
import type { PartnerDoc } from '../../../shared/schemas';
import { run, stampFor } from '../commands/harness';

const supplier: PartnerDoc = {
  id: 'sup-1',
  kind: 'supplier',
  code: 'S-1',
  name: '鲜达食品',
  contact: '王经理',
  paymentTermsDays: 30,
  active: true,
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const records = (table: TableModel): string[][] => [
  table.columns.map((c) => c.title),
  ...table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key], c.kind))),
];
const hq = () => stampFor({ siteId: 'hq', siteKind: 'hq' });

describe('partner sheet', () => {
  it('adds and updates by code, names bad cells, and a second import changes nothing', () => {
    const file = [
      ['编码', '名称', '类型', '账期(天)', '电话'],
      ['s-1', '', '', '45', ''],
      ['C-9', '蓝湾酒店', '客户', '30', '021-1'],
      ['C-10', '', '批发', '3.5', ''],
      ['C-9', '又一个', '客户', '', ''],
    ];
    const plan = planPartnerImport(file, [supplier]);
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 0, invalid: 2 });
    expect(plan.rows.flatMap((row) => row.problems.map((p) => `${p.row}:${p.column}:${p.kind}`))).toEqual([
      '4:name:required',
      '4:kind:unknown-value',
      '4:paymentTermsDays:not-whole',
      '5:code:duplicate-in-file',
    ]);
    const written = run('partner.import', { partners: plan.toApply }, { stamp: hq(), partners: [supplier] }).writes?.partners ?? [];
    // The supplier keeps its name and contact (name empty, contact column absent); its terms and phone follow the file.
    expect(written[0]).toMatchObject({ id: 'sup-1', name: '鲜达食品', contact: '王经理', paymentTermsDays: 45 });
    expect(written[0]).not.toHaveProperty('phone');
    expect(written[1]).toMatchObject({ code: 'C-9', kind: 'customer', name: '蓝湾酒店', phone: '021-1', active: true });
    const again = planPartnerImport(file.slice(0, 3), written);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
  });

  it('exports partners that import back unchanged, and a template whose example imports', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      expect(planPartnerImport(records(partnerSheet([supplier], language)), [supplier]).counts.unchanged).toBe(1);
      const template = records(partnerTemplate(language));
      expect(planPartnerImport([template[0]!, template[2]!], []).counts.new).toBe(1);
    }
  });

  it('sees a changed contact as a change', () => {
    const plan = planPartnerImport(
      [
        ['编码', '联系人'],
        ['S-1', '李经理'],
      ],
      [supplier],
    );
    expect(plan.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 0 });
  });

  it('partner.import refuses a code another partner holds', () => {
    expect(() =>
      run(
        'partner.import',
        { partners: [{ kind: 'customer', code: 's-1', name: 'X', active: true }] },
        { stamp: hq(), partners: [supplier] },
      ),
    ).toThrow(DuplicateCodeError);
  });
});
