import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Paragraph,
  RouterLink,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { OPENING_STATUSES } from '../../modules/employers/employer.table.ts';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import {
  formatDecimal,
  itemsOrNone,
  parseDecimal,
  SubForm,
  useApiFormErrors,
  YesNo,
} from '../coaching/ui.tsx';
import { useCodeName } from '../code-lists/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import {
  type ContactPerson,
  type Employer,
  type JobOpening,
  useAddContactPerson,
  useAddOpening,
  useAddSupportUse,
  useEmployer,
  useSupportTypes,
  useUpdateContactPerson,
  useUpdateOpening,
} from './queries.ts';

type OpeningStatus = (typeof OPENING_STATUSES)[number];

export function EmployerPage() {
  const { id = '' } = useParams();
  const t = useT();
  const employer = useEmployer(id);
  if (employer.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (employer.isError) {
    const notFound = employer.error instanceof ApiError && employer.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={employer.error} />
      </>
    );
  }
  return <EmployerView employer={employer.data} />;
}

function EmployerView({ employer: x }: { employer: Employer }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  return (
    <div data-qa="employer-page">
      <PageHeading data-qa="employer-heading">{x.name}</PageHeading>
      <Section title={e.employer.detailsTitle} data-qa="employer-details">
        <dl className="data-list data-list--columns pre-wrap">
          <dt>{e.employers.fields.businessId}</dt>
          <dd data-qa="employer-business-id">{x.businessId}</dd>
          <dt>{e.employers.fields.municipality}</dt>
          <dd>{x.municipality}</dd>
          <dt>{e.employers.fields.industry}</dt>
          <dd>{x.industry || t.common.notRecorded}</dd>
          <dt>{t.common.status}</dt>
          <dd>{x.active ? t.common.active : t.common.inactive}</dd>
          <dt>{e.employer.register}</dt>
          <dd>{x.organisation.name}</dd>
          <dt>{e.employers.fields.notes}</dt>
          <dd>{x.notes || '–'}</dd>
        </dl>
      </Section>
      <ContactPersonsSection employer={x} />
      <RecentContactsSection employer={x} />
      <OpeningsSection employer={x} />
      {can('employerSupport.create') || x.supports.length > 0 ? <SupportsSection employer={x} /> : null}
    </div>
  );
}

const PERSON_ID = 'contact-person';

