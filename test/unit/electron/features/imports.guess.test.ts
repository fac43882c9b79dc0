import { describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  guessField,
  guessMapping,
  normalizeHeader,
} from '../../../../electron/features/imports/guess';

describe('import header guessing', () => {
  it('recognises the Chinese headers of a CRM export', () => {
    const headers = [
      '客户名称',
      '联系电话',
      '行业',
      '所属区域',
      '详细地址',
      '客户来源',
      '业务员',
      '客户状态',
      '标签',
      '备注',
      '联系人',
      '职务',
      '手机',
      '关系',
      '吸引力',
    ];
    expect(guessMapping(headers)).toEqual([
      'name',
      'phone',
      'industry',
      'region',
      'address',
      'source',
      'owner',
      'status',
      'tags',
      'notes',
      'contactName',
      'contactTitle',
      'contactMobile',
      'relationship',
      'attractiveness',
    ]);
  });

  it('recognises other Chinese spellings', () => {
    expect(
      ['公司名称', '电话', '地区', '地址', '来源', '负责人', '状态', '潜力'].map(
        (h) => guessField(h).field,
      ),
    ).toEqual([
      'name',
      'phone',
      'region',
      'address',
      'source',
      'owner',
      'status',
      'attractiveness',
    ]);
  });

  it('recognises English headers', () => {
    const headers = [
      'Company',
      'Tel',
      'Industry',
      'Area',
      'Address',
      'Source',
      'Sales Rep',
      'Status',
      'Tags',
      'Notes',
      'Contact',
      'Title',
      'Mobile',
      'Relationship',
      'Attractiveness',
    ];
    expect(guessMapping(headers)).toEqual([
      'name',
      'phone',
      'industry',
      'region',
      'address',
      'source',
      'owner',
      'status',
      'tags',
      'notes',
      'contactName',
      'contactTitle',
      'contactMobile',
      'relationship',
      'attractiveness',
    ]);
    expect(
      ['Name', 'Phone', 'Region', 'Owner', 'Customer Name', 'Company name'].map(
        (h) => guessField(h).field,
      ),
    ).toEqual(['name', 'phone', 'region', 'owner', 'name', 'name']);
  });

  it('ignores spacing, case, full width, required marks and brackets', () => {
    expect(normalizeHeader('  客户名称 * ')).toBe('客户名称');
    expect(normalizeHeader('客户名称（必填）')).toBe('客户名称');
    expect(normalizeHeader('ＰＨＯＮＥ')).toBe('phone');
    expect(normalizeHeader('Sales  REP')).toBe('salesrep');
    expect(normalizeHeader('【状态】')).toBe('');
    expect(
      [
        '  客户名称 * ',
        'ＰＨＯＮＥ',
        'Customer  Name',
        'SALES REP:',
        '客户名称（必填）',
        '联 系 人',
        '手机：',
      ].map((h) => guessField(h).field),
    ).toEqual(['name', 'phone', 'name', 'owner', 'name', 'contactName', 'contactMobile']);
  });

  it('takes the longest word a header contains, and not the generic ones', () => {
    expect(guessField('联系人手机号').field).toBe('contactMobile');
    expect(guessField('客户联系电话').field).toBe('phone');
    expect(guessField('Contact Phone').field).toBe('contactMobile');
    expect(guessField('Customer Status').field).toBe('status');
    expect(guessField('客户等级').field).toBeNull();
    expect(guessField('销售额').field).toBeNull();
    expect(guessField('邮箱地址').field).toBeNull();
    expect(guessField('E-mail Address').field).toBeNull();
  });

  it('maps nothing from hostile or empty headers', () => {
    expect(guessMapping(['__proto__', 'constructor', 'toString', '', 'hasOwnProperty'])).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a field to one column only: an exact header beats one that merely contains the word', () => {
    expect(guessMapping(['客户电话号码', '电话', '电话'])).toEqual([null, 'phone', null]);
  });

  it('finds the header row below a title row', () => {
    const rows = [
      { line: 1, cells: ['客户列表（导出于 2024-05-01）'] },
      { line: 2, cells: ['', '', ''] },
      { line: 3, cells: ['序号', '客户名称', '电话', '负责人'] },
      { line: 4, cells: ['1', '华润医药', '021-1234', '张伟'] },
    ];
    expect(findHeaderRow(rows)).toBe(2);
    expect(
      findHeaderRow([
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['c', 'd'] },
      ]),
    ).toBe(0);
  });
});
