import { describe, expect, it } from 'vitest';
import { buyingRoles, customerNameKey, customerStatuses } from '../../../shared/domain/customers';
import { defaultScope, scopes, userRoles } from '../../../shared/domain/people';
import { likeContains } from '../../../shared/domain/text';

describe('customerNameKey', () => {
  it.each([
    ['full-width letters and brackets', 'ＡＢＣ（上海）', 'abc(上海)'],
    ['full-width digits', '恒信１２３', '恒信123'],
    ['upper case', 'ACME Corp', 'acme corp'],
    ['runs of spaces', 'Acme    Corp', 'acme corp'],
    ['tabs and new lines', 'Acme\t\nCorp', 'acme corp'],
    ['ideographic space', 'Acme\u3000Corp', 'acme corp'],
    ['leading and trailing space', '  Acme Corp  ', 'acme corp'],
    ['full-width space at the ends', '\u3000恒信机电\u3000', '恒信机电'],
    ['Chinese unchanged', '上海恒信机电有限公司', '上海恒信机电有限公司'],
    ['half-width katakana to full-width', 'ｶﾀｶﾅ', 'カタカナ'],
    ['empty', '', ''],
    ['only spaces', '   ', ''],
  ])('folds %s', (_label, name, key) => {
    expect(customerNameKey(name)).toBe(key);
  });

  it('makes width and case variants of one name clash, and different names not', () => {
    const variants = [
      'ＡＢＣ（上海）贸易有限公司',
      'abc(上海)贸易有限公司',
      'Abc（上海）贸易有限公司',
      ' ABC(上海) 贸易有限公司'.replace(' 贸', '贸'),
    ];
    expect(new Set(variants.map(customerNameKey)).size).toBe(1);
    expect(customerNameKey('ABC(上海)贸易有限公司')).not.toBe(
      customerNameKey('ABC(北京)贸易有限公司'),
    );
    expect(customerNameKey('Acme Corp')).not.toBe(customerNameKey('AcmeCorp'));
  });

  it('is idempotent', () => {
    for (const name of ['ＡＢＣ（上海）', '  A  b  ', 'ｶﾀｶﾅ']) {
      expect(customerNameKey(customerNameKey(name))).toBe(customerNameKey(name));
    }
  });
});

describe('defaultScope', () => {
  it('gives reps their own, managers their team, admins everyone', () => {
    expect(defaultScope('rep')).toBe('mine');
    expect(defaultScope('manager')).toBe('team');
    expect(defaultScope('admin')).toBe('all');
  });

  it('covers every role with a known scope', () => {
    for (const role of userRoles) expect(scopes).toContain(defaultScope(role));
  });
});

describe('likeContains', () => {
  it.each([
    ['plain text', 'acme', '%acme%'],
    ['a percent sign', '100%', '%100\\%%'],
    ['an underscore', 'a_b', '%a\\_b%'],
    ['a backslash', 'a\\b', '%a\\\\b%'],
    ['all of them', '%_\\', '%\\%\\_\\\\%'],
    ['Chinese', '恒信', '%恒信%'],
    ['empty', '', '%%'],
  ])('escapes %s', (_label, text, pattern) => {
    expect(likeContains(text)).toBe(pattern);
  });
});

describe('domain lists', () => {
  it('match domain.md §1–2', () => {
    expect(userRoles).toEqual(['manager', 'rep', 'admin']);
    expect(customerStatuses).toEqual(['prospect', 'customer', 'lost']);
    expect(buyingRoles).toEqual(['decision_maker', 'purchaser', 'supporter', 'technical', 'user']);
    expect(scopes).toEqual(['mine', 'team', 'all']);
  });
});
