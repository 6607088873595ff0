import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { Button, ErrorSummary, InlineAlert } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { errorMessage, issueField, issueMessage } from '../i18n/errors.ts';
import type { Messages } from '../i18n/fi.ts';
import { useT } from '../i18n/language.tsx';

/** What went wrong with a form: messages per field and one not tied to a field. The input is never touched. */
export interface FormErrors {
  fields: Readonly<Record<string, string>>;
  general: string | null;
  error: ApiError | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null, error: null };

export function hasErrors(errors: FormErrors): boolean {
  return errors.general !== null || Object.keys(errors.fields).length > 0;
}

/**
 * An API error as form errors. `fieldOfCode` places errors that concern one field (409 duplicate_email)
 * next to that field.
 */
export function apiFormErrors(
  t: Messages,
  error: unknown,
  fieldOfCode: Record<string, string> = {},
): FormErrors {
  if (error instanceof ApiError && error.issues.length > 0) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issueField(issue);
      fields[field] ??= issueMessage(t, issue);
    }
    return { fields, general: null, error };
  }
  const apiError = error instanceof ApiError ? error : null;
  if (apiError?.code === 'stale_version') return { fields: {}, general: t.stale.title, error: apiError };
  const field = apiError ? fieldOfCode[apiError.code] : undefined;
  if (field) return { fields: { [field]: errorMessage(t, error) }, general: null, error: apiError };
  return { fields: {}, general: errorMessage(t, error), error: apiError };
}

/** The required fields left empty, checked before sending so that the user hears of them at once. */
export function missingFields(t: Messages, values: Record<string, unknown>, required: readonly string[]) {
  const fields: Record<string, string> = {};
  for (const key of required) {
    const value = values[key];
    const empty =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) fields[key] = t.errors.issues.required;
  }
  return fields;
}

export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const FOCUSABLE = 'input:not([type="hidden"]), button, textarea, select, [tabindex]:not([tabindex="-1"])';

function focusableIn(element: HTMLElement | null): HTMLElement | null {
  if (!element) return null;
  if (element.matches(FOCUSABLE)) return element;
  return element.querySelector<HTMLElement>(FOCUSABLE);
}

/** A ref that finds the field when the link is followed (a Suomi.fi dropdown's id is on its wrapper). */
function fieldRef(id: string): RefObject<HTMLElement> {
  return {
    get current() {
      return focusableIn(document.getElementById(id)) as HTMLElement;
    },
  };
}

interface SummaryProps {
  errors: FormErrors;
  idPrefix: string;
  label: (field: string) => string;
  /** Shown with a general error: a link to an existing client, a button to reload the latest version. */
  children?: ReactNode;
}

/**
 * The errors at the top of a form (role=alert, focused when they change), each linking to its field;
 * the fields show their own message beside them.
 */
export function FormErrorSummary({ errors, idPrefix, label, children }: SummaryProps) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const generalRef = useRef<HTMLDivElement>(null);
  const fieldEntries = Object.entries(errors.fields);
  useEffect(() => {
    if (!hasErrors(errors)) return;
    if (Object.keys(errors.fields).length > 0) headingRef.current?.focus();
    else generalRef.current?.focus();
  }, [errors]);
  if (!hasErrors(errors)) return null;
  return (
    <div className="form-errors">
      {errors.general !== null && (
        <div ref={generalRef} tabIndex={-1} role="alert" data-qa="form-error" className="focus-target">
          <InlineAlert status="error" labelText={errors.general} mb="m">
            {children}
          </InlineAlert>
        </div>
      )}
      {fieldEntries.length > 0 && (
        <ErrorSummary
          role="alert"
          data-qa="form-error-summary"
          headingText={t.errors.summaryTitle}
          headingVariant="h2"
          headingRef={headingRef}
          mb="l"
          items={fieldEntries.map(([field, message]) => ({
            text: t.errors.fieldError(label(field), message),
            inputRef: fieldRef(fieldId(idPrefix, field)),
          }))}
        />
      )}
    </div>
  );
}

/**
 * 409 stale_version: someone saved in between. The typed input stays in the form; the user chooses when
 * to load the latest version over it.
 */
export function StaleVersionNotice({ errors, onReload }: { errors: FormErrors; onReload: () => void }) {
  const t = useT();
  if (errors.error?.code !== 'stale_version') return null;
  return (
    <>
      <p className="alert-text">{t.stale.text}</p>
      <Button variant="secondary" onClick={onReload} data-qa="reload-latest" mt="xs">
        {t.stale.reload}
      </Button>
    </>
  );
}
