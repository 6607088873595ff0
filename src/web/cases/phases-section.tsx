import { useState } from 'react';
import { Paragraph, RadioButton, RadioButtonGroup, Table, Textarea } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { EntryForm } from './entry.tsx';
import { fieldLabel, pathFormErrors, useLocalName } from './path-shared.tsx';
import { type Case, useChangePhase } from './queries.ts';

const ID = 'phase-change';

/**
 * The pathway's phases as an ordered list with the current one marked (aria-current="step"), the change of
 * phase (next, or back to any earlier one) and the history of changes.
 */
export function PhasesSection({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const ph = t.clientPath.phases;
  const { name } = useLocalName();
  const current = kase.currentPhase;
  const total = kase.phases.length;
  const phaseName = (id: string | null) => name(kase.phases.find((p) => p.id === id));

  return (
    <Section title={ph.title} data-qa="case-phases" id="case-phases">
      <ol className="phase-steps" aria-label={ph.listLabel(name(kase.pathway))} data-qa="phase-steps">
        {kase.phases.map((p) => {
          const state = p.id === current.id ? 'current' : p.ordinal < current.ordinal ? 'done' : 'upcoming';
          return (
            <li
              key={p.id}
              className={`phase-step phase-step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
              data-qa="phase-step"
              data-state={state}
            >
              <span className="phase-step__marker" aria-hidden="true">
                {state === 'done' ? '✓' : p.ordinal}
              </span>
              <span className="phase-step__body">
                <span className="phase-step__count">{ph.stepLabel(p.ordinal, total)}</span>
                <span className="phase-step__name">{name(p)}</span>
                <span className="phase-step__state">
                  {state === 'current'
                    ? `${ph.current}: ${ph.since(formatDate(kase.phaseChangedOn), t.clientPath.common.days(kase.daysInPhase))}`
                    : state === 'done'
                      ? ph.done
                      : ph.upcoming}
                </span>
              </span>
            </li>
          );
        })}
      </ol>

      {kase.closedOn === null && kase.allowedPhaseIds.length > 0 && (
        <PhaseChangeForm kase={kase} onReload={onReload} />
      )}

      <div className="table-wrapper" data-qa="phase-history">
        <Table
          caption={ph.historyCaption}
          columns={[
            { key: 'date', labelText: ph.historyColumns.date },
            { key: 'phase', labelText: ph.historyColumns.phase },
            { key: 'note', labelText: ph.historyColumns.note },
            { key: 'by', labelText: ph.historyColumns.by },
          ]}
          data={[...kase.phaseHistory].reverse().map((h) => ({
            id: h.id,
            date: <span className="nowrap">{formatDate(h.changedOn)}</span>,
            phase: h.fromPhaseId
              ? ph.fromTo(phaseName(h.fromPhaseId), phaseName(h.toPhaseId))
              : `${ph.opened}: ${phaseName(h.toPhaseId)}`,
            note: h.note,
            by: t.clientPath.common.organisationOf(h.recordedBy ?? t.common.notRecorded, h.organisationName),
          }))}
        />
      </div>
    </Section>
  );
}

interface Values {
  phaseId: string;
  changedOn: string;
  note: string;
}

function PhaseChangeForm({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const ph = t.clientPath.phases;
  const flash = useFlash();
  const { name } = useLocalName();
  const change = useChangePhase(kase.id);
  const allowed = kase.phases.filter((p) => kase.allowedPhaseIds.includes(p.id));
  const next = allowed.find((p) => p.ordinal > kase.currentPhase.ordinal);
  const [values, setValues] = useState<Values>({
    phaseId: next?.id ?? '',
    changedOn: isoToFinnish(todayIso()),
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  // Phases listed forward first: the next one, then the way back, nearest first.
  const options = [...allowed].sort((a, b) =>
    a.ordinal > kase.currentPhase.ordinal
      ? -1
      : b.ordinal > kase.currentPhase.ordinal
        ? 1
        : b.ordinal - a.ordinal,
  );

  function submit() {
    const fields: Record<string, string> = {};
    if (!values.phaseId) fields.phaseId = t.errors.issues.required;
    const changedOn = finnishToIso(values.changedOn);
    if (!changedOn) fields.changedOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !changedOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    change.mutate(
      { phaseId: values.phaseId, changedOn, note: values.note, version: kase.version },
      {
        onSuccess: (k) => {
          setErrors(NO_ERRORS);
          const nextOne = k.phases.find(
            (p) => k.allowedPhaseIds.includes(p.id) && p.ordinal > k.currentPhase.ordinal,
          );
          setValues({ phaseId: nextOne?.id ?? '', changedOn: isoToFinnish(todayIso()), note: '' });
          flash(ph.changed);
        },
        onError: (error) =>
          setErrors(
            pathFormErrors(t, error, { future_date: 'changedOn', before_previous_change: 'changedOn' }),
          ),
      },
    );
  }

  return (
    <EntryForm
      title={ph.changeTitle}
      idPrefix={ID}
      errors={errors}
      label={(field) => fieldLabel(ph.fields, field)}
      onSubmit={submit}
      pending={change.isPending}
      submitText={ph.submit}
      onReload={async () => {
        await onReload();
        setErrors(NO_ERRORS);
        flash(t.clientPath.common.reloaded);
      }}
      data-qa="phase-change-form"
    >
      <Paragraph mb="m">{ph.changeHelp}</Paragraph>
      <RadioButtonGroup
        id={fieldId(ID, 'phaseId')}
        name={`${ID}-phase`}
        labelText={ph.fields.phaseId}
        value={values.phaseId}
        onChange={(v) => set('phaseId', v)}
        groupStatus={errors.fields.phaseId ? 'error' : 'default'}
        groupStatusText={errors.fields.phaseId}
        mb="l"
        data-qa="phase-options"
      >
        {options.map((p) => (
          <RadioButton key={p.id} value={p.id} data-qa="phase-option">
            {p.ordinal > kase.currentPhase.ordinal
              ? ph.next(`${p.ordinal}. ${name(p)}`)
              : ph.back(`${p.ordinal}. ${name(p)}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <div className="form-grid">
        <DateField
          id={fieldId(ID, 'changedOn')}
          label={ph.fields.changedOn}
          value={values.changedOn}
          onChange={(v) => set('changedOn', v)}
          error={errors.fields.changedOn}
          data-qa="phase-date"
        />
      </div>
      <Textarea
        id={fieldId(ID, 'note')}
        labelText={ph.fields.note}
        hintText={ph.noteHint}
        optionalText={t.common.optional}
        value={values.note}
        onChange={(e) => set('note', e.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
        mt="l"
        data-qa="phase-note"
      />
    </EntryForm>
  );
}