function ContactPersonsSection({ employer: x }: { employer: Employer }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [form, setForm] = useState<'new' | ContactPerson | null>(null);
  return (
    <Section
      title={e.contactPersons.title}
      data-qa="contact-persons"
      actions={
        can('employer.update') &&
        form === null && (
          <Button variant="secondary" onClick={() => setForm('new')} data-qa="add-contact-person">
            {e.contactPersons.add}
          </Button>
        )
      }
    >
      <Paragraph mb="m">{e.contactPersons.intro}</Paragraph>
      {form !== null && (
        <ContactPersonForm
          key={form === 'new' ? 'new' : form.id}
          employerId={x.id}
          existing={form === 'new' ? null : form}
          onDone={() => setForm(null)}
        />
      )}
      {x.contactPersons.length === 0 ? (
        <Paragraph data-qa="contact-persons-empty">{e.contactPersons.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="contact-persons-table">
          <Table
            caption={e.contactPersons.caption(x.name)}
            columns={[
              { key: 'name', labelText: e.contactPersons.fields.name },
              { key: 'title', labelText: e.contactPersons.fields.title },
              { key: 'email', labelText: e.contactPersons.fields.email },
              { key: 'phone', labelText: e.contactPersons.fields.phone },
              { key: 'status', labelText: t.common.status },
              { key: 'actions', labelText: t.common.actions },
            ]}
            data={x.contactPersons.map((p) => ({
              id: p.id,
              name: p.name,
              title: p.title || '–',
              email: p.email ?? '–',
              phone: p.phone ?? '–',
              status: p.active ? t.common.active : t.common.inactive,
              actions: can('employer.update') ? (
                <Button
                  variant="secondaryNoBorder"
                  onClick={() => setForm(p)}
                  aria-label={`${t.common.edit}: ${p.name}`}
                  data-qa="edit-contact-person"
                >
                  {t.common.edit}
                </Button>
              ) : null,
            }))}
          />
        </div>
      )}
    </Section>
  );
}

function ContactPersonForm({
  employerId,
  existing,
  onDone,
}: {
  employerId: string;
  existing: ContactPerson | null;
  onDone: () => void;
}) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddContactPerson(employerId);
  const update = useUpdateContactPerson();
  const [values, setValues] = useState({
    name: existing?.name ?? '',
    title: existing?.title ?? '',
    email: existing?.email ?? '',
    phone: existing?.phone ?? '',
    active: existing?.active ?? true,
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => lookup(e.contactPersons.fields, field) ?? field;
  const pending = add.isPending || update.isPending;

  function submit() {
    const fields = missingFields(t, values, ['name']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const body = {
      name: values.name,
      title: values.title,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
    };
    const options = {
      onSuccess: () => {
        flash(existing ? e.contactPersons.saved : e.contactPersons.added);
        onDone();
      },
      onError: (error: unknown) => setErrors(formErrors(error)),
    };
    if (existing)
      update.mutate({ ...body, id: existing.id, active: values.active, version: existing.version }, options);
    else add.mutate(body, options);
  }

  const input = (field: 'name' | 'title' | 'email' | 'phone', hint?: string, optional = true) => (
    <TextInput
      id={fieldId(PERSON_ID, field)}
      labelText={e.contactPersons.fields[field]}
      hintText={hint}
      optionalText={optional ? t.common.optional : undefined}
      type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
      value={values[field]}
      onChange={(v) => setValues((x) => ({ ...x, [field]: String(v ?? '') }))}
      status={errors.fields[field] ? 'error' : 'default'}
      statusText={errors.fields[field]}
      fullWidth
      data-qa={`contact-person-${field}`}
    />
  );

  return (
    <SubForm
      idPrefix={PERSON_ID}
      title={existing ? e.contactPersons.editTitle(existing.name) : e.contactPersons.addTitle}
      errors={errors}
      label={label}
      pending={pending}
      submitText={t.common.save}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="contact-person-form"
    >
      <div className="form-grid">
        {input('name', undefined, false)}
        {input('title', e.contactPersons.titleHint)}
        {input('email', e.contactPersons.emailHint)}
        {input('phone')}
      </div>
      {existing && (
        <Checkbox
          checked={values.active}
          onClick={({ checkboxState }) => setValues((x) => ({ ...x, active: checkboxState }))}
          mt="m"
        >
          {e.contactPersons.activeLabel}
        </Checkbox>
      )}
    </SubForm>
  );
}

function RecentContactsSection({ employer: x }: { employer: Employer }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  return (
    <Section
      title={e.employer.contactsTitle}
      data-qa="employer-recent-contacts"
      actions={
        can('employerContact.create') && (
          <RouterLink
            asComponent={Link}
            to={`/employer-contacts/new?employerId=${x.id}`}
            data-qa="employer-log-contact-link"
          >
            {e.contacts.logContact}
          </RouterLink>
        )
      }
    >
      {x.recentContacts.length === 0 ? (
        <Paragraph data-qa="employer-contacts-empty">{e.employer.noContacts}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="employer-contacts-table">
          <Table
            caption={e.employer.contactsCaption}
            columns={[
              { key: 'date', labelText: e.contacts.columns.date },
              { key: 'coach', labelText: e.contacts.columns.coach },
              { key: 'person', labelText: e.contacts.columns.contactPerson },
              { key: 'purpose', labelText: e.contacts.columns.purpose },
              { key: 'outcome', labelText: e.contacts.columns.outcome },
              { key: 'client', labelText: e.contacts.columns.client },
            ]}
            data={x.recentContacts.map((c) => ({
              id: c.id,
              date: <span className="nowrap">{formatDate(c.contactedOn)}</span>,
              coach: c.coach.name,
              person: c.contactPerson?.name ?? '–',
              purpose: e.contactPurposes[c.purpose],
              outcome: e.contactOutcomes[c.outcome],
              client: c.client
                ? `${c.client.name ?? e.contacts.clientHidden}${c.clientNameDisclosed ? ` (${e.contacts.namedToEmployer})` : ''}`
                : '–',
            }))}
          />
        </div>
      )}
    </Section>
  );
}

const OPENING_ID = 'opening';

function OpeningsSection({ employer: x }: { employer: Employer }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={e.openings.title}
      data-qa="job-openings"
      actions={
        can('jobOpening.create') &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)} data-qa="add-opening">
            {e.openings.add}
          </Button>
        )
      }
    >
      {adding && <OpeningForm employerId={x.id} onDone={() => setAdding(false)} />}
      {x.openings.length === 0 ? (
        <Paragraph data-qa="openings-empty">{e.openings.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="openings-table">
          <Table
            caption={e.openings.caption(x.name)}
            columns={[
              { key: 'title', labelText: e.openings.fields.title },
              { key: 'hours', labelText: e.openings.fields.hoursPerWeek },
              { key: 'market', labelText: e.openings.fields.openLabourMarket },
              { key: 'found', labelText: e.openings.fields.foundOn },
              { key: 'closes', labelText: e.openings.fields.closesOn },
              { key: 'status', labelText: t.common.status },
            ]}
            data={x.openings.map((o) => ({
              id: o.id,
              title: (
                <>
                  <strong>{o.title}</strong>
                  {o.description && (
                    <>
                      <br />
                      {o.description}
                    </>
                  )}
                </>
              ),
              hours: o.hoursPerWeek === null ? '–' : e.placements.hours(formatDecimal(o.hoursPerWeek)),
              market: o.openLabourMarket ? e.yes : e.no,
              found: formatDate(o.foundOn),
              closes: o.closesOn ? formatDate(o.closesOn) : '–',
              status: can('jobOpening.update') ? (
                <OpeningStatusChange opening={o} />
              ) : (
                e.openingStatuses[o.status]
              ),
            }))}
          />
        </div>
      )}
    </Section>
  );
}

