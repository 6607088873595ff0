import { useState } from 'react';
import {
  Dropdown,
  DropdownItem,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import type { VISIT_MODES as SERVER_VISIT_MODES } from '../../modules/visits/visit.table.ts';
import { useSession } from '../auth/session.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import {
  CorrectedBadge,
  EntryActions,
  EntryForm,
  EntryMeta,
  type EntryMode,
  EntryRuleHelp,
  entryAnchor,
  useScrollToEntry,
} from './entry.tsx';
import { fieldLabel, pathFormErrors } from './path-shared.tsx';
import {
  type Case,
  useCaseProfessionals,
  useVisitMutations,
  useVisits,
  type Visit,
  type VisitInput,
} from './queries.ts';

type Mode = (typeof SERVER_VISIT_MODES)[number];
const MODES = ['in_person', 'phone', 'video'] as const satisfies readonly Mode[];

interface Values {
  visitOn: string;
  professionalUserId: string;
  mode: Mode;
  durationMinutes: string;
  note: string;
}

function valuesOf(visit: Visit | null, me: string): Values {
  return {
    visitOn: isoToFinnish(visit?.visitOn ?? todayIso()),
    professionalUserId: visit?.professionalUserId ?? me,
    mode: visit?.mode ?? 'in_person',
    durationMinutes: visit ? String(visit.durationMinutes) : '',
    note: visit?.note ?? '',
  };
}

/** The typed values as the API's body, or the fields to fix. */
function toInput(
  t: ReturnType<typeof useT>,
  v: Values,
): { input: VisitInput | null; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const visitOn = finnishToIso(v.visitOn);
  if (!visitOn) fields.visitOn = t.errors.issues.invalid_date;
  const minutes = Number(v.durationMinutes.trim());
  if (!v.durationMinutes.trim()) fields.durationMinutes = t.errors.issues.required;
  else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    fields.durationMinutes = t.errors.issues.invalid_type;
  if (Object.keys(fields).length > 0 || !visitOn) return { input: null, fields };
  return {
    input: {
      visitOn,
      professionalUserId: v.professionalUserId,
      mode: v.mode,
      durationMinutes: minutes,
      note: v.note,
    },
    fields,
  };
}

export function VisitsSection({ kase }: { kase: Case }) {
  const t = useT();
  const vs = t.clientPath.visits;
  const visits = useVisits(kase.id);
  const rows = visits.data ?? [];
  useScrollToEntry(visits.isSuccess);
  return (
    <Section title={vs.title} data-qa="case-visits" id="case-visits">
      <EntryRuleHelp />
      {visits.isPending ? (
        <Loading />
      ) : visits.isError ? (
        <LoadError error={visits.error} />
      ) : rows.length === 0 ? (
        <Paragraph mb="m">{vs.empty}</Paragraph>
      ) : (
        <ul className="entry-list">
          {rows.map((v) => (
            <VisitEntry key={v.id} kase={kase} visit={v} />
          ))}
        </ul>
      )}
      {kase.closedOn === null && <VisitForm kase={kase} visit={null} mode={null} onDone={() => {}} />}
    </Section>
  );
}

function VisitEntry({ kase, visit: v }: { kase: Case; visit: Visit }) {
  const t = useT();
  const [mode, setMode] = useState<EntryMode>(null);
  const line = t.clientPath.visits.line(
    t.clientPath.visitModes[v.mode],
    t.clientPath.common.minutes(v.durationMinutes),
    v.professionalName,
  );
  return (
    <li
      id={entryAnchor('visit', v.id)}
      tabIndex={-1}
      className={`entry${v.correctedById ? ' entry--corrected' : ''}`}
      data-qa="visit-entry"
    >
      <div className="entry__head">
        <strong>{formatDate(v.visitOn)}</strong> <span>{line}</span> <CorrectedBadge entry={v} />
      </div>
      {v.note && <p className="entry__text pre-line">{v.note}</p>}
      <EntryMeta kind="visit" entry={v} />
      <EntryActions entry={v} label={`${formatDate(v.visitOn)} ${line}`} mode={mode} onMode={setMode} />
      {mode && <VisitForm kase={kase} visit={v} mode={mode} onDone={() => setMode(null)} />}
    </li>
  );
}

const ADD = 'visit';

