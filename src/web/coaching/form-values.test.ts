import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { en } from '../i18n/en.ts';
import { fi } from '../i18n/fi.ts';
import { sv } from '../i18n/sv.ts';
import { apiFormErrors } from '../shared/form.tsx';
import { formatDecimal, parseDecimal, withEmploymentCodes } from './form-values.ts';

describe('supported-employment form values', () => {
  it('reads hours as typed in Finnish or English and refuses anything else', () => {
    expect(parseDecimal('37,5')).toBe(37.5);
    expect(parseDecimal(' 20 ')).toBe(20);
    expect(parseDecimal('7.25')).toBe(7.25);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('-3')).toBeNull();
    expect(parseDecimal('20 h')).toBeNull();
    expect(formatDecimal(37.5)).toBe('37,5');
    expect(formatDecimal(null)).toBe('');
  });

  it('translates the server’s supported-employment codes, general and per field', () => {
    const exists = apiFormErrors(withEmploymentCodes(fi), new ApiError(409, 'coaching_exists', 'x'));
    expect(exists.general).toBe(fi.employment.errorCodes.coaching_exists);
    const early = new ApiError(400, 'validation_failed', 'x', {
      issues: [{ field: 'body.startedOn', code: 'before_case_opened', message: 'The case was opened on …' }],
    });
    expect(apiFormErrors(withEmploymentCodes(sv), early).fields).toEqual({
      startedOn: sv.employment.errorCodes.before_case_opened,
    });
    const named = apiFormErrors(withEmploymentCodes(en), new ApiError(409, 'disclosure_not_allowed', 'x'), {
      disclosure_not_allowed: 'clientNameDisclosed',
    });
    expect(named.fields).toEqual({ clientNameDisclosed: en.employment.errorCodes.disclosure_not_allowed });
    // The common codes still work.
    expect(apiFormErrors(withEmploymentCodes(fi), new ApiError(409, 'stale_version', 'x')).general).toBe(
      fi.stale.title,
    );
  });
});
