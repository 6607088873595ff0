import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Button,
  Paragraph,
  RouterLink,
  SearchInput,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { useApiFormErrors } from '../coaching/ui.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDate } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { useCreateEmployer, useEmployers } from './queries.ts';

/** The coaching organisation's employer register, searchable by name or business ID. */
export function EmployersPage() {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const employers = useEmployers(q);
  const rows = employers.data ?? [];

  return (
    <div data-qa="employers-page">
      <PageHeading>{e.employers.title}</PageHeading>
      <Paragraph mb="m">{e.employers.intro}</Paragraph>
      <p className="page-actions page-actions--row">
        {can('employer.create') && (
          <RouterLink asComponent={Link} to="/employers/new" data-qa="register-employer-link">
            {e.employers.add}
          </RouterLink>
        )}
        {can('employerContact.list') && (
          <RouterLink asComponent={Link} to="/employer-contacts" data-qa="employer-contacts-link">
            {e.contacts.title}
          </RouterLink>
        )}
      </p>
      <div className="panel">
        <SearchInput
          labelText={e.employers.search}
          clearButtonLabel={e.employers.clearSearch}
          searchButtonLabel={e.employers.searchButton}
          defaultValue={q}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
          fullWidth
          data-qa="employer-search"
        />
      </div>
      {employers.isPending ? (
        <Loading />
      ) : employers.isError ? (
        <LoadError error={employers.error} />
      ) : rows.length === 0 ? (
        <Paragraph data-qa="employers-empty">{q ? e.employers.noMatches : e.employers.empty}</Paragraph>
      ) : (
        <div className="table-wrapper panel" data-qa="employers-table">
          <Table
            caption={e.employers.caption(rows.length)}
            columns={[
              { key: 'name', labelText: e.employers.columns.name },
              { key: 'businessId', labelText: e.employers.columns.businessId },
              { key: 'municipality', labelText: e.employers.columns.municipality },
              { key: 'industry', labelText: e.employers.columns.industry },
              { key: 'openings', labelText: e.employers.columns.openOpenings },
              { key: 'lastContact', labelText: e.employers.columns.lastContact },
            ]}
            data={rows.map((x) => ({
              id: x.id,
              name: (
                <RouterLink asComponent={Link} to={`/employers/${x.id}`} data-qa="employer-link">
                  {x.name}
                </RouterLink>
              ),
              businessId: <span className="nowrap">{x.businessId}</span>,
              municipality: x.municipality,
              industry: x.industry || '–',
              openings: String(x.openOpenings),
              lastContact: x.lastContactOn ? formatDate(x.lastContactOn) : e.employers.noContact,
            }))}
          />
        </div>
      )}
    </div>
  );
}

const ID = 'employer';

/** Adds an employer; the business ID is checked here and again by the server, whose message is shown as such. */
export function NewEmployerPage() {
  const t = useT();
  const e = t.employment;
  const navigate = useNavigate();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const create = useCreateEmployer();
  const [values, setValues] = useState({
    businessId: '',
    name: '',
    municipality: '',
    industry: '',
    notes: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.employers.fields, field) ?? field;
  const existingId =
    errors.error instanceof ApiError && errors.error.code === 'employer_exists'
      ? (errors.error.details as { employerId?: string } | undefined)?.employerId
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, values, ['businessId', 'name', 'municipality']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    create.mutate(values, {
      onSuccess: (employer) => {
        flash(e.employers.added, { nextPage: true });
        navigate(`/employers/${employer.id}`);
      },
      onError: (error) => setErrors(formErrors(error)),
    });
  }

  const input = (field: keyof typeof values, hint?: string, optional = false) => (
    <TextInput
      id={fieldId(ID, field)}
      labelText={e.employers.fields[field]}
      hintText={hint}
      optionalText={optional ? t.common.optional : undefined}
      value={values[field]}
      onChange={(v) => set(field, String(v ?? ''))}
      status={errors.fields[field] ? 'error' : 'default'}
      statusText={errors.fields[field]}
      fullWidth
      data-qa={`employer-${field}`}
    />
  );

  return (
    <div data-qa="new-employer-page">
      <PageHeading>{e.employers.addTitle}</PageHeading>
      <Paragraph mb="l">{e.employers.addIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        {existingId && (
          <RouterLink asComponent={Link} to={`/employers/${existingId}`} data-qa="existing-employer-link">
            {e.employers.openExisting}
          </RouterLink>
        )}
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="employer-form">
        <div className="form-grid">
          {input('businessId', e.employers.businessIdHint)}
          {input('name')}
          {input('municipality')}
          {input('industry', undefined, true)}
        </div>
        <Textarea
          id={fieldId(ID, 'notes')}
          labelText={e.employers.fields.notes}
          hintText={e.employers.notesHint}
          optionalText={t.common.optional}
          value={values.notes}
          onChange={(ev) => set('notes', ev.target.value)}
          fullWidth
          mt="l"
          data-qa="employer-notes"
        />
        <div className="button-row">
          <Button type="submit" disabled={create.isPending} data-qa="employer-submit">
            {create.isPending ? t.common.saving : e.employers.submit}
          </Button>
          <RouterLink asComponent={Link} to="/employers">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
