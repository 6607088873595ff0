import { useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { MODULE_DECISIONS } from '../../modules/coaching/coaching.table.ts';
import { useCan } from '../auth/session.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { type Coaching, type CoachingModule, useReviewModule, useStartModule } from './queries.ts';
import { SubForm, useApiFormErrors } from './ui.tsx';

type Decision = (typeof MODULE_DECISIONS)[number];

/**
 * Modular coaching: one module at a time, each with a goal; at its end client, coach and purchaser review it
 * together and decide on the next module or the end of the coaching.
 */
export function ModulesSection({ coaching }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const active = coaching.endedOn === null;
  const open = coaching.modules.find((m) => m.review === null);
  const mayStart = active && !open && can('coachingModule.create');

  return (
    <Section
      title={e.modules.title}
      data-qa="coaching-modules"
      actions={
        mayStart &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)} data-qa="add-module">
            {coaching.modules.length === 0 ? e.modules.addFirst : e.modules.addNext}
          </Button>
        )
      }
    >
      <Paragraph mb="m">{e.modules.intro}</Paragraph>
      {adding && <ModuleForm coaching={coaching} onDone={() => setAdding(false)} />}
      {coaching.modules.length === 0 ? (
        <Paragraph data-qa="modules-empty">{e.modules.empty}</Paragraph>
      ) : (
        <ol className="plain-list module-list">
          {coaching.modules.map((m) => (
            <li key={m.id} className="module" data-qa="module">
              <Heading variant="h3" mb="xs">
                {e.modules.moduleTitle(m.ordinal)}
              </Heading>
              <dl className="data-list pre-wrap">
                <dt>{e.modules.fields.goal}</dt>
                <dd data-qa="module-goal">{m.goal}</dd>
                <dt>{e.modules.period}</dt>
                <dd>{`${formatDate(m.startedOn)}–${formatDate(m.plannedEndOn)}`}</dd>
                <dt>{e.modules.review}</dt>
                <dd data-qa="module-review">
                  {m.review ? (
                    <>
                      {e.modules.reviewedText(
                        formatDate(m.review.reviewedOn),
                        e.moduleDecisions[m.review.decision],
                        [
                          m.review.attended.client && e.modules.participants.client,
                          m.review.attended.coach && e.modules.participants.coach,
                          m.review.attended.purchaser &&
                            (m.review.purchaserName
                              ? `${e.modules.participants.purchaser} (${m.review.purchaserName})`
                              : e.modules.participants.purchaser),
                        ]
                          .filter(Boolean)
                          .join(', '),
                      )}
                      {m.review.notes && (
                        <>
                          <br />
                          {m.review.notes}
                        </>
                      )}
                    </>
                  ) : (
                    e.modules.awaitingReview
                  )}
                </dd>
              </dl>
              {!m.review && active && can('coachingModule.review') && reviewing !== m.id && (
                <Button
                  variant="secondary"
                  onClick={() => setReviewing(m.id)}
                  mt="s"
                  data-qa="review-module"
                  aria-label={`${e.modules.reviewButton}: ${e.modules.moduleTitle(m.ordinal)}`}
                >
                  {e.modules.reviewButton}
                </Button>
              )}
              {reviewing === m.id && <ReviewForm module={m} onDone={() => setReviewing(null)} />}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

const MODULE_ID = 'module';

function ModuleForm({ coaching, onDone }: { coaching: Coaching; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const start = useStartModule(coaching.id);
  const [values, setValues] = useState({ goal: '', startedOn: isoToFinnish(todayIso()), plannedEndOn: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.modules.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['goal', 'startedOn', 'plannedEndOn']);
    const startedOn = finnishToIso(values.startedOn);
    const plannedEndOn = finnishToIso(values.plannedEndOn);
    if (!fields.startedOn && !startedOn) fields.startedOn = t.errors.issues.invalid_date;
    if (!fields.plannedEndOn && !plannedEndOn) fields.plannedEndOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !startedOn || !plannedEndOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    start.mutate(
      { goal: values.goal, startedOn, plannedEndOn },
      {
        onSuccess: () => {
          flash(e.modules.started);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={MODULE_ID}
      title={e.modules.formTitle}
      errors={errors}
      label={label}
      pending={start.isPending}
      submitText={e.modules.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="module-form"
    >
      <Textarea
        id={fieldId(MODULE_ID, 'goal')}
        labelText={e.modules.fields.goal}
        hintText={e.modules.goalHint}
        value={values.goal}
        onChange={(ev) => set('goal', ev.target.value)}
        status={errors.fields.goal ? 'error' : 'default'}
        statusText={errors.fields.goal}
        fullWidth
        mb="m"
        data-qa="module-goal-input"
      />
      <div className="form-grid">
        <DateField
          id={fieldId(MODULE_ID, 'startedOn')}
          label={e.modules.fields.startedOn}
          value={values.startedOn}
          onChange={(v) => set('startedOn', v)}
          error={errors.fields.startedOn}
          data-qa="module-started-on"
        />
        <DateField
          id={fieldId(MODULE_ID, 'plannedEndOn')}
          label={e.modules.fields.plannedEndOn}
          value={values.plannedEndOn}
          onChange={(v) => set('plannedEndOn', v)}
          error={errors.fields.plannedEndOn}
          data-qa="module-planned-end"
        />
      </div>
    </SubForm>
  );
}

const REVIEW_ID = 'module-review';

function ReviewForm({ module: m, onDone }: { module: CoachingModule; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const review = useReviewModule();
  const [values, setValues] = useState({
    reviewedOn: isoToFinnish(todayIso()),
    client: true,
    coach: true,
    purchaser: false,
    purchaserName: '',
    decision: '' as Decision | '',
    notes: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.modules.reviewFields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['reviewedOn', 'decision']);
    const reviewedOn = finnishToIso(values.reviewedOn);
    if (!fields.reviewedOn && !reviewedOn) fields.reviewedOn = t.errors.issues.invalid_date;
    if (!values.client && !values.coach && !values.purchaser) fields.attended = e.errorCodes.nobody_attended;
    if (Object.keys(fields).length > 0 || !reviewedOn || !values.decision) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    review.mutate(
      {
        moduleId: m.id,
        reviewedOn,
        attended: { client: values.client, coach: values.coach, purchaser: values.purchaser },
        ...(values.purchaser && values.purchaserName.trim() ? { purchaserName: values.purchaserName } : {}),
        decision: values.decision,
        notes: values.notes,
        version: m.version,
      },
      {
        onSuccess: () => {
          flash(values.decision === 'end_coaching' ? e.modules.reviewedEnd : e.modules.reviewedNext);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={REVIEW_ID}
      title={e.modules.reviewTitle(m.ordinal)}
      intro={e.modules.reviewIntro}
      errors={errors}
      label={label}
      pending={review.isPending}
      submitText={e.modules.reviewSubmit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="module-review-form"
    >
      <DateField
        id={fieldId(REVIEW_ID, 'reviewedOn')}
        label={e.modules.reviewFields.reviewedOn}
        value={values.reviewedOn}
        onChange={(v) => set('reviewedOn', v)}
        error={errors.fields.reviewedOn}
      />
      <CheckboxGroup
        id={fieldId(REVIEW_ID, 'attended')}
        labelText={e.modules.reviewFields.attended}
        groupStatus={errors.fields.attended ? 'error' : 'default'}
        groupStatusText={errors.fields.attended}
        mt="m"
        mb="m"
      >
        <Checkbox checked={values.client} onClick={({ checkboxState }) => set('client', checkboxState)}>
          {e.modules.participants.client}
        </Checkbox>
        <Checkbox checked={values.coach} onClick={({ checkboxState }) => set('coach', checkboxState)}>
          {e.modules.participants.coach}
        </Checkbox>
        <Checkbox checked={values.purchaser} onClick={({ checkboxState }) => set('purchaser', checkboxState)}>
          {e.modules.participants.purchaser}
        </Checkbox>
      </CheckboxGroup>
      {values.purchaser && (
        <TextInput
          id={fieldId(REVIEW_ID, 'purchaserName')}
          labelText={e.modules.reviewFields.purchaserName}
          hintText={e.modules.purchaserHint}
          optionalText={t.common.optional}
          value={values.purchaserName}
          onChange={(v) => set('purchaserName', String(v ?? ''))}
          status={errors.fields.purchaserName ? 'error' : 'default'}
          statusText={errors.fields.purchaserName}
          fullWidth
          mb="m"
        />
      )}
      <RadioButtonGroup
        id={fieldId(REVIEW_ID, 'decision')}
        name={`${REVIEW_ID}-decision`}
        labelText={e.modules.reviewFields.decision}
        value={values.decision || undefined}
        onChange={(v) => set('decision', v as Decision)}
        groupStatus={errors.fields.decision ? 'error' : 'default'}
        groupStatusText={errors.fields.decision}
        mb="m"
        data-qa="module-decision"
      >
        {MODULE_DECISIONS.map((d) => (
          <RadioButton key={d} value={d} hintText={e.moduleDecisionHints[d]}>
            {e.moduleDecisions[d]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Textarea
        id={fieldId(REVIEW_ID, 'notes')}
        labelText={e.modules.reviewFields.notes}
        optionalText={t.common.optional}
        value={values.notes}
        onChange={(ev) => set('notes', ev.target.value)}
        fullWidth
      />
    </SubForm>
  );
}
