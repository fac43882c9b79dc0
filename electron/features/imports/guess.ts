import type { ImportField, ImportMapping } from '../../../shared/contract/imports';
import { HEADER_SCAN_ROWS, type SheetRow } from './parse';

/**
 * Header words per field, Chinese and English, as `normalizeHeader` leaves them. A header
 * equal to one of them maps to the field; a header that merely contains one maps too,
 * except for the generic words in `exactOnly` (so "客户等级" is not taken for the name).
 */
const synonyms: readonly (readonly [ImportField, readonly string[]])[] = [
  [
    'name',
    [
      '客户名称',
      '公司名称',
      '名称',
      '客户',
      '公司',
      '客户全称',
      '企业名称',
      '单位名称',
      '客户名',
      'name',
      'customer',
      'customername',
      'company',
      'companyname',
      'account',
      'accountname',
    ],
  ],
  [
    'phone',
    [
      '电话',
      '联系电话',
      '公司电话',
      '座机',
      '固定电话',
      '办公电话',
      '客户电话',
      'phone',
      'tel',
      'telephone',
      'phonenumber',
      'officephone',
      'companyphone',
    ],
  ],
  ['industry', ['行业', '所属行业', '行业类别', 'industry', 'sector']],
  ['region', ['区域', '地区', '所属区域', '片区', '所在地区', 'region', 'area', 'territory']],
  ['address', ['地址', '详细地址', '公司地址', '客户地址', '联系地址', 'address', 'streetaddress']],
  ['source', ['来源', '客户来源', '线索来源', 'source', 'leadsource']],
  [
    'owner',
    [
      '负责人',
      '业务员',
      '销售',
      '销售代表',
      '客户经理',
      '跟进人',
      '所属销售',
      '销售人员',
      '归属人',
      'owner',
      'salesrep',
      'rep',
      'accountowner',
      'accountmanager',
      'assignedto',
      'salesperson',
    ],
  ],
  ['status', ['状态', '客户状态', 'status', 'customerstatus', 'stage']],
  ['tags', ['标签', '客户标签', 'tags', 'tag', 'labels']],
  [
    'notes',
    [
      '备注',
      '说明',
      '描述',
      'notes',
      'note',
      'remark',
      'remarks',
      'comment',
      'comments',
      'memo',
      'description',
    ],
  ],
  [
    'contactName',
    ['联系人', '联系人姓名', '联系人名称', 'contact', 'contactname', 'contactperson'],
  ],
  [
    'contactTitle',
    ['职务', '职位', '联系人职务', '联系人职位', 'title', 'jobtitle', 'position', 'contacttitle'],
  ],
  [
    'contactMobile',
    [
      '手机',
      '手机号',
      '手机号码',
      '移动电话',
      '联系人手机',
      '联系人电话',
      'mobile',
      'cell',
      'cellphone',
      'mobilephone',
      'contactphone',
      'contactmobile',
    ],
  ],
  ['relationship', ['关系', '关系评分', '客户关系', 'relationship', 'relationshipscore']],
  [
    'attractiveness',
    [
      '吸引力',
      '潜力',
      '吸引力与潜力',
      '吸引力和潜力',
      '吸引力及潜力',
      'attractiveness',
      'potential',
      'attractivenesspotential',
    ],
  ],
];

const exactOnly = new Set([
  '名称',
  '客户',
  '公司',
  '销售',
  'name',
  'customer',
  'company',
  'account',
  'contact',
  'rep',
  'tel',
  'tag',
  'note',
  'title',
  'cell',
  'stage',
  'comment',
]);
/** A header containing one of these is about something Pacer does not import ("邮箱地址" is no address). */
const foreignWords = ['邮箱', '邮件', 'email', 'mail', '网址', '网站', 'website', 'url'];

const exact = new Map<string, ImportField>();
for (const [field, words] of synonyms) for (const word of words) exact.set(word, field);

/**
 * A header folded for matching: full-width to half-width, case, and everything that is
 * not a letter or digit (spaces, "*", "：", a trailing "(必填)") dropped.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The field a header names, and how sure the guess is (0: none, 1: contains a word, 2: is a word). */
export function guessField(header: string): { field: ImportField | null; score: number } {
  const key = normalizeHeader(header);
  if (key === '') return { field: null, score: 0 };
  const hit = exact.get(key);
  if (hit) return { field: hit, score: 2 };
  if (foreignWords.some((word) => key.includes(word))) return { field: null, score: 0 };
  // Of the words the header contains, the longest wins: "联系人手机号" is the contact's mobile, not the contact.
  let best: { field: ImportField; length: number } | null = null;
  for (const [field, words] of synonyms) {
    for (const word of words) {
      if (exactOnly.has(word) || !key.includes(word)) continue;
      if (!best || word.length > best.length) best = { field, length: word.length };
    }
  }
  return best ? { field: best.field, score: 1 } : { field: null, score: 0 };
}

/** A guessed mapping: each field goes to the column that names it best (first column on a tie). */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const guesses = headers.map((h) => guessField(h));
  const owner = new Map<ImportField, number>();
  guesses.forEach((guess, column) => {
    if (!guess.field) return;
    const taken = owner.get(guess.field);
    if (taken === undefined || (guesses[taken]?.score ?? 0) < guess.score)
      owner.set(guess.field, column);
  });
  return guesses.map((guess, column) =>
    guess.field && owner.get(guess.field) === column ? guess.field : null,
  );
}

/**
 * The index (into `rows`) of the header row: of the first few rows, the one with the most
 * recognised headers, so a title row above the table ("客户列表 2024-05") is passed over.
 * Without any recognised header the first row is taken.
 */
export function findHeaderRow(rows: readonly SheetRow[]): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const score = new Set(
      (rows[i]?.cells ?? []).map((cell) => guessField(cell).field).filter(Boolean),
    ).size;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
