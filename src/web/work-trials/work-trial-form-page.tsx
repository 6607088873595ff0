import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Paragraph,
  RouterLink,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { useCoaching } from '../coaching/queries.ts';
import { itemsOrNone, parseDecimal, useApiFormErrors } from '../coaching/ui.tsx';
import { useEmployer, useEmployers } from '../employers/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { useCreateWorkTrial } from './queries.ts';

const ID = 'work-trial';

/** Plans a work trial: the place and its supervisor, the tasks and goals, and the period. */
export function NewWorkTrialPage() {
  const { id: coachingId = '' } = useParams();
  const t = useT();
  const e = t.employment;
  const navigate = useNavigate();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const coaching = useCoaching(coachingId);
  const employers = useEmployers();
  const create = useCreateWorkTrial(coachingId);
  const [values, setValues] = useState({
    employerId: '',
    supervisorContactPersonId: '',
    tasks: '',
    goals: '',
    hoursPerWeek: '',
    startsOn: isoToFinnish(todayIso()),
    endsOn: '',
  });
  const employer = useEmployer(values.employerId || undefined);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.workTrials.fields, field) ?? field;
  const persons = (employer.data?.contactPersons ?? []).filter((p) => p.active);

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, values, [
      'employerId',
      'supervisorContactPersonId',
      'tasks',
      'goals',
      'startsOn',
      'endsOn',
    ]);
    const startsOn = finnishToIso(values.startsOn);
    const endsOn = finnishToIso(values.endsOn);
    if (!fields.startsOn && !startsOn) fields.startsOn = t.errors.issues.invalid_date;
    if (!fields.endsOn && !endsOn) fields.endsOn = t.errors.issues.invalid_date;
    if (startsOn && endsOn && endsOn < startsOn) fields.endsOn = e.workTrials.endBeforeStart;
    const hours = values.hoursPerWeek.trim() ? parseDecimal(values.hoursPerWeek) : null;
    if (values.hoursPerWeek.trim() && (hours === null || hours <= 0 || hours > 80)) {
      fields.hoursPerWeek = e.placements.hoursInvalid;
    }
    if (Object.keys(fields).length > 0 || !startsOn || !endsOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    create.mutate(
      {
        employerId: values.employerId,
        supervisorContactPersonId: values.supervisorContactPersonId,
        tasks: values.tasks,
        goals: values.goals,
        hoursPerWeek: hours,
        startsOn,
        endsOn,
      },
      {
        onSuccess: (trial) => {
          flash(e.workTrials.created, { nextPage: true });
          navigate(`/work-trials/${trial.id}`);
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  if (coaching.isPending || employers.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const failed = coaching.error ?? employers.error;
  if (failed || !coaching.data) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={failed} />
      </>
    );
  }

  return (
    <div data-qa="new-work-trial-page">
      <PageHeading>{e.workTrials.addTitle(coaching.data.clientName)}</PageHeading>
      <Paragraph mb="l">{e.workTrials.addIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form className="panel" onSubmit={submit} noValidate data-qa="work-trial-form">
        <div className="form-grid">
          <Dropdown
            id={fieldId(ID, 'employerId')}
            labelText={e.workTrials.fields.employerId}
            visualPlaceholder={t.common.choose}
            value={values.employerId || null}
            onChange={(v) => setValues((x) => ({ ...x, employerId: v, supervisorContactPersonId: '' }))}
            status={errors.fields.employerId ? 'error' : 'default'}
            statusText={errors.fields.employerId}
            fullWidth
            data-qa="work-trial-employer"
          >
            {itemsOrNone(
              (employers.data ?? []).map((x) => (
                <DropdownItem key={x.id} value={x.id}>
                  {x.name}
                </DropdownItem>
              )),
              e.noOptions,
            )}
          </Dropdown>
          <Dropdown
            id={fieldId(ID, 'supervisorContactPersonId')}
            labelText={e.workTrials.fields.supervisorContactPersonId}
            hintText={e.workTrials.supervisorHint}
            visualPlaceholder={t.common.choose}
            value={values.supervisorContactPersonId || null}
            onChange={(v) => set('supervisorContactPersonId', v)}
            disabled={!values.employerId}
            status={errors.fields.supervisorContactPersonId ? 'error' : 'default'}
            statusText={errors.fields.supervisorContactPersonId}
            fullWidth
            data-qa="work-trial-supervisor"
          >
            {itemsOrNone(
              persons.map((p) => (
                <DropdownItem key={p.id} value={p.id}>
                  {p.email ? p.name : e.workTrials.noEmail(p.name)}
                </DropdownItem>
              )),
              values.employerId ? e.workTrials.noPersons : e.workTrials.chooseEmployerFirst,
            )}
          </Dropdown>
        </div>
        {values.employerId && employer.data && persons.length === 0 && (
          <Paragraph mt="s" data-qa="work-trial-no-persons">
            {e.workTrials.noPersons}{' '}
            <RouterLink asComponent={Link} to={`/employers/${values.employerId}`}>
              {e.workTrials.toEmployer}
            </RouterLink>
          </Paragraph>
        )}
        <Textarea
          id={fieldId(ID, 'tasks')}
          labelText={e.workTrials.fields.tasks}
          hintText={e.workTrials.tasksHint}
          value={values.tasks}
          onChange={(ev) => set('tasks', ev.target.value)}
          status={errors.fields.tasks ? 'error' : 'default'}
          statusText={errors.fields.tasks}
          fullWidth
          mt="l"
          mb="m"
          data-qa="work-trial-tasks"
        />
        <Textarea
          id={fieldId(ID, 'goals')}
          labelText={e.workTrials.fields.goals}
          hintText={e.workTrials.goalsHint}
          value={values.goals}
          onChange={(ev) => set('goals', ev.target.value)}
          status={errors.fields.goals ? 'error' : 'default'}
          statusText={errors.fields.goals}
          fullWidth
          mb="m"
          data-qa="work-trial-goals"
        />
        <div className="form-grid">
          <DateField
            id={fieldId(ID, 'startsOn')}
            label={e.workTrials.fields.startsOn}
            value={values.startsOn}
            onChange={(v) => set('startsOn', v)}
            error={errors.fields.startsOn}
            data-qa="work-trial-starts"
          />
          <DateField
            id={fieldId(ID, 'endsOn')}
            label={e.workTrials.fields.endsOn}
            value={values.endsOn}
            onChange={(v) => set('endsOn', v)}
            error={errors.fields.endsOn}
            data-qa="work-trial-ends"
          />
          <TextInput
            id={fieldId(ID, 'hoursPerWeek')}
            labelText={e.workTrials.fields.hoursPerWeek}
            optionalText={t.common.optional}
            inputMode="decimal"
            value={values.hoursPerWeek}
            onChange={(v) => set('hoursPerWeek', String(v ?? ''))}
            status={errors.fields.hoursPerWeek ? 'error' : 'default'}
            statusText={errors.fields.hoursPerWeek}
            fullWidth
            data-qa="work-trial-hours"
          />
        </div>
        <div className="button-row">
          <Button type="submit" disabled={create.isPending} data-qa="work-trial-submit">
            {create.isPending ? t.common.saving : e.workTrials.submit}
          </Button>
          <RouterLink asComponent={Link} to={`/coaching/${coachingId}`}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
