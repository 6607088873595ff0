import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { apiFormErrors } from '../shared/form.tsx';
import { errorMessage, issueField, issueMessage } from './errors.ts';
import { fi } from './fi.ts';
import { sv } from './sv.ts';

const issue = (field: string, code: string, message = 'server text') => ({ field, code, message });

describe('error messages', () => {
  it('translates an error code and falls back to the server’s message', () => {
    expect(errorMessage(fi, new ApiError(409, 'client_exists', 'x'))).toBe(fi.errors.codes.client_exists);
    expect(errorMessage(sv, new ApiError(429, 'rate_limited', 'x'))).toBe(sv.errors.codes.rate_limited);
    expect(errorMessage(fi, new ApiError(409, 'something_new', 'As the server says.'))).toBe(
      'As the server says.',
    );
    expect(errorMessage(fi, new Error('boom'))).toBe(fi.errors.unexpected);
  });

  it('names a field as the form knows it', () => {
    expect(issueField(issue('body.firstName', 'too_small'))).toBe('firstName');
    expect(issueField(issue('body.memberships.0.role', 'invalid_value'))).toBe('memberships.0.role');
    expect(issueField(issue('querystring.identityCode', 'identity_code_format'))).toBe('identityCode');
  });

  it('prefers the specific code, then the field’s own rule, then the kind of problem', () => {
    expect(issueMessage(fi, issue('body.identityCode', 'identity_code_check_character'))).toBe(
      fi.errors.codes.identity_code_check_character,
    );
    expect(issueMessage(fi, issue('body.phone', 'invalid_format'))).toBe(fi.errors.fields.phone);
    expect(issueMessage(fi, issue('body.firstName', 'too_small'))).toBe(fi.errors.issues.too_small);
    expect(issueMessage(fi, issue('body.firstName', 'unheard_of', 'Raw'))).toBe('Raw');
  });

  it('keeps field errors by field and a stale version as a general error', () => {
    const invalid = new ApiError(400, 'validation_failed', 'x', {
      issues: [issue('body.firstName', 'too_small'), issue('body.phone', 'invalid_format')],
    });
    expect(apiFormErrors(fi, invalid).fields).toEqual({
      firstName: fi.errors.issues.too_small,
      phone: fi.errors.fields.phone,
    });
    const stale = apiFormErrors(fi, new ApiError(409, 'stale_version', 'x', { currentVersion: 3 }));
    expect(stale.general).toBe(fi.stale.title);
    expect(stale.error?.currentVersion).toBe(3);
    expect(
      apiFormErrors(fi, new ApiError(409, 'duplicate_email', 'x'), { duplicate_email: 'email' }).fields,
    ).toEqual({
      email: fi.errors.codes.duplicate_email,
    });
  });
});
