import { useState } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { useOrganisations } from '../admin/queries.ts';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDateTime, isoToFinnish, todayIso } from '../shared/dates.ts';
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
import { type Case, type Meeting, useMeetingMutations, useMeetings } from './queries.ts';
import { helsinkiDateTime, helsinkiParts, parseTime } from './time.ts';

export function MeetingsSection({ kase }: { kase: Case }) {
  const t = useT();
  const m = t.clientPath.meetings;
  const meetings = useMeetings(kase.id);
  const rows = meetings.data ?? [];
  useScrollToEntry(meetings.isSuccess);
  return (
    <Section title={m.title} data-qa="case-meetings" id="case-meetings">
      <Paragraph mb="m">{m.help}</Paragraph>
      <EntryRuleHelp />
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <LoadError error={meetings.error} />
      ) : rows.length === 0 ? (
        <Paragraph mb="m">{m.empty}</Paragraph>
      ) : (
        <ul className="entry-list">
          {rows.map((x) => (
            <MeetingEntry key={x.id} kase={kase} meeting={x} />
          ))}
        </ul>
      )}
      {kase.closedOn === null && <MeetingForm kase={kase} meeting={null} mode={null} onDone={() => {}} />}
    </Section>
  );
}

function MeetingEntry({ kase, meeting: x }: { kase: Case; meeting: Meeting }) {
  const t = useT();
  const m = t.clientPath.meetings;
  const [mode, setMode] = useState<EntryMode>(null);
  const when = formatDateTime(x.startsAt, t);
  return (
    <li
      id={entryAnchor('meeting', x.id)}
      tabIndex={-1}
      className={`entry${x.correctedById ? ' entry--corrected' : ''}`}
      data-qa="meeting-entry"
    >
      <div className="entry__head">
        <strong>{when}</strong>
        {x.durationMinutes !== null && <span>{t.clientPath.common.minutes(x.durationMinutes)}</span>}
        <CorrectedBadge entry={x} />
      </div>
      <p className="entry__line">
        {m.participants(x.participants.map((p) => p.organisationName).join(', '))}
      </p>
      {x.note && <p className="entry__text pre-line">{x.note}</p>}
      <div className="entry__answer">
        <strong>{m.summaryTitle}</strong>
        {x.summary === null ? (
          <p>{m.noSummary}</p>
        ) : (
          <>
            <p className="pre-line" data-qa="meeting-summary">
              {x.summary}
            </p>
            <p>{x.clientParticipated ? m.clientParticipated : m.clientAbsent}</p>
            <p className="meta" data-qa="meeting-signed">
              {m.signed(formatDateTime(x.signedAt, t), x.signedBy ?? t.common.notRecorded)}
            </p>
          </>
        )}
      </div>
      <EntryMeta kind="meeting" entry={x} />
      <EntryActions entry={x} label={when} mode={mode} onMode={setMode} />
      {mode && <MeetingForm kase={kase} meeting={x} mode={mode} onDone={() => setMode(null)} />}
      {x.permissions.sign && mode === null && <SignForm kase={kase} meeting={x} />}
    </li>
  );
}

interface Values {
  date: string;
  time: string;
  durationMinutes: string;
  organisationIds: string[];
  note: string;
  summary: string;
  clientParticipated: '' | 'yes' | 'no';
}

function valuesOf(meeting: Meeting | null, caseOrganisationId: string): Values {
  if (!meeting) {
    return {
      date: isoToFinnish(todayIso()),
      time: '',
      durationMinutes: '',
      organisationIds: [caseOrganisationId],
      note: '',
      summary: '',
      clientParticipated: '',
    };
  }
  const { date, time } = helsinkiParts(meeting.startsAt);
  return {
    date: isoToFinnish(date),
    time,
    durationMinutes: meeting.durationMinutes === null ? '' : String(meeting.durationMinutes),
    organisationIds: meeting.participants.map((p) => p.organisationId),
    note: meeting.note,
    summary: meeting.summary ?? '',
    clientParticipated: meeting.clientParticipated === null ? '' : meeting.clientParticipated ? 'yes' : 'no',
  };
}

const ADD = 'meeting';