/** Adds a visit, edits one (author, 24 hours) or records its correction. */
function VisitForm({
  kase,
  visit,
  mode,
  onDone,
}: {
  kase: Case;
  visit: Visit | null;
  mode: EntryMode;
  onDone: () => void;
}) {
  const t = useT();
  const vs = t.clientPath.visits;
  const e = t.clientPath.entries;
  const flash = useFlash();
  const session = useSession();
  const me = session.user.id;
  const professionals = useCaseProfessionals(kase.id, session.membership.organisationId);
  const { add, update, correct } = useVisitMutations(kase.id, kase.clientId);
  const [values, setValues] = useState<Values>(() => valuesOf(visit, me));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const idPrefix = visit ? `${ADD}-${visit.id}` : ADD;
  const pending = add.isPending || update.isPending || correct.isPending;
  const people = professionals.data ?? [];
  // The author's own name stays selectable even if the list has not arrived yet.
  const choices = people.some((p) => p.userId === values.professionalUserId)
    ? people
    : [
        ...people,
        {
          userId: values.professionalUserId,
          name: visit?.professionalName ?? `${session.user.firstName} ${session.user.lastName}`,
          role: session.membership.role as string,
          organisationId: session.membership.organisationId,
          organisationName: session.membership.organisationName,
        },
      ];

  function submit() {
    const { input, fields } = toInput(t, values);
    if (!input) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const onError = (error: unknown) => setErrors(pathFormErrors(t, error, { future_date: 'visitOn' }));
    const onSuccess = (message: string) => () => {
      setErrors(NO_ERRORS);
      flash(message);
      if (visit) onDone();
      else setValues(valuesOf(null, me));
    };
    if (!visit) add.mutate(input, { onSuccess: onSuccess(vs.added), onError });
    else if (mode === 'edit')
      update.mutate(
        { ...input, id: visit.id, version: visit.version },
        { onSuccess: onSuccess(e.saved), onError },
      );
    else correct.mutate({ ...input, id: visit.id }, { onSuccess: onSuccess(e.correctedSaved), onError });
  }

  return (
    <EntryForm
      title={!visit ? vs.addTitle : mode === 'edit' ? e.editTitle : e.correctTitle}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(vs.fields, field)}
      onSubmit={submit}
      pending={pending}
      submitText={!visit ? vs.submit : mode === 'edit' ? t.common.save : e.saveCorrection}
      onCancel={visit ? onDone : undefined}
      focusOnOpen={visit !== null}
      help={mode === 'correct' ? <Paragraph mb="s">{e.correctHelp}</Paragraph> : undefined}
      data-qa={visit ? 'visit-edit-form' : 'visit-form'}
    >
      <div className="form-grid">
        <DateField
          id={fieldId(idPrefix, 'visitOn')}
          label={vs.fields.visitOn}
          value={values.visitOn}
          onChange={(v) => set('visitOn', v)}
          error={errors.fields.visitOn}
          data-qa="visit-date"
        />
        <Dropdown
          id={fieldId(idPrefix, 'professionalUserId')}
          labelText={vs.fields.professionalUserId}
          value={values.professionalUserId}
          onChange={(v) => set('professionalUserId', v)}
          status={errors.fields.professionalUserId ? 'error' : 'default'}
          statusText={errors.fields.professionalUserId}
          fullWidth
          data-qa="visit-professional"
        >
          {choices.map((p) => (
            <DropdownItem key={p.userId} value={p.userId}>
              {`${p.name}, ${lookup(t.roles, p.role) ?? p.role}`}
            </DropdownItem>
          ))}
        </Dropdown>
        <TextInput
          id={fieldId(idPrefix, 'durationMinutes')}
          labelText={vs.fields.durationMinutes}
          hintText={vs.durationHint}
          inputMode="numeric"
          value={values.durationMinutes}
          onChange={(v) => set('durationMinutes', String(v ?? ''))}
          status={errors.fields.durationMinutes ? 'error' : 'default'}
          statusText={errors.fields.durationMinutes}
          data-qa="visit-duration"
        />
      </div>
      <RadioButtonGroup
        id={fieldId(idPrefix, 'mode')}
        name={`${idPrefix}-mode`}
        labelText={vs.fields.mode}
        value={values.mode}
        onChange={(v) => set('mode', v as Mode)}
        className="inline-radios"
        mt="l"
        mb="l"
        data-qa="visit-mode"
      >
        {MODES.map((m) => (
          <RadioButton key={m} value={m} data-qa={`visit-mode-${m}`}>
            {t.clientPath.visitModes[m]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Textarea
        id={fieldId(idPrefix, 'note')}
        labelText={vs.fields.note}
        hintText={vs.noteHint}
        optionalText={t.common.optional}
        value={values.note}
        onChange={(ev) => set('note', ev.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
        data-qa="visit-note"
      />
    </EntryForm>
  );
}
