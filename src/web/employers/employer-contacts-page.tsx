import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  InlineAlert,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Table,
  Textarea,
} from 'suomifi-ui-components';
import { CONTACT_MODES, CONTACT_OUTCOMES, CONTACT_PURPOSES } from '../../modules/employers/employer.table.ts';
import { useCan } from '../auth/session.tsx';
import { useCoaching, useCoachings } from '../coaching/queries.ts';
import { formatDecimal, itemsOrNone, useApiFormErrors, YesNo } from '../coaching/ui.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import {
  useContactRate,
  useEmployer,
  useEmployerContacts,
  useEmployers,
  useLogEmployerContact,
} from './queries.ts';

type Mode = (typeof CONTACT_MODES)[number];
type Purpose = (typeof CONTACT_PURPOSES)[number];
type Outcome = (typeof CONTACT_OUTCOMES)[number];

const DAY = 86_400_000;
const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The organisation's employer contacts and the IPS measure: contacts per coach per week. */
export function EmployerContactsPage() {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const today = todayIso();
  const [period, setPeriod] = useState({ from: daysBefore(today, 27), to: today });
  const [typed, setTyped] = useState({ from: isoToFinnish(period.from), to: isoToFinnish(period.to) });
  const [periodError, setPeriodError] = useState<{ from?: string; to?: string }>({});
  const contacts = useEmployerContacts(period);
  const rate = useContactRate(period.from, period.to, { enabled: can('employerContact.rate') });

  function applyPeriod(event: FormEvent) {
    event.preventDefault();
    const from = finnishToIso(typed.from);
    const to = finnishToIso(typed.to);
    const errors = {
      ...(from ? {} : { from: t.errors.issues.invalid_date }),
      ...(to ? {} : { to: t.errors.issues.invalid_date }),
      ...(from && to && to < from ? { to: e.contacts.periodInvalid } : {}),
    };
    setPeriodError(errors);
    if (from && to && Object.keys(errors).length === 0) setPeriod({ from, to });
  }

  return (
    <div data-qa="employer-contacts-page">
      <PageHeading>{e.contacts.title}</PageHeading>
      <Paragraph mb="m">{e.contacts.intro}</Paragraph>
      {can('employerContact.create') && (
        <p className="page-actions">
          <RouterLink asComponent={Link} to="/employer-contacts/new" data-qa="log-contact-link">
            {e.contacts.logContact}
          </RouterLink>
        </p>
      )}
      <form
        className="panel inline-form period-form"
        onSubmit={applyPeriod}
        noValidate
        data-qa="contacts-period"
      >
        <DateField
          id="contacts-from"
          label={e.contacts.from}
          value={typed.from}
          onChange={(v) => setTyped((x) => ({ ...x, from: v }))}
          error={periodError.from}
        />
        <DateField
          id="contacts-to"
          label={e.contacts.to}
          value={typed.to}
          onChange={(v) => setTyped((x) => ({ ...x, to: v }))}
          error={periodError.to}
        />
        <Button type="submit" variant="secondary" data-qa="contacts-period-apply">
          {e.contacts.showPeriod}
        </Button>
      </form>

      {can('employerContact.rate') && (
        <Section title={e.contactRate.title} data-qa="contact-rate">
          {rate.isPending ? (
            <Loading />
          ) : rate.isError ? (
            <LoadError error={rate.error} />
          ) : (
            <>
              <Paragraph mb="m">{e.contactRate.intro(formatDecimal(rate.data.target))}</Paragraph>
              {rate.data.coaches.length === 0 ? (
                <Paragraph>{e.contactRate.none}</Paragraph>
              ) : (
                <div className="table-wrapper" data-qa="contact-rate-table">
                  <Table
                    caption={e.contactRate.caption(formatDate(rate.data.from), formatDate(rate.data.to))}
                    columns={[
                      { key: 'coach', labelText: e.contactRate.columns.coach },
                      { key: 'contacts', labelText: e.contactRate.columns.contacts },
                      { key: 'perWeek', labelText: e.contactRate.columns.perWeek },
                      { key: 'weeks', labelText: e.contactRate.columns.weeks },
                      { key: 'target', labelText: e.contactRate.columns.target },
                    ]}
                    data={rate.data.coaches.map((c) => ({
                      id: c.userId,
                      coach: c.name,
                      contacts: String(c.contacts),
                      perWeek: <span data-qa="contact-rate-per-week">{formatDecimal(c.perWeek)}</span>,
                      weeks: c.weeks
                        .map((w) => e.contactRate.week(formatDate(w.weekStart), w.contacts))
                        .join(', '),
                      target: (
                        <span className={`status status--${c.meetsTarget ? 'active' : 'expired'}`}>
                          {c.meetsTarget ? e.contactRate.meets : e.contactRate.below}
                        </span>
                      ),
                    }))}
                  />
                </div>
              )}
            </>
          )}
        </Section>
      )}

      <Section title={e.contacts.logTitle} data-qa="contacts-log">
        {contacts.isPending ? (
          <Loading />
        ) : contacts.isError ? (
          <LoadError error={contacts.error} />
        ) : contacts.data.length === 0 ? (
          <Paragraph data-qa="contacts-empty">{e.contacts.empty}</Paragraph>
        ) : (
          <div className="table-wrapper" data-qa="contacts-table">
            <Table
              caption={e.contacts.caption(contacts.data.length)}
              columns={[
                { key: 'date', labelText: e.contacts.columns.date },
                { key: 'employer', labelText: e.contacts.columns.employer },
                { key: 'coach', labelText: e.contacts.columns.coach },
                { key: 'mode', labelText: e.contacts.columns.mode },
                { key: 'purpose', labelText: e.contacts.columns.purpose },
                { key: 'outcome', labelText: e.contacts.columns.outcome },
                { key: 'client', labelText: e.contacts.columns.client },
              ]}
              data={contacts.data.map((c) => ({
                id: c.id,
                date: <span className="nowrap">{formatDate(c.contactedOn)}</span>,
                employer: (
                  <RouterLink asComponent={Link} to={`/employers/${c.employer.id}`}>
                    {c.employer.name}
                  </RouterLink>
                ),
                coach: c.coach.name,
                mode: e.contactModes[c.mode],
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
    </div>
  );
}

const ID = 'employer-contact';

/**
 * Logs the coach's contact with an employer. A contact about a client shows the client's disclosure choice, and the
 * client can be marked as named only when the client has allowed it.
 */
export function LogContactPage() {
  const t = useT();
  const e = t.employment;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const log = useLogEmployerContact();
  const employers = useEmployers();
  const coachings = useCoachings({ status: 'active' });
  const [values, setValues] = useState({
    employerId: params.get('employerId') ?? '',
    contactPersonId: '',
    coachingId: params.get('coachingId') ?? '',
    clientNameDisclosed: false as boolean | null,
    contactedOn: isoToFinnish(todayIso()),
    mode: '' as Mode | '',
    purpose: '' as Purpose | '',
    outcome: '' as Outcome | '',
    note: '',
  });
  const employer = useEmployer(values.employerId || undefined);
  const coaching = useCoaching(values.coachingId);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.contacts.fields, field) ?? field;
  const mayName = Boolean(values.coachingId && coaching.data?.profile.disclosure.discloseName);
  const persons = (employer.data?.contactPersons ?? []).filter((p) => p.active);
  const back = params.get('coachingId')
    ? `/coaching/${params.get('coachingId')}`
    : params.get('employerId')
      ? `/employers/${params.get('employerId')}`
      : '/employer-contacts';

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, values, ['employerId', 'contactedOn', 'mode', 'purpose', 'outcome']);
    const contactedOn = finnishToIso(values.contactedOn);
    if (!fields.contactedOn && !contactedOn) fields.contactedOn = t.errors.issues.invalid_date;
    if (
      Object.keys(fields).length > 0 ||
      !contactedOn ||
      !values.mode ||
      !values.purpose ||
      !values.outcome
    ) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    log.mutate(
      {
        employerId: values.employerId,
        ...(values.contactPersonId ? { contactPersonId: values.contactPersonId } : {}),
        ...(values.coachingId ? { coachingId: values.coachingId } : {}),
        clientNameDisclosed: mayName && values.clientNameDisclosed === true,
        contactedOn,
        mode: values.mode,
        purpose: values.purpose,
        outcome: values.outcome,
        note: values.note,
      },
      {
        onSuccess: () => {
          flash(e.contacts.logged, { nextPage: true });
          navigate(back);
        },
        onError: (error) => setErrors(formErrors(error, { disclosure_not_allowed: 'clientNameDisclosed' })),
      },
    );
  }

  const loading = employers.isPending || coachings.isPending;
  const failed = employers.error ?? coachings.error;
  return (
    <div data-qa="log-contact-page">
      <PageHeading>{e.contacts.logTitleForm}</PageHeading>
      <Paragraph mb="l">{e.contacts.logIntro}</Paragraph>
      {loading ? (
        <Loading />
      ) : failed ? (
        <LoadError error={failed} />
      ) : (
        <>
          <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
          <form className="panel" onSubmit={submit} noValidate data-qa="contact-form">
            <div className="form-grid">
              <Dropdown
                id={fieldId(ID, 'employerId')}
                labelText={e.contacts.fields.employerId}
                visualPlaceholder={t.common.choose}
                value={values.employerId || null}
                onChange={(v) => setValues((x) => ({ ...x, employerId: v, contactPersonId: '' }))}
                status={errors.fields.employerId ? 'error' : 'default'}
                statusText={errors.fields.employerId}
                fullWidth
                data-qa="contact-employer"
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
                id={fieldId(ID, 'contactPersonId')}
                labelText={e.contacts.fields.contactPersonId}
                optionalText={t.common.optional}
                value={values.contactPersonId || 'none'}
                onChange={(v) => set('contactPersonId', v === 'none' ? '' : v)}
                disabled={!values.employerId}
                status={errors.fields.contactPersonId ? 'error' : 'default'}
                statusText={errors.fields.contactPersonId}
                fullWidth
                data-qa="contact-person"
              >
                {[
                  <DropdownItem key="none" value="none">
                    {e.contacts.noPerson}
                  </DropdownItem>,
                  ...persons.map((p) => (
                    <DropdownItem key={p.id} value={p.id}>
                      {p.title ? `${p.name}, ${p.title}` : p.name}
                    </DropdownItem>
                  )),
                ]}
              </Dropdown>
              <DateField
                id={fieldId(ID, 'contactedOn')}
                label={e.contacts.fields.contactedOn}
                value={values.contactedOn}
                onChange={(v) => set('contactedOn', v)}
                error={errors.fields.contactedOn}
                data-qa="contact-date"
              />
            </div>
            <RadioButtonGroup
              id={fieldId(ID, 'mode')}
              name={`${ID}-mode`}
              labelText={e.contacts.fields.mode}
              value={values.mode || undefined}
              onChange={(v) => set('mode', v as Mode)}
              groupStatus={errors.fields.mode ? 'error' : 'default'}
              groupStatusText={errors.fields.mode}
              mt="l"
              mb="l"
              data-qa="contact-mode"
            >
              {CONTACT_MODES.map((m) => (
                <RadioButton key={m} value={m} data-qa={`contact-mode-${m}`}>
                  {e.contactModes[m]}
                </RadioButton>
              ))}
            </RadioButtonGroup>
            <div className="form-grid">
              <Dropdown
                id={fieldId(ID, 'purpose')}
                labelText={e.contacts.fields.purpose}
                visualPlaceholder={t.common.choose}
                value={values.purpose || null}
                onChange={(v) => set('purpose', v as Purpose)}
                status={errors.fields.purpose ? 'error' : 'default'}
                statusText={errors.fields.purpose}
                fullWidth
                data-qa="contact-purpose"
              >
                {CONTACT_PURPOSES.map((p) => (
                  <DropdownItem key={p} value={p}>
                    {e.contactPurposes[p]}
                  </DropdownItem>
                ))}
              </Dropdown>
              <Dropdown
                id={fieldId(ID, 'outcome')}
                labelText={e.contacts.fields.outcome}
                visualPlaceholder={t.common.choose}
                value={values.outcome || null}
                onChange={(v) => set('outcome', v as Outcome)}
                status={errors.fields.outcome ? 'error' : 'default'}
                statusText={errors.fields.outcome}
                fullWidth
                data-qa="contact-outcome"
              >
                {CONTACT_OUTCOMES.map((o) => (
                  <DropdownItem key={o} value={o}>
                    {e.contactOutcomes[o]}
                  </DropdownItem>
                ))}
              </Dropdown>
            </div>
            <fieldset className="form-section client-fieldset">
              <legend className="legend-heading">{e.contacts.aboutClient}</legend>
              <Dropdown
                id={fieldId(ID, 'coachingId')}
                labelText={e.contacts.fields.coachingId}
                hintText={e.contacts.coachingHint}
                optionalText={t.common.optional}
                value={values.coachingId || 'none'}
                onChange={(v) =>
                  setValues((x) => ({ ...x, coachingId: v === 'none' ? '' : v, clientNameDisclosed: false }))
                }
                status={errors.fields.coachingId ? 'error' : 'default'}
                statusText={errors.fields.coachingId}
                fullWidth
                mb="m"
                data-qa="contact-coaching"
              >
                {[
                  <DropdownItem key="none" value="none">
                    {e.contacts.noClient}
                  </DropdownItem>,
                  ...(coachings.data ?? []).map((k) => (
                    <DropdownItem key={k.id} value={k.id}>
                      {k.clientName}
                    </DropdownItem>
                  )),
                ]}
              </Dropdown>
              {values.coachingId && coaching.data && (
                <ClientDisclosure
                  discloseName={coaching.data.profile.disclosure.discloseName}
                  agreed={coaching.data.profile.disclosure.agreedOn !== null}
                  whatMayBeTold={coaching.data.profile.disclosure.disclosureText}
                />
              )}
              {mayName && (
                <YesNo
                  idPrefix={ID}
                  field="clientNameDisclosed"
                  label={e.contacts.fields.clientNameDisclosed}
                  hint={e.contacts.namedHint}
                  value={values.clientNameDisclosed}
                  onChange={(v) => set('clientNameDisclosed', v)}
                  error={errors.fields.clientNameDisclosed}
                  data-qa="contact-client-named"
                />
              )}
            </fieldset>
            <Textarea
              id={fieldId(ID, 'note')}
              labelText={e.contacts.fields.note}
              hintText={e.contacts.noteHint}
              optionalText={t.common.optional}
              value={values.note}
              onChange={(ev) => set('note', ev.target.value)}
              fullWidth
              data-qa="contact-note"
            />
            <div className="button-row">
              <Button type="submit" disabled={log.isPending} data-qa="contact-submit">
                {log.isPending ? t.common.saving : e.contacts.submit}
              </Button>
              <RouterLink asComponent={Link} to={back}>
                {t.common.cancel}
              </RouterLink>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

/** What the client has allowed to be told to employers, said before the coach records naming them. */
function ClientDisclosure({
  discloseName,
  agreed,
  whatMayBeTold,
}: {
  discloseName: boolean;
  agreed: boolean;
  whatMayBeTold: string;
}) {
  const e = useT().employment;
  return (
    <div data-qa="contact-disclosure">
      <InlineAlert
        status={discloseName ? 'neutral' : 'warning'}
        labelText={discloseName ? e.contacts.nameAllowedTitle : e.contacts.nameNotAllowedTitle}
        mb="m"
      >
        {!agreed ? e.disclosure.notChosen : discloseName ? e.contacts.nameAllowed : e.contacts.nameNotAllowed}
        {agreed && whatMayBeTold.trim() && (
          <>
            <br />
            {e.disclosure.toldAs(whatMayBeTold.trim())}
          </>
        )}
      </InlineAlert>
    </div>
  );
}
