import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildWorkbook,
  sheetName,
  table,
  textWidth,
  type Sheet,
} from '../../../electron/export/workbook';

type Row = {
  name: string;
  amount: number;
  rate: number | null;
  day: string;
  at: string;
  n: number;
};

const rows: Row[] = [
  {
    name: '华东机电',
    amount: 12_345_600,
    rate: 0.42,
    day: '2026-11-16',
    at: '2026-11-16 09:30',
    n: 3,
  },
  { name: 'Acme Ltd', amount: 50, rate: null, day: '2026-11-17', at: '2026-11-17 14:00', n: 1200 },
];

const sheet: Sheet = {
  name: '目标达成',
  title: '销售一部 · 2026-W47 · 2026-11-16 – 2026-11-22',
  subtitle: '生成于 2026-11-23 08:00',
  tables: [
    table<Row>({
      columns: [
        { header: '客户', format: 'text', value: (r) => r.name },
        { header: '金额', format: 'money', value: (r) => r.amount },
        {
          header: '达成率',
          format: 'percent',
          value: (r) => r.rate,
          status: (r) => (r.rate === null ? null : r.rate < 0.5 ? 'bad' : 'good'),
        },
        { header: '日期', format: 'date', value: (r) => r.day },
        { header: '时间', format: 'datetime', value: (r) => r.at },
        { header: '次数', format: 'integer', value: (r) => r.n },
      ],
      rows,
      totals: { name: '合计', amount: 12_345_650, rate: null, day: '', at: '', n: 1203 },
      filter: true,
      empty: '无数据',
    }),
    table<Row>({
      heading: 'Second',
      columns: [{ header: 'X', format: 'text', value: (r) => r.name }],
      rows: [],
      empty: 'Nothing this week',
    }),
  ],
};

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('buildWorkbook', () => {
  it('writes a title, a bold frozen header, real numbers with formats, fills and an autofilter', async () => {
    const buffer = await buildWorkbook([sheet], {
      creator: 'Pacer',
      created: new Date('2026-11-23T08:00:00Z'),
      title: 'Test',
    });
    const workbook = await read(buffer);
    const ws = workbook.getWorksheet('目标达成');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe(sheet.title);
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe(sheet.subtitle);
    // Row 3 is blank, row 4 the header, frozen under it.
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '客户',
      '金额',
      '达成率',
      '日期',
      '时间',
      '次数',
    ]);
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:F6');

    const amount = ws.getCell('B5');
    expect(amount.value).toBe(123_456); // fen → yuan, a number
    expect(amount.numFmt).toBe('"¥"#,##0');
    expect(ws.getCell('C5').value).toBe(0.42);
    expect(ws.getCell('C5').numFmt).toBe('0.0%');
    expect(ws.getCell('C5').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.getCell('D5').value).toEqual(new Date('2026-11-16T00:00:00Z'));
    expect(ws.getCell('D5').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E5').value).toEqual(new Date('2026-11-16T09:30:00Z'));
    expect(ws.getCell('F6').value).toBe(1200);
    expect(ws.getCell('F6').numFmt).toBe('#,##0');

    // Totals row, bold with its own numbers.
    expect(ws.getCell('A7').value).toBe('合计');
    expect(ws.getCell('F7').value).toBe(1203);
    expect(ws.getCell('F7').font.bold).toBe(true);

    // The second table: heading, header, the empty message instead of rows.
    expect(ws.getCell('A9').value).toBe('Second');
    expect(ws.getCell('A10').value).toBe('X');
    expect(ws.getCell('A11').value).toBe('Nothing this week');

    // Widths fit the longest value; Chinese text counts double.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(textWidth('华东机电') + 2);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
  });

  it('keeps sheet names Excel accepts, unique and at most 31 characters', () => {
    const taken = new Set<string>();
    expect(sheetName('Sales: Q4 [draft]', taken)).toBe('Sales  Q4  draft');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('writes an empty table as its message, never as an error', async () => {
    const buffer = await buildWorkbook(
      [
        {
          name: 'Empty',
          title: 'T',
          tables: [
            table<Row>({
              columns: [{ header: 'A', format: 'integer', value: (r) => r.n }],
              rows: [],
              filter: true,
              empty: 'No visits this week',
            }),
          ],
        },
      ],
      { creator: 'Pacer', created: new Date(), title: 'T' },
    );
    const ws = (await read(buffer)).getWorksheet('Empty');
    expect(ws?.getCell('A4').value).toBe('No visits this week');
    expect(ws?.autoFilter).toBeUndefined();
  });
});
