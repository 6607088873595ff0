import { describe, expect, it } from 'vitest';
import { ageOn, parseIdentityCode, syntheticIdentityCode } from './identity-code.ts';

describe('parseIdentityCode', () => {
  it.each([
    ['010594Y9032', '1994-05-01', 'male'],
    ['020594X903P', '1994-05-02', 'male'],
    ['010516B903X', '2016-05-01', 'male'],
    ['020504A902E', '2004-05-02', 'female'],
  ])('accepts the documented test code %s (born %s, %s)', (code, dateOfBirth, sex) => {
    expect(parseIdentityCode(code)).toEqual({ valid: true, code, dateOfBirth, sex, temporary: true });
  });

  // The check character is computed from DDMMYYNNN only, so one code serves every sign of its century.
  it('builds the examples with syntheticIdentityCode', () => {
    expect(syntheticIdentityCode('1994-05-01', 903)).toBe('010594-9032');
    expect(syntheticIdentityCode('1994-05-01', 903, true)).toBe('010594Y9032');
    expect(syntheticIdentityCode('2016-05-01', 903, true)).toBe('010516B903X');
    expect(syntheticIdentityCode('2016-05-01', 903)).toBe('010516A903X');
    expect(syntheticIdentityCode('1885-12-31', 950)).toBe('311285+9508');
  });

  it.each(['-', 'Y', 'X', 'W', 'V', 'U'])('accepts the 1900s century sign %s', (sign) => {
    const code = syntheticIdentityCode('1994-05-01', 903).replace('-', sign);
    expect(parseIdentityCode(code)).toMatchObject({ valid: true, code, dateOfBirth: '1994-05-01' });
  });

  it.each(['A', 'B', 'C', 'D', 'E', 'F'])('accepts the 2000s century sign %s', (sign) => {
    const code = syntheticIdentityCode('2016-05-01', 903).replace('A', sign);
    expect(parseIdentityCode(code)).toMatchObject({ valid: true, code, dateOfBirth: '2016-05-01' });
  });

  it('accepts the 1800s century sign +', () => {
    expect(parseIdentityCode('311285+9508')).toMatchObject({ valid: true, dateOfBirth: '1885-12-31' });
  });

  it('reads sex from the individual number: odd male, even female', () => {
    expect(parseIdentityCode('010594Y9032')).toMatchObject({ sex: 'male' });
    expect(parseIdentityCode(syntheticIdentityCode('1994-05-01', 902))).toMatchObject({ sex: 'female' });
  });

  it('normalises lower case and surrounding spaces', () => {
    expect(parseIdentityCode(' 010594y9032 ')).toMatchObject({ valid: true, code: '010594Y9032' });
    expect(parseIdentityCode('010516b903x')).toMatchObject({ valid: true, code: '010516B903X' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdentityCode('010594Y9033')).toEqual({ valid: false, problem: 'check_character' });
    expect(parseIdentityCode('010516B903Y')).toEqual({ valid: false, problem: 'check_character' });
  });

  it.each(['010594Z9032', '010594G9032', '010594*9032', '010594/9032'])(
    'refuses an unknown century sign: %s',
    (code) => {
      expect(parseIdentityCode(code)).toEqual({ valid: false, problem: 'format' });
    },
  );

  it.each(['', '0105949032', '010594Y903', '010594Y90322', '01O594Y9032', '010594Y9O32', '010594 Y9032'])(
    'refuses a malformed code: "%s"',
    (code) => {
      expect(parseIdentityCode(code)).toEqual({ valid: false, problem: 'format' });
    },
  );

  // Each has the right check character for its digits, so only the date is wrong.
  it.each([
    ['310294-9030', '31 February'],
    ['290223A903C', '29 February in a common year'],
    ['290200-903E', '29 February 1900 (not a leap year)'],
    ['000194-9036', 'day 0'],
    ['011394-903H', 'month 13'],
    ['311194-9038', '31 November'],
  ])('refuses the impossible date in %s (%s)', (code) => {
    expect(parseIdentityCode(code)).toEqual({ valid: false, problem: 'date' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseIdentityCode('290200A903E')).toMatchObject({ valid: true, dateOfBirth: '2000-02-29' });
    expect(parseIdentityCode('290224A903M')).toMatchObject({ valid: true, dateOfBirth: '2024-02-29' });
  });

  it('marks individual numbers 900–999 as temporary or test numbers', () => {
    expect(parseIdentityCode('010594Y9032')).toMatchObject({ temporary: true });
    // 010594-0020: individual number 002; 10594002 mod 31 = 0.
    expect(parseIdentityCode('010594-0020')).toMatchObject({ valid: true, temporary: false });
  });
});

describe('ageOn', () => {
  it('turns a year older on the birthday, not the day before', () => {
    expect(ageOn('1994-05-01', '2026-04-30')).toBe(31);
    expect(ageOn('1994-05-01', '2026-05-01')).toBe(32);
    expect(ageOn('1994-05-01', '2026-05-02')).toBe(32);
  });

  it('counts the month before the day', () => {
    expect(ageOn('1994-12-31', '2026-12-30')).toBe(31);
    expect(ageOn('1994-12-31', '2027-01-01')).toBe(32);
    expect(ageOn('1994-06-15', '2026-05-20')).toBe(31);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-03-02', '2026-03-02')).toBe(0);
  });
});

describe('syntheticIdentityCode', () => {
  it.each([0, 2, 899])('refuses the individual number %i: only 900–999 are test numbers', (n) => {
    expect(() => syntheticIdentityCode('1994-05-01', n)).toThrow('900–999');
  });

  it('refuses numbers over 999', () => {
    expect(() => syntheticIdentityCode('1994-05-01', 1000)).toThrow('900–999');
  });

  it('accepts 900 and 999', () => {
    expect(parseIdentityCode(syntheticIdentityCode('1994-05-01', 900))).toMatchObject({
      valid: true,
      temporary: true,
    });
    expect(parseIdentityCode(syntheticIdentityCode('1994-05-01', 999))).toMatchObject({
      valid: true,
      temporary: true,
    });
  });
});
