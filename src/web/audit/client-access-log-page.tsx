import { type FormEvent, useMemo, useState } from 'react';
import { Button, Heading, Paragraph, Table, TextInput } from 'suomifi-ui-components';
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, formatDateTime } from '../shared/dates.ts';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
} from '../shared/form.tsx';
import { Loading, PageHeading } from '../shared/page.tsx';
import { type ClientAccessLogQuery, useClientAccessLog } from './queries.ts';

const ID = 'client-log';

/**
 * The client's right to know who processed their data and to whom it was disclosed: looked up by identity
 * code, printed or handed over as it is.
 */
export function ClientAccessLogPage() {
  const t = useT();
  const [identityCode, setIdentityCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState<ClientAccessLogQuery | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const log = useClientAccessLog(query);
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const label = (field: string) => lookup(t.clientLog, field) ?? field;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { identityCode }, ['identityCode']);
    const fromIso = from ? finnishToIso(from) : undefined;
    const toIso = to ? finnishToIso(to) : undefined;
    if (fromIso === null) fields.from = t.errors.issues.invalid_date;
    if (toIso === null) fields.to = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    setQuery({
      identityCode: identityCode.trim().toUpperCase(),
      ...(fromIso ? { from: fromIso } : {}),
      ...(toIso ? { to: toIso } : {}),
    });
  }

  // Errors of the look-up (a wrong identity code, no such client) belong to the form.
  const lookupErrors = useMemo(() => (log.error ? apiFormErrors(t, log.error) : NO_ERRORS), [log.error, t]);
  const shownErrors = errors !== NO_ERRORS ? errors : lookupErrors;

  return (
    <div data-qa="client-access-log-page">
      <div className="no-print">
        <PageHeading data-qa="client-access-log-heading">{t.clientLog.title}</PageHeading>
        <Paragraph mb="l">{t.clientLog.intro}</Paragraph>
        <FormErrorSummary errors={shownErrors} idPrefix={ID} label={label} />
        <form className="panel" onSubmit={submit} noValidate data-qa="client-access-log-form">
          <div className="filters">
            <div className="form-grid__wide">
              <TextInput
                id={fieldId(ID, 'identityCode')}
                labelText={t.clientLog.identityCode}
                hintText={t.clients.identityCodeHint}
                value={identityCode}
                onChange={(v) => setIdentityCode(String(v ?? ''))}
                status={shownErrors.fields.identityCode ? 'error' : 'default'}
                statusText={shownErrors.fields.identityCode}
                autoComplete="off"
                data-qa="client-access-log-identity-code"
              />
            </div>
            <DateField
              id={fieldId(ID, 'from')}
              label={t.clientLog.from}
              value={from}
              onChange={setFrom}
              error={shownErrors.fields.from}
              optional
            />
            <DateField
              id={fieldId(ID, 'to')}
              label={t.clientLog.to}
              value={to}
              onChange={setTo}
              error={shownErrors.fields.to}
              optional
            />
          </div>
          <div className="button-row">
            <Button type="submit" data-qa="client-access-log-submit">
              {t.clientLog.submit}
            </Button>
          </div>
        </form>
      </div>
      {query && log.isPending && <Loading />}
      {query && log.data && (
        <section
          className="panel"
          aria-labelledby="client-log-result-heading"
          data-qa="client-access-log-result"
        >
          <div className="panel-header">
            <Heading variant="h2" id="client-log-result-heading">
              {`${t.clientLog.title}: ${query.identityCode}`}
            </Heading>
            <Button variant="secondary" onClick={() => window.print()} className="no-print" data-qa="print">
              {t.common.print}
            </Button>
          </div>
          <Paragraph mb="s">
            {t.clientLog.period(formatDate(log.data.from), formatDate(log.data.to))}
          </Paragraph>
          <p className="print-only">{t.clientLog.printedAt(formatDateTime(new Date().toISOString(), t))}</p>
          <Heading variant="h3" mb="s">
            {t.clientLog.accessesTitle}
          </Heading>
          {log.data.accesses.length === 0 ? (
            <Paragraph mb="l">{t.clientLog.noAccesses}</Paragraph>
          ) : (
            <div className="table-wrapper">
              <Table
                caption={t.clientLog.accessesCaption}
                condensed
                columns={[
                  { key: 'occurredAt', labelText: t.clientLog.columns.occurredAt },
                  { key: 'organisation', labelText: t.clientLog.columns.organisation },
                  { key: 'user', labelText: t.clientLog.columns.user },
                  { key: 'role', labelText: t.clientLog.columns.role },
                  { key: 'action', labelText: t.clientLog.columns.action },
                  { key: 'purpose', labelText: t.clientLog.columns.purpose },
                ]}
                data={log.data.accesses.map((a, i) => ({
                  id: `${a.occurredAt}-${i}`,
                  occurredAt: <span className="nowrap">{formatDateTime(a.occurredAt, t)}</span>,
                  organisation: a.organisationName ?? '',
                  user: a.userName ?? '',
                  role: lookup(t.roles, a.role) ?? a.role ?? '',
                  action: lookup(t.clientLog.actions, a.action) ?? a.action,
                  purpose: lookup(t.clientLog.purposes, a.purpose) ?? a.purpose,
                }))}
                mb="l"
              />
            </div>
          )}
          <Heading variant="h3" mb="s">
            {t.clientLog.disclosuresTitle}
          </Heading>
          {log.data.disclosures.length === 0 ? (
            <Paragraph>{t.clientLog.noDisclosures}</Paragraph>
          ) : (
            <div className="table-wrapper">
              <Table
                caption={t.clientLog.disclosuresCaption}
                condensed
                columns={[
                  { key: 'occurredAt', labelText: t.clientLog.columns.occurredAt },
                  { key: 'from', labelText: t.clientLog.columns.from },
                  { key: 'to', labelText: t.clientLog.columns.to },
                  { key: 'categories', labelText: t.clientLog.columns.categories },
                  { key: 'basis', labelText: t.clientLog.columns.basis },
                ]}
                data={log.data.disclosures.map((d, i) => ({
                  id: `${d.occurredAt}-${i}`,
                  occurredAt: <span className="nowrap">{formatDateTime(d.occurredAt, t)}</span>,
                  from: d.fromOrganisationName,
                  to: d.toOrganisationName,
                  categories: d.categories.map((c) => codeName(codeLists.data?.dataCategories, c)).join(', '),
                  basis: lookup(t.clientLog.bases, d.basis) ?? d.basis,
                }))}
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
