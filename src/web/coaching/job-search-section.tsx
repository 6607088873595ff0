import { useState } from 'react';
import { Button, Dropdown, DropdownItem, Paragraph, Table, Textarea } from 'suomifi-ui-components';
import { JOB_SEARCH_ACTIVITIES } from '../../modules/coaching/coaching.table.ts';
import { useCan } from '../auth/session.tsx';
import { useEmployers } from '../employers/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { type Coaching, useAddJobSearchEntry } from './queries.ts';
import { SubForm, useApiFormErrors } from './ui.tsx';

type Activity = (typeof JOB_SEARCH_ACTIVITIES)[number];
const ID = 'job-search';

/** The client's job search log: applications, interviews, visits — with or without the coach. */
export function JobSearchSection({ coaching }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const entries = coaching.jobSearchEntries;
  const mayAdd = coaching.endedOn === null && can('jobSearch.create');

  return (
    <Section
      title={e.jobSearch.title}
      data-qa="job-search"
      actions={
        mayAdd &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)} data-qa="add-job-search">
            {e.jobSearch.add}
          </Button>
        )
      }
    >
      {adding && <JobSearchForm coaching={coaching} onDone={() => setAdding(false)} />}
      {entries.length === 0 ? (
        <Paragraph data-qa="job-search-empty">{e.jobSearch.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="job-search-table">
          <Table
            caption={e.jobSearch.caption}
            columns={[
              { key: 'date', labelText: e.jobSearch.columns.date },
              { key: 'activity', labelText: e.jobSearch.columns.activity },
              { key: 'employer', labelText: e.jobSearch.columns.employer },
              { key: 'description', labelText: e.jobSearch.columns.description },
              { key: 'outcome', labelText: e.jobSearch.columns.outcome },
              { key: 'by', labelText: e.jobSearch.columns.recordedBy },
            ]}
            data={entries.map((j) => ({
              id: j.id,
              date: <span className="nowrap">{formatDate(j.entryOn)}</span>,
              activity: e.jobSearchActivities[j.activity],
              employer: j.employer?.name ?? '–',
              description: j.description,
              outcome: j.outcome || '–',
              by: j.recordedBy ?? t.common.notRecorded,
            }))}
          />
        </div>
      )}
    </Section>
  );
}

function JobSearchForm({ coaching, onDone }: { coaching: Coaching; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddJobSearchEntry(coaching.id);
  const employers = useEmployers();
  const [values, setValues] = useState({
    entryOn: isoToFinnish(todayIso()),
    activity: '',
    employerId: '',
    description: '',
    outcome: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.jobSearch.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['entryOn', 'activity', 'description']);
    const entryOn = finnishToIso(values.entryOn);
    if (!fields.entryOn && !entryOn) fields.entryOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !entryOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      {
        entryOn,
        activity: values.activity as Activity,
        ...(values.employerId ? { employerId: values.employerId } : {}),
        description: values.description,
        outcome: values.outcome,
      },
      {
        onSuccess: () => {
          flash(e.jobSearch.added);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={ID}
      title={e.jobSearch.formTitle}
      errors={errors}
      label={label}
      pending={add.isPending}
      submitText={e.jobSearch.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="job-search-form"
    >
      <div className="form-grid">
        <DateField
          id={fieldId(ID, 'entryOn')}
          label={e.jobSearch.fields.entryOn}
          value={values.entryOn}
          onChange={(v) => set('entryOn', v)}
          error={errors.fields.entryOn}
          data-qa="job-search-date"
        />
        <Dropdown
          id={fieldId(ID, 'activity')}
          labelText={e.jobSearch.fields.activity}
          visualPlaceholder={t.common.choose}
          value={values.activity || null}
          onChange={(v) => set('activity', v)}
          status={errors.fields.activity ? 'error' : 'default'}
          statusText={errors.fields.activity}
          fullWidth
          data-qa="job-search-activity"
        >
          {JOB_SEARCH_ACTIVITIES.map((a) => (
            <DropdownItem key={a} value={a}>
              {e.jobSearchActivities[a]}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown
          id={fieldId(ID, 'employerId')}
          labelText={e.jobSearch.fields.employerId}
          optionalText={t.common.optional}
          value={values.employerId || 'none'}
          onChange={(v) => set('employerId', v === 'none' ? '' : v)}
          status={errors.fields.employerId ? 'error' : 'default'}
          statusText={errors.fields.employerId}
          fullWidth
          data-qa="job-search-employer"
        >
          {[
            <DropdownItem key="none" value="none">
              {e.jobSearch.noEmployer}
            </DropdownItem>,
            ...(employers.data ?? []).map((x) => (
              <DropdownItem key={x.id} value={x.id}>
                {x.name}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
      <Textarea
        id={fieldId(ID, 'description')}
        labelText={e.jobSearch.fields.description}
        hintText={e.jobSearch.descriptionHint}
        value={values.description}
        onChange={(ev) => set('description', ev.target.value)}
        status={errors.fields.description ? 'error' : 'default'}
        statusText={errors.fields.description}
        fullWidth
        mt="m"
        mb="m"
        data-qa="job-search-description"
      />
      <Textarea
        id={fieldId(ID, 'outcome')}
        labelText={e.jobSearch.fields.outcome}
        optionalText={t.common.optional}
        value={values.outcome}
        onChange={(ev) => set('outcome', ev.target.value)}
        status={errors.fields.outcome ? 'error' : 'default'}
        statusText={errors.fields.outcome}
        fullWidth
        data-qa="job-search-outcome"
      />
    </SubForm>
  );
}
