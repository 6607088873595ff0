import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { Button, Details, Heading } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors } from '../shared/form.tsx';
import { ReloadNotice } from './path-shared.tsx';

/** What every visit, consultation and meeting entry has: its author, the 24-hour window and corrections. */
export interface EntryFacts {
  id: string;
  recordedAt: string;
  recordedBy: string | null;
  editableUntil: string;
  correctsId: string | null;
  correctedById: string | null;
  permissions: { edit: boolean; correct: boolean };
}

/** Which form, if any, is open on an entry. */
export type EntryMode = 'edit' | 'correct' | null;

/** The element id of an entry, so that an original and its correction can point to each other. */
export const entryAnchor = (kind: string, id: string) => `${kind}-${id}`;

/**
 * Moves to another entry on the page: scrolled into view and focused. A plain #fragment link would also
 * be a navigation, and the page would move the focus back to its heading.
 */
function EntryLink({ kind, id, children }: { kind: string; id: string; children: ReactNode }) {
  return (
    <a
      href={`#${entryAnchor(kind, id)}`}
      onClick={(event) => {
        event.preventDefault();
        const target = document.getElementById(entryAnchor(kind, id));
        if (!target) return;
        target.scrollIntoView({ block: 'center' });
        target.focus();
      }}
    >
      {children}
    </a>
  );
}

/** Who recorded the entry and when, until when its author may edit it, and its place in a correction. */
export function EntryMeta({ kind, entry }: { kind: string; entry: EntryFacts }) {
  const t = useT();
  const e = t.clientPath.entries;
  return (
    <div className="entry__meta">
      <span>{e.recorded(formatDateTime(entry.recordedAt, t), entry.recordedBy ?? t.common.notRecorded)}</span>
      {entry.permissions.edit && (
        <span data-qa="entry-editable-until">{e.editableUntil(formatDateTime(entry.editableUntil, t))}</span>
      )}
      {entry.correctsId && (
        <span data-qa="entry-corrects">
          {e.corrects}:{' '}
          <EntryLink kind={kind} id={entry.correctsId}>
            {e.openOriginal}
          </EntryLink>
        </span>
      )}
      {entry.correctedById && (
        <span data-qa="entry-corrected-by">
          <EntryLink kind={kind} id={entry.correctedById}>
            {e.correctedBy}
          </EntryLink>
        </span>
      )}
    </div>
  );
}

export function CorrectedBadge({ entry }: { entry: EntryFacts }) {
  const t = useT();
  if (!entry.correctedById) return null;
  return (
    <span className="status status--expired" data-qa="entry-corrected">
      {t.clientPath.entries.corrected}
    </span>
  );
}

/**
 * A worklist link to one consultation or meeting (`/cases/:id#meeting-…`): once the list has arrived, the
 * entry is scrolled into view and takes the focus.
 */
export function useScrollToEntry(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }, [ready, hash]);
}

/** Edit within the author's 24 hours, else correct (the original stays, marked corrected). */
export function EntryActions({
  entry,
  label,
  mode,
  onMode,
  disabled,
}: {
  entry: EntryFacts;
  label: string;
  mode: EntryMode;
  onMode: (mode: EntryMode) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const e = t.clientPath.entries;
  if (mode !== null || disabled) return null;
  if (entry.permissions.edit) {
    return (
      <Button
        variant="secondaryNoBorder"
        onClick={() => onMode('edit')}
        aria-label={`${e.edit}: ${label}`}
        data-qa="entry-edit"
      >
        {e.edit}
      </Button>
    );
  }
  if (entry.permissions.correct) {
    return (
      <Button
        variant="secondaryNoBorder"
        onClick={() => onMode('correct')}
        aria-label={`${e.correct}: ${label}`}
        data-qa="entry-correct"
      >
        {e.correct}
      </Button>
    );
  }
  return null;
}

/** The 24-hour rule, said once per list of entries. */
export function EntryRuleHelp() {
  const t = useT();
  return (
    <Details summaryLabel={t.clientPath.entries.ruleTitle} mb="m" className="entry-rule">
      {t.clientPath.entries.ruleHelp}
    </Details>
  );
}

/**
 * A form inside a case section: heading (focused when it opens on request), error summary with the reload
 * offer for a save someone else made first, the fields and the buttons. What was typed is never cleared on
 * an error.
 */
export function EntryForm({
  title,
  idPrefix,
  errors,
  label,
  onSubmit,
  pending,
  submitText,
  onCancel,
  onReload,
  focusOnOpen = false,
  help,
  children,
  'data-qa': dataQa,
}: {
  title?: string;
  idPrefix: string;
  errors: FormErrors;
  label: (field: string) => string;
  onSubmit: () => void;
  pending: boolean;
  submitText: string;
  onCancel?: () => void;
  onReload?: () => void;
  focusOnOpen?: boolean;
  help?: ReactNode;
  children: ReactNode;
  'data-qa'?: string;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="subpanel" onSubmit={submit} noValidate data-qa={dataQa}>
      {title && (
        <Heading variant="h3" ref={headingRef} tabIndex={-1} mb="s">
          {title}
        </Heading>
      )}
      {help && <div className="form-help">{help}</div>}
      <FormErrorSummary errors={errors} idPrefix={idPrefix} label={label}>
        {onReload && <ReloadNotice errors={errors} onReload={onReload} />}
      </FormErrorSummary>
      {children}
      <div className="button-row">
        <Button type="submit" disabled={pending} data-qa={dataQa ? `${dataQa}-submit` : undefined}>
          {pending ? t.common.saving : submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
