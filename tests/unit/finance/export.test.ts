import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatCell, journalTable, tableToCsv, trialBalanceTable, type TableModel } from '../../../shared/finance/export';
import { journalRows, trialBalance } from '../../../shared/finance/journal-view';
import { sheetName, tableToXlsx } from '../../../renderer/export/xlsx';
import { entry } from './fixtures';

const table: TableModel = {
  title: '损耗报表 / Loss: March',
  columns: [
    { key: 'name', title: '商品', kind: 'text' },
    { key: 'qty', title: 'Qty', kind: 'number' },
    { key: 'value', title: '金额', kind: 'money' },
    { key: 'date', title: 'Date', kind: 'date' },
    { key: 'rate', title: 'Rate', kind: 'percent' },
  ],
  rows: [
    { name: '鸡蛋, "土"', qty: 1.5, value: 12.345, date: '2025-03-01', rate: 0.125 },
    { name: '=HYPERLINK("x")', qty: null, value: -3, date: undefined, rate: null },
    { name: 'two\nlines', qty: 0, value: 0, date: '2025-12-31', rate: 1 },
  ],
};

describe('CSV export', () => {
  it('is RFC 4180 with a UTF-8 BOM, CRLF, quoted fields and formatted kinds', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFF商品,Qty,金额,Date,Rate\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '商品,Qty,金额,Date,Rate',
      '"鸡蛋, ""土""",1.5,12.35,2025-03-01,12.50%',
      `"'=HYPERLINK(""x"")",,-3.00,,`,
      '"two\nlines",0,0.00,2025-12-31,100.00%',
      '',
    ]);
  });

  it('formats cells by kind and neutralises formulas only in text', () => {
    expect(formatCell(-0.005, 'money')).toBe('-0.01');
    expect(formatCell('+86 138', 'text')).toBe("'+86 138");
    expect(formatCell(Number.NaN, 'number')).toBe('');
  });

  it('builds journal and trial balance tables', () => {
    const entries = [
      entry('j1', {
        lines: [
          { accountCode: '1405', debit: 100, credit: 0 },
          { accountCode: '2202', debit: 0, credit: 100 },
        ],
      }),
    ];
    const journal = journalTable(journalRows(entries, {}, 'en'), 'en');
    expect(journal.rows.map((row) => [row.accountName, row.debit, row.credit])).toEqual([
      ['Inventory', 100, null],
      ['Accounts payable', null, 100],
    ]);
    const trial = trialBalanceTable(trialBalance(entries), 'zh-CN');
    expect(trial.rows.at(-1)).toEqual({ accountCode: '合计', accountName: '', debit: 100, credit: 100, balance: 0 });
  });
});

describe('xlsx export', () => {
  it('reads back with exceljs: values, number formats, bold frozen header, widths', async () => {
    const bytes = await tableToXlsx(table);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer (an ArrayBuffer); hand it exactly the written bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('损耗报表   Loss  March');
    expect(sheet.getRow(1).values).toEqual([undefined, '商品', 'Qty', '金额', 'Date', 'Rate']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('鸡蛋, "土"');
    expect(row.getCell(3).value).toBe(12.345);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).value).toBe(0.125);
    expect(row.getCell(5).numFmt).toBe('0.00%');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(17);
    expect(sheet.rowCount).toBe(4);
  });

  it('makes Excel-safe sheet names', () => {
    expect(sheetName('a/b:c*d?[e]')).toBe('a b c d  e');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName(' ')).toBe('Sheet1');
  });
});