/** Open, filled or closed: saved at once when changed. */
function OpeningStatusChange({ opening: o }: { opening: JobOpening }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const update = useUpdateOpening();
  return (
    <Dropdown
      labelText={e.openings.statusLabel(o.title)}
      labelMode="hidden"
      value={o.status}
      disabled={update.isPending}
      onChange={(status) =>
        update.mutate(
          {
            id: o.id,
            title: o.title,
            description: o.description,
            hoursPerWeek: o.hoursPerWeek,
            openLabourMarket: o.openLabourMarket,
            foundOn: o.foundOn,
            closesOn: o.closesOn,
            status: status as OpeningStatus,
            version: o.version,
          },
          { onSuccess: () => flash(e.openings.statusSaved), onError: () => flash(e.openings.statusFailed) },
        )
      }
      data-qa="opening-status"
    >
      {OPENING_STATUSES.map((s) => (
        <DropdownItem key={s} value={s}>
          {e.openingStatuses[s]}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

function OpeningForm({ employerId, onDone }: { employerId: string; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddOpening(employerId);
  const [values, setValues] = useState({
    title: '',
    description: '',
    hoursPerWeek: '',
    openLabourMarket: true as boolean | null,
    foundOn: isoToFinnish(todayIso()),
    closesOn: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.openings.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['title', 'foundOn']);
    const hours = values.hoursPerWeek.trim() ? parseDecimal(values.hoursPerWeek) : null;
    if (values.hoursPerWeek.trim() && (hours === null || hours <= 0 || hours > 80)) {
      fields.hoursPerWeek = e.placements.hoursInvalid;
    }
    const foundOn = finnishToIso(values.foundOn);
    const closesOn = values.closesOn.trim() ? finnishToIso(values.closesOn) : null;
    if (!fields.foundOn && !foundOn) fields.foundOn = t.errors.issues.invalid_date;
    if (values.closesOn.trim() && !closesOn) fields.closesOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !foundOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      {
        title: values.title,
        description: values.description,
        hoursPerWeek: hours,
        openLabourMarket: values.openLabourMarket ?? true,
        foundOn,
        closesOn,
      },
      {
        onSuccess: () => {
          flash(e.openings.added);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={OPENING_ID}
      title={e.openings.formTitle}
      errors={errors}
      label={label}
      pending={add.isPending}
      submitText={e.openings.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="opening-form"
    >
      <div className="form-grid">
        <TextInput
          id={fieldId(OPENING_ID, 'title')}
          labelText={e.openings.fields.title}
          value={values.title}
          onChange={(v) => set('title', String(v ?? ''))}
          status={errors.fields.title ? 'error' : 'default'}
          statusText={errors.fields.title}
          fullWidth
          data-qa="opening-title"
        />
        <TextInput
          id={fieldId(OPENING_ID, 'hoursPerWeek')}
          labelText={e.openings.fields.hoursPerWeek}
          optionalText={t.common.optional}
          inputMode="decimal"
          value={values.hoursPerWeek}
          onChange={(v) => set('hoursPerWeek', String(v ?? ''))}
          status={errors.fields.hoursPerWeek ? 'error' : 'default'}
          statusText={errors.fields.hoursPerWeek}
          fullWidth
        />
        <DateField
          id={fieldId(OPENING_ID, 'foundOn')}
          label={e.openings.fields.foundOn}
          value={values.foundOn}
          onChange={(v) => set('foundOn', v)}
          error={errors.fields.foundOn}
        />
        <DateField
          id={fieldId(OPENING_ID, 'closesOn')}
          label={e.openings.fields.closesOn}
          value={values.closesOn}
          onChange={(v) => set('closesOn', v)}
          error={errors.fields.closesOn}
          optional
        />
      </div>
      <Textarea
        id={fieldId(OPENING_ID, 'description')}
        labelText={e.openings.fields.description}
        optionalText={t.common.optional}
        value={values.description}
        onChange={(ev) => set('description', ev.target.value)}
        fullWidth
        mt="m"
        mb="m"
      />
      <YesNo
        idPrefix={OPENING_ID}
        field="openLabourMarket"
        label={e.openings.fields.openLabourMarket}
        hint={e.placements.openLabourMarketHint}
        value={values.openLabourMarket}
        onChange={(v) => set('openLabourMarket', v)}
        data-qa="opening-open-market"
      />
    </SubForm>
  );
}

const SUPPORT_ID = 'support-use';

function SupportsSection({ employer: x }: { employer: Employer }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const types = useSupportTypes();
  const codeName = useCodeName();
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={e.supportsUsed.title}
      data-qa="employer-supports"
      actions={
        can('employerSupport.create') &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)} data-qa="add-support-use">
            {e.supportsUsed.add}
          </Button>
        )
      }
    >
      <Paragraph mb="m">{e.supportsUsed.intro}</Paragraph>
      {adding && <SupportUseForm employerId={x.id} onDone={() => setAdding(false)} />}
      {x.supports.length === 0 ? (
        <Paragraph data-qa="supports-empty">{e.supportsUsed.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="supports-table">
          <Table
            caption={e.supportsUsed.caption(x.name)}
            columns={[
              { key: 'support', labelText: e.supportsUsed.fields.supportCode },
              { key: 'period', labelText: e.supportsUsed.period },
              { key: 'note', labelText: e.supportsUsed.fields.note },
            ]}
            data={x.supports.map((s) => ({
              id: s.id,
              support: codeName(types.data, s.supportCode),
              period: (
                <span className="nowrap">{`${formatDate(s.startedOn)}–${s.endedOn ? formatDate(s.endedOn) : ''}`}</span>
              ),
              note: s.note || '–',
            }))}
          />
        </div>
      )}
    </Section>
  );
}

function SupportUseForm({ employerId, onDone }: { employerId: string; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddSupportUse(employerId);
  const types = useSupportTypes();
  const codeName = useCodeName();
  const [values, setValues] = useState({
    supportCode: '',
    startedOn: isoToFinnish(todayIso()),
    endedOn: '',
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.supportsUsed.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['supportCode', 'startedOn']);
    const startedOn = finnishToIso(values.startedOn);
    const endedOn = values.endedOn.trim() ? finnishToIso(values.endedOn) : null;
    if (!fields.startedOn && !startedOn) fields.startedOn = t.errors.issues.invalid_date;
    if (values.endedOn.trim() && !endedOn) fields.endedOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !startedOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      { supportCode: values.supportCode, startedOn, endedOn, note: values.note },
      {
        onSuccess: () => {
          flash(e.supportsUsed.added);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={SUPPORT_ID}
      title={e.supportsUsed.formTitle}
      errors={errors}
      label={label}
      pending={add.isPending}
      submitText={e.supportsUsed.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="support-use-form"
    >
      <div className="form-grid">
        <Dropdown
          id={fieldId(SUPPORT_ID, 'supportCode')}
          labelText={e.supportsUsed.fields.supportCode}
          visualPlaceholder={t.common.choose}
          value={values.supportCode || null}
          onChange={(v) => set('supportCode', v)}
          status={errors.fields.supportCode ? 'error' : 'default'}
          statusText={errors.fields.supportCode}
          fullWidth
          data-qa="support-use-code"
        >
          {itemsOrNone(
            (types.data ?? []).map((s) => (
              <DropdownItem key={s.code} value={s.code}>
                {codeName(types.data, s.code)}
              </DropdownItem>
            )),
            e.noOptions,
          )}
        </Dropdown>
        <DateField
          id={fieldId(SUPPORT_ID, 'startedOn')}
          label={e.supportsUsed.fields.startedOn}
          value={values.startedOn}
          onChange={(v) => set('startedOn', v)}
          error={errors.fields.startedOn}
        />
        <DateField
          id={fieldId(SUPPORT_ID, 'endedOn')}
          label={e.supportsUsed.fields.endedOn}
          value={values.endedOn}
          onChange={(v) => set('endedOn', v)}
          error={errors.fields.endedOn}
          optional
        />
      </div>
      <Textarea
        id={fieldId(SUPPORT_ID, 'note')}
        labelText={e.supportsUsed.fields.note}
        optionalText={t.common.optional}
        value={values.note}
        onChange={(ev) => set('note', ev.target.value)}
        fullWidth
        mt="m"
      />
    </SubForm>
  );
}
