import { describe, expect, it } from 'vitest';
import { isValidBusinessId } from './business-id.ts';

describe('isValidBusinessId', () => {
  // 0·7 + 1·9 + 1·10 + 2·5 + 0·8 + 3·4 + 8·2 = 57; 57 mod 11 = 2; 11 − 2 = 9.
  it('accepts 0112038-9', () => {
    expect(isValidBusinessId('0112038-9')).toBe(true);
  });

  // Kela: the weighted sum 132 is divisible by 11, so the check digit is 0.
  it('accepts a check digit 0 when the remainder is 0 (0246246-0)', () => {
    expect(isValidBusinessId('0246246-0')).toBe(true);
  });

  it('refuses a wrong check digit (0112038-8)', () => {
    expect(isValidBusinessId('0112038-8')).toBe(false);
  });

  // 6·2 = 12; remainder 1 would need the check digit 10, so no business ID has these digits.
  it.each(['0', '1', '9'])(
    'refuses digits whose remainder is 1 whatever the check digit (0000006-%s)',
    (d) => {
      expect(isValidBusinessId(`0000006-${d}`)).toBe(false);
    },
  );

  it.each([
    '112038-9',
    '00112038-9',
    '01120389',
    '0112038-',
    '0112038-X',
    '0112038 9',
    '0112038--9',
    'FI01120389',
    '',
  ])('refuses the malformed "%s"', (value) => {
    expect(isValidBusinessId(value)).toBe(false);
  });
});
