import { ApiError } from '../api.ts';
import { errorMessage, issueField, issueMessage } from '../i18n/errors.ts';
import type { Messages } from '../i18n/fi.ts';
import { lookup } from '../i18n/language.tsx';
import { apiFormErrors, type FormErrors } from '../shared/form.tsx';

/**
 * The error texts of plans, measures and questionnaires (plan_exists, no_contact, result_only…) live in this
 * feature's dictionary; everything else falls back to the shared texts.
 */
function own(t: Messages, code: string): string | undefined {
  return lookup(t.plans.errors, code);
}

export function featureErrorMessage(t: Messages, error: unknown): string {
  if (error instanceof ApiError) return own(t, error.code) ?? errorMessage(t, error);
  return errorMessage(t, error);
}

export function featureFormErrors(
  t: Messages,
  error: unknown,
  fieldOfCode: Record<string, string> = {},
): FormErrors {
  const base = apiFormErrors(t, error, fieldOfCode);
  if (!(error instanceof ApiError)) return base;
  if (error.issues.length > 0) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issueField(issue);
      fields[field] ??= own(t, issue.code) ?? issueMessage(t, issue);
    }
    return { ...base, fields };
  }
  const text = own(t, error.code);
  if (!text || error.code === 'stale_version') return base;
  const field = fieldOfCode[error.code];
  if (field) return { ...base, fields: { [field]: text } };
  return { ...base, general: text };
}
