import { type FormEvent, useState } from 'react';
import { Link as RouterDomLink, useSearchParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Link,
  Pagination,
  Paragraph,
  RouterLink,
  Table,
  TextInput,
} from 'suomifi-ui-components';
import { AUDIT_EVENTS } from '../../server/audit/events.ts';
import { ALL, OrganisationFilter } from '../admin/organisation-select.tsx';
import { useOrganisations, useUsers } from '../admin/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDateTime, isoToFinnish } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { AUDIT_PAGE_SIZE, type AuditFilters, auditCsvUrl, useAuditEvents } from './queries.ts';

const FILTER_KEYS = [
  'from',
  'to',
  'userId',
  'organisationId',
  'clientId',
  'event',
  'outcome',
  'breakGlass',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = 'audit';

function filtersOf(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The access log for administrators: filters in the address (shareable, and the CSV link uses the same). */
export function AuditLogPage() {
  const [params] = useSearchParams();
  // A link to other filters (a client's events) starts the filter form afresh.
  return <AuditLog key={JSON.stringify(filtersOf(params))} />;
}

function AuditLog() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const events = useAuditEvents(filters, page);
  const organisations = useOrganisations();
  const users = useUsers();
  const [draft, setDraft] = useState(() => ({
    ...filters,
    from: filters.from ? isoToFinnish(filters.from) : '',
    to: filters.to ? isoToFinnish(filters.to) : '',
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof AuditFilters, value: string | undefined) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const label = (field: string) => lookup(t.audit.fields, field) ?? field;

  function apply(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const from = draft.from ? finnishToIso(draft.from) : undefined;
    const to = draft.to ? finnishToIso(draft.to) : undefined;
    if (from === null) fields.from = t.errors.issues.invalid_date;
    if (to === null) fields.to = t.errors.issues.invalid_date;
    if (draft.clientId && !UUID.test(draft.clientId.trim())) fields.clientId = t.errors.issues.invalid_format;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    const next: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = key === 'from' ? from : key === 'to' ? to : draft[key]?.trim();
      if (value) next[key] = value;
    }
    setParams(next);
  }

  function reset() {
    setDraft({ from: '', to: '' });
    setErrors(NO_ERRORS);
    setParams({});
  }

  function goTo(nextPage: number) {
    const next = new URLSearchParams(params);
    next.set('page', String(nextPage));
    setParams(next);
  }

  const total = events.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const orgName = (id: string | null) =>
    id ? (organisations.data?.find((o) => o.id === id)?.name ?? id) : '';
  const selectOrAll = (key: keyof AuditFilters, labelText: string, options: [string, string][]) => (
    <Dropdown
      id={fieldId(ID, key)}
      labelText={labelText}
      value={draft[key] ?? ALL}
      onChange={(v) => set(key, v === ALL ? undefined : v)}
      fullWidth
      data-qa={`audit-filter-${key}`}
    >
      {[
        <DropdownItem key={ALL} value={ALL}>
          {t.common.all}
        </DropdownItem>,
        ...options.map(([value, text]) => (
          <DropdownItem key={value} value={value}>
            {text}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );

  return (
    <div data-qa="audit-page">
      <PageHeading data-qa="audit-heading">{t.audit.title}</PageHeading>
      <Paragraph mb="l">{t.audit.intro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form
        className="panel"
        onSubmit={apply}
        noValidate
        data-qa="audit-filters"
        aria-labelledby="audit-filters-heading"
      >
        <Heading variant="h2" id="audit-filters-heading" mb="m">
          {t.audit.filtersTitle}
        </Heading>
        <div className="filters">
          <DateField
            id={fieldId(ID, 'from')}
            label={t.audit.fields.from}
            value={draft.from ?? ''}
            onChange={(v) => set('from', v)}
            error={errors.fields.from}
            optional
          />
          <DateField
            id={fieldId(ID, 'to')}
            label={t.audit.fields.to}
            value={draft.to ?? ''}
            onChange={(v) => set('to', v)}
            error={errors.fields.to}
            optional
          />
          {selectOrAll(
            'userId',
            t.audit.fields.userId,
            (users.data ?? []).map((u) => [u.id, `${u.lastName}, ${u.firstName}`]),
          )}
          <OrganisationFilter
            id={fieldId(ID, 'organisationId')}
            label={t.audit.fields.organisationId}
            organisations={organisations.data ?? []}
            value={draft.organisationId}
            onChange={(v) => set('organisationId', v)}
          />
          {selectOrAll(
            'event',
            t.audit.fields.event,
            AUDIT_EVENTS.map((e) => [e, lookup(t.audit.events, e) ?? e]),
          )}
          {selectOrAll('outcome', t.audit.fields.outcome, [
            ['allowed', t.audit.outcomes.allowed],
            ['denied', t.audit.outcomes.denied],
            ['failed', t.audit.outcomes.failed],
          ])}
          {selectOrAll('breakGlass', t.audit.fields.breakGlass, [
            ['true', t.audit.breakGlassOptions.true],
            ['false', t.audit.breakGlassOptions.false],
          ])}
          <TextInput
            id={fieldId(ID, 'clientId')}
            labelText={t.audit.fields.clientId}
            hintText={t.audit.clientIdHint}
            optionalText={t.common.optional}
            value={draft.clientId ?? ''}
            onChange={(v) => set('clientId', String(v ?? ''))}
            status={errors.fields.clientId ? 'error' : 'default'}
            statusText={errors.fields.clientId}
            fullWidth
            data-qa="audit-filter-clientId"
          />
        </div>
        <div className="button-row">
          <Button type="submit" data-qa="audit-apply">
            {t.audit.apply}
          </Button>
          <Button type="button" variant="secondary" onClick={reset} data-qa="audit-reset">
            {t.audit.reset}
          </Button>
          <Link href={auditCsvUrl(filters)} download data-qa="audit-csv">
            {t.audit.csv}
          </Link>
        </div>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError error={events.error} />
      ) : events.data.events.length === 0 ? (
        <Paragraph data-qa="audit-empty">{t.audit.empty}</Paragraph>
      ) : (
        <div className="panel" data-qa="audit-results">
          <div className="table-wrapper">
            <Table
              caption={t.audit.caption(total)}
              condensed
              columns={[
                { key: 'occurredAt', labelText: t.audit.columns.occurredAt },
                { key: 'user', labelText: t.audit.columns.user },
                { key: 'organisation', labelText: t.audit.columns.organisation },
                { key: 'role', labelText: t.audit.columns.role },
                { key: 'event', labelText: t.audit.columns.event },
                { key: 'outcome', labelText: t.audit.columns.outcome },
                { key: 'clients', labelText: t.audit.columns.clients },
                { key: 'breakGlass', labelText: t.audit.columns.breakGlass },
              ]}
              data={events.data.events.map((e) => ({
                id: e.id,
                occurredAt: <span className="nowrap">{formatDateTime(e.occurredAt, t)}</span>,
                user: e.userName ?? t.audit.system,
                organisation: e.organisationName ?? orgName(e.organisationId),
                role: lookup(t.roles, e.role) ?? e.role ?? '',
                event: lookup(t.audit.events, e.event) ?? e.event,
                outcome: (
                  <span className={`status status--${e.outcome === 'allowed' ? 'active' : e.outcome}`}>
                    {t.audit.outcomes[e.outcome]}
                  </span>
                ),
                clients: (
                  <ul className="plain-list">
                    {e.clientIds.map((clientId) => (
                      <li key={clientId}>
                        <RouterLink
                          asComponent={RouterDomLink}
                          to={`/audit?clientId=${clientId}`}
                          aria-label={`${t.audit.fields.clientId} ${clientId}`}
                          className="mono"
                        >
                          {clientId.slice(0, 8)}
                        </RouterLink>
                      </li>
                    ))}
                  </ul>
                ),
                breakGlass: e.breakGlass ? <strong>{t.audit.breakGlassOptions.true}</strong> : '',
              }))}
            />
          </div>
          {lastPage > 1 && (
            <Pagination
              aria-label={t.audit.pagination}
              currentPage={page}
              lastPage={lastPage}
              onChange={goTo}
              pageIndicatorText={t.audit.pageIndicator}
              ariaPageIndicatorText={t.audit.pageIndicator}
              nextButtonAriaLabel={t.audit.nextPage}
              previousButtonAriaLabel={t.audit.previousPage}
              pageInput={false}
              mt="m"
            />
          )}
        </div>
      )}
    </div>
  );
}