/** Records a meeting, edits it (author, 24 hours, unsigned) or corrects it (a signed summary included). */
function MeetingForm({
  kase,
  meeting,
  mode,
  onDone,
}: {
  kase: Case;
  meeting: Meeting | null;
  mode: EntryMode;
  onDone: () => void;
}) {
  const t = useT();
  const m = t.clientPath.meetings;
  const e = t.clientPath.entries;
  const flash = useFlash();
  const organisations = useOrganisations();
  const { add, update, correct } = useMeetingMutations(kase.id, kase.clientId);
  const [values, setValues] = useState<Values>(() => valuesOf(meeting, kase.organisation.id));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const idPrefix = meeting ? `${ADD}-${meeting.id}` : ADD;
  const pending = add.isPending || update.isPending || correct.isPending;
  const withSummary = mode === 'correct' && meeting?.summary !== null && meeting !== null;
  // The team's organisations first: they are the usual participants.
  const teamIds = new Set(kase.members.filter((x) => x.removedAt === null).map((x) => x.organisationId));
  const choices = [...(organisations.data ?? [])]
    .filter((o) => o.active || values.organisationIds.includes(o.id))
    .sort(
      (a, b) => Number(teamIds.has(b.id)) - Number(teamIds.has(a.id)) || a.name.localeCompare(b.name, 'fi'),
    );

  function submit() {
    const fields: Record<string, string> = {};
    const date = finnishToIso(values.date);
    if (!date) fields.date = t.errors.issues.invalid_date;
    const time = parseTime(values.time);
    if (!time) fields.time = m.invalidTime;
    const duration = values.durationMinutes.trim() ? Number(values.durationMinutes.trim()) : null;
    if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > 1440))
      fields.durationMinutes = t.errors.issues.invalid_type;
    if (values.organisationIds.length === 0) fields.organisationIds = t.errors.issues.required;
    if (withSummary && !values.summary.trim()) fields.summary = t.errors.issues.required;
    if (Object.keys(fields).length > 0 || !date || !time) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const input = {
      startsAt: helsinkiDateTime(date, time),
      ...(duration !== null ? { durationMinutes: duration } : {}),
      organisationIds: values.organisationIds,
      note: values.note,
    };
    // The API names the time startsAt; the form has it in two fields.
    const onError = (error: unknown) => {
      const result = pathFormErrors(t, error);
      const { startsAt, ...rest } = result.fields;
      setErrors(startsAt ? { ...result, fields: { ...rest, time: startsAt } } : result);
    };
    const onSuccess = (message: string) => () => {
      setErrors(NO_ERRORS);
      flash(message);
      if (meeting) onDone();
      else setValues(valuesOf(null, kase.organisation.id));
    };
    if (!meeting) add.mutate(input, { onSuccess: onSuccess(m.added), onError });
    else if (mode === 'edit')
      update.mutate(
        { ...input, id: meeting.id, version: meeting.version },
        { onSuccess: onSuccess(e.saved), onError },
      );
    else
      correct.mutate(
        {
          ...input,
          id: meeting.id,
          ...(withSummary
            ? { summary: values.summary, clientParticipated: values.clientParticipated === 'yes' }
            : {}),
        },
        { onSuccess: onSuccess(e.correctedSaved), onError },
      );
  }

  return (
    <EntryForm
      title={!meeting ? m.addTitle : mode === 'edit' ? e.editTitle : e.correctTitle}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(m.fields, field)}
      onSubmit={submit}
      pending={pending}
      submitText={!meeting ? m.submit : mode === 'edit' ? t.common.save : e.saveCorrection}
      onCancel={meeting ? onDone : undefined}
      focusOnOpen={meeting !== null}
      help={mode === 'correct' ? <Paragraph mb="s">{e.correctHelp}</Paragraph> : undefined}
      data-qa={meeting ? 'meeting-edit-form' : 'meeting-form'}
    >
      <div className="form-grid">
        <DateField
          id={fieldId(idPrefix, 'date')}
          label={m.fields.date}
          value={values.date}
          onChange={(v) => set('date', v)}
          error={errors.fields.date}
          data-qa="meeting-date"
        />
        <TextInput
          id={fieldId(idPrefix, 'time')}
          labelText={m.fields.time}
          hintText={m.timeHint}
          value={values.time}
          onChange={(v) => set('time', String(v ?? ''))}
          status={errors.fields.time ? 'error' : 'default'}
          statusText={errors.fields.time}
          data-qa="meeting-time"
        />
        <TextInput
          id={fieldId(idPrefix, 'durationMinutes')}
          labelText={m.fields.durationMinutes}
          optionalText={t.common.optional}
          inputMode="numeric"
          value={values.durationMinutes}
          onChange={(v) => set('durationMinutes', String(v ?? ''))}
          status={errors.fields.durationMinutes ? 'error' : 'default'}
          statusText={errors.fields.durationMinutes}
          data-qa="meeting-duration"
        />
      </div>
      <CheckboxGroup
        id={fieldId(idPrefix, 'organisationIds')}
        labelText={m.fields.organisationIds}
        groupStatus={errors.fields.organisationIds ? 'error' : 'default'}
        groupStatusText={errors.fields.organisationIds}
        mt="l"
        mb="l"
        data-qa="meeting-organisations"
      >
        {choices.map((o) => (
          <Checkbox
            key={o.id}
            checked={values.organisationIds.includes(o.id)}
            onClick={({ checkboxState }) =>
              setValues((v) => ({
                ...v,
                organisationIds: checkboxState
                  ? [...v.organisationIds, o.id]
                  : v.organisationIds.filter((x) => x !== o.id),
              }))
            }
          >
            {o.name}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Textarea
        id={fieldId(idPrefix, 'note')}
        labelText={m.fields.note}
        optionalText={t.common.optional}
        value={values.note}
        onChange={(ev) => set('note', ev.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
        data-qa="meeting-note"
      />
      {withSummary && (
        <SummaryFields
          idPrefix={idPrefix}
          values={values}
          onChange={(key, value) => set(key, value)}
          errors={errors}
        />
      )}
    </EntryForm>
  );
}

function SummaryFields({
  idPrefix,
  values,
  onChange,
  errors,
}: {
  idPrefix: string;
  values: Pick<Values, 'summary' | 'clientParticipated'>;
  onChange: <K extends 'summary' | 'clientParticipated'>(key: K, value: Values[K]) => void;
  errors: FormErrors;
}) {
  const t = useT();
  const m = t.clientPath.meetings;
  return (
    <>
      <Textarea
        id={fieldId(idPrefix, 'summary')}
        labelText={m.fields.summary}
        value={values.summary}
        onChange={(ev) => onChange('summary', ev.target.value)}
        status={errors.fields.summary ? 'error' : 'default'}
        statusText={errors.fields.summary}
        fullWidth
        mt="l"
        data-qa="meeting-summary-text"
      />
      <RadioButtonGroup
        id={fieldId(idPrefix, 'clientParticipated')}
        name={`${idPrefix}-client-participated`}
        labelText={m.fields.clientParticipated}
        value={values.clientParticipated}
        onChange={(v) => onChange('clientParticipated', v as Values['clientParticipated'])}
        groupStatus={errors.fields.clientParticipated ? 'error' : 'default'}
        groupStatusText={errors.fields.clientParticipated}
        className="inline-radios"
        mt="l"
        data-qa="meeting-client-participated"
      >
        <RadioButton value="yes">{t.clientPath.common.yes}</RadioButton>
        <RadioButton value="no">{t.clientPath.common.no}</RadioButton>
      </RadioButtonGroup>
    </>
  );
}

/** The shared summary, written after the meeting and signed with the writer's name. */
function SignForm({ kase, meeting }: { kase: Case; meeting: Meeting }) {
  const t = useT();
  const m = t.clientPath.meetings;
  const flash = useFlash();
  const { sign } = useMeetingMutations(kase.id, kase.clientId);
  const [values, setValues] = useState<Pick<Values, 'summary' | 'clientParticipated'>>({
    summary: '',
    clientParticipated: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const idPrefix = `sign-${meeting.id}`;
  return (
    <EntryForm
      title={m.signTitle}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(m.fields, field)}
      onSubmit={() => {
        const fields: Record<string, string> = {};
        if (!values.summary.trim()) fields.summary = t.errors.issues.required;
        if (!values.clientParticipated) fields.clientParticipated = t.errors.issues.required;
        if (Object.keys(fields).length > 0) {
          setErrors({ fields, general: null, error: null });
          return;
        }
        sign.mutate(
          {
            id: meeting.id,
            summary: values.summary,
            clientParticipated: values.clientParticipated === 'yes',
            version: meeting.version,
          },
          {
            onSuccess: () => {
              setErrors(NO_ERRORS);
              flash(m.signedFlash);
            },
            onError: (error) => setErrors(pathFormErrors(t, error)),
          },
        );
      }}
      pending={sign.isPending}
      submitText={m.signSubmit}
      help={<Paragraph mb="s">{m.signHelp}</Paragraph>}
      data-qa="sign-form"
    >
      <SummaryFields
        idPrefix={idPrefix}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        errors={errors}
      />
    </EntryForm>
  );
}
