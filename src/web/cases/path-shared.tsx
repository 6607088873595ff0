import './client-path.css';
import { type ReactElement, useCallback } from 'react';
import { Button, DropdownItem, type DropdownItemProps } from 'suomifi-ui-components';
import type { REFERRAL_STATUSES } from '../../modules/referrals/referral.table.ts';
import { ApiError } from '../api.ts';
import { errorMessage, issueField, issueMessage } from '../i18n/errors.ts';
import type { Messages } from '../i18n/fi.ts';
import { lookup, useI18n, useT } from '../i18n/language.tsx';
import { apiFormErrors, type FormErrors } from '../shared/form.tsx';

/**
 * What the client path's pages share: names in the interface language, the path's error codes in words
 * (docs/client-path.md), the notice for a save someone else made first, and the referral status badge.
 */

interface Named {
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

interface Texted {
  textFi: string;
  textSv: string;
  textEn: string;
}

/** A pathway's, phase's or code's name, or a criterion's text, in the interface language. */
export function useLocalName() {
  const { lang } = useI18n();
  const name = useCallback(
    (n: Named | null | undefined) =>
      n ? (lang === 'sv' ? n.nameSv : lang === 'en' ? n.nameEn : n.nameFi) : '',
    [lang],
  );
  const text = useCallback(
    (n: Texted) => (lang === 'sv' ? n.textSv : lang === 'en' ? n.textEn : n.textFi),
    [lang],
  );
  return { name, text };
}

/** A code list entry by its code, named; the code itself when the list no longer has it. */
export function useCodeEntryName() {
  const { name } = useLocalName();
  return useCallback(
    (list: readonly (Named & { code: string })[] | undefined, code: string | null | undefined) => {
      if (!code) return '';
      const entry = list?.find((e) => e.code === code);
      return entry ? name(entry) : code;
    },
    [name],
  );
}

/** The path's own codes first (a 400's field code, 409 invalid_phase_change's reason), then the foundation's. */
export function pathErrorMessage(t: Messages, error: unknown): string {
  if (error instanceof ApiError) {
    // A 400 names the invalid field and its own code (a refused file: body.contentBase64 unsupported_file_type).
    const issue = error.issues[0];
    if (issue) return lookup(t.clientPath.errors, issue.code) ?? issueMessage(t, issue);
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    const specific =
      typeof reason === 'string' ? lookup(t.clientPath.errors, `${error.code}_${reason}`) : undefined;
    return specific ?? lookup(t.clientPath.errors, error.code) ?? errorMessage(t, error);
  }
  return errorMessage(t, error);
}

/**
 * An API error as form errors, like `apiFormErrors`, with the path's codes translated: a field's 400 next to
 * the field, a conflict placed on a field by `fieldOfCode`, else one general message. Input is never touched.
 */
export function pathFormErrors(
  t: Messages,
  error: unknown,
  fieldOfCode: Record<string, string> = {},
): FormErrors {
  if (!(error instanceof ApiError)) return apiFormErrors(t, error);
  if (error.issues.length > 0) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issueField(issue);
      fields[field] ??= lookup(t.clientPath.errors, issue.code) ?? issueMessage(t, issue);
    }
    return { fields, general: null, error };
  }
  if (error.code === 'stale_version') return { fields: {}, general: t.stale.title, error };
  const field = fieldOfCode[error.code];
  const message = pathErrorMessage(t, error);
  return field
    ? { fields: { [field]: message }, general: null, error }
    : { fields: {}, general: message, error };
}

/**
 * 409 stale_version on a case or a referral: someone saved first. The form keeps what was typed; the user
 * loads the latest data (and its version) and saves again.
 */
export function ReloadNotice({ errors, onReload }: { errors: FormErrors; onReload: () => void }) {
  const t = useT();
  if (errors.error?.code !== 'stale_version') return null;
  return (
    <>
      <p className="alert-text">{t.clientPath.common.staleText}</p>
      <Button variant="secondary" onClick={onReload} data-qa="reload-latest" mt="xs">
        {t.clientPath.common.reloadCase}
      </Button>
    </>
  );
}

type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const STATUS_CLASS: Record<ReferralStatus, string> = {
  sent: 'upcoming',
  received: 'upcoming',
  accepted: 'active',
  returned: 'withdrawn',
  redirected: 'expired',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const t = useT();
  return (
    <span className={`status status--${STATUS_CLASS[status]}`} data-qa="referral-status" data-status={status}>
      {t.clientPath.referralStatuses[status]}
    </span>
  );
}

/** 1,2 MB / 340 kB: sizes with a decimal comma, as dates are shown the Finnish way in every language. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** The label of a form's field by its API name, from a section of the dictionary. */
export function fieldLabel(section: object, field: string): string {
  return lookup(section, field) ?? lookup(section, field.split('.')[0] ?? field) ?? field;
}

/**
 * A Suomi.fi dropdown's items, never none: an empty list (still loading, or nothing to choose) would make the
 * dropdown fail, so it gets one disabled item that says so.
 */
export function dropdownItems(
  items: ReactElement<DropdownItemProps>[],
  emptyText: string,
): ReactElement<DropdownItemProps>[] {
  if (items.length > 0) return items;
  return [
    <DropdownItem key="__none" value="__none" disabled>
      {emptyText}
    </DropdownItem>,
  ];
}
