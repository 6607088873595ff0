import { Link, useLocation, useParams } from 'react-router';
import { InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { ClientPathSections } from '../cases/client-path-section.tsx';
import { ClientEmploymentSection } from '../coaching/client-employment-section.tsx';
import { ConsentsSection } from '../consents/consents-section.tsx';
import { lookup, useI18n, useT } from '../i18n/language.tsx';
import { PlansAndMeasuresSection } from '../measures/measures-section.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { ClientHistorySection } from './client-history.tsx';
import { type Client, useClient } from './queries.ts';

export function ClientPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const client = useClient(id);
  const notFound = client.error instanceof ApiError && client.error.status === 404;

  if (client.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (client.isError) {
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        {notFound ? (
          <Paragraph data-qa="client-not-found">{t.clients.notFound}</Paragraph>
        ) : (
          <LoadError error={client.error} />
        )}
      </>
    );
  }
  return <ClientView client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const t = useT();
  const can = useCan();
  const location = useLocation();
  const breakGlassUntil = (location.state as { breakGlassUntil?: string } | null)?.breakGlassUntil;
  const name = `${client.firstName} ${client.lastName}`;
  const none = t.common.notRecorded;
  const address = [client.streetAddress, [client.postalCode, client.postOffice].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');

  return (
    <div data-qa="client-page">
      <PageHeading data-qa="client-heading">{name}</PageHeading>
      {client.accessBasis === 'break_glass' && (
        <div role="alert" data-qa="client-break-glass-notice">
          <InlineAlert status="warning" labelText={t.breakGlass.warningTitle} mb="m">
            {t.clients.breakGlassActive}
            {breakGlassUntil && ` ${t.clients.breakGlassUntil(formatDateTime(breakGlassUntil, t))}`}
          </InlineAlert>
        </div>
      )}
      <Section
        title={t.clients.basicDataTitle}
        data-qa="client-basic-data"
        id="basic-data"
        actions={
          can('client.update') && (
            <RouterLink asComponent={Link} to={`/clients/${client.id}/edit`} data-qa="client-edit-link">
              {t.clients.editLink}
            </RouterLink>
          )
        }
      >
        <dl className="data-list data-list--columns">
          <dt>{t.clients.fields.identityCode}</dt>
          <dd data-qa="client-identity-code">{client.identityCode}</dd>
          <dt>{t.clients.fields.dateOfBirth}</dt>
          <dd>
            {formatDate(client.dateOfBirth)} ({t.clients.ageYears(client.age)})
          </dd>
          <dt>{t.clients.fields.sex}</dt>
          <dd>{t.clients.sexes[client.sex]}</dd>
          <dt>{t.clients.fields.municipality}</dt>
          <dd data-qa="client-municipality">{client.municipality}</dd>
          <dt>{t.clients.fields.preferredLanguage}</dt>
          <dd>{t.clients.languages[client.preferredLanguage]}</dd>
          <dt>{t.clients.fields.contactPreference}</dt>
          <dd>{t.clients.contactPreferences[client.contactPreference]}</dd>
          <dt>{t.clients.fields.phone}</dt>
          <dd>{client.phone ?? none}</dd>
          <dt>{t.clients.fields.email}</dt>
          <dd>{client.email ?? none}</dd>
          <dt>{t.clients.fields.streetAddress}</dt>
          <dd>{address || none}</dd>
          <dt>{t.clients.fields.registeringOrganisation}</dt>
          <dd>{client.registeringOrganisationName}</dd>
          <dt>{t.clients.fields.createdAt}</dt>
          <dd>{formatDateTime(client.createdAt, t)}</dd>
          <dt>{t.clients.fields.updatedAt}</dt>
          <dd>{formatDateTime(client.updatedAt, t)}</dd>
          <dt>{t.clients.fields.accessBasis}</dt>
          <dd>{lookup(t.clients.accessBases, client.accessBasis) ?? client.accessBasis}</dd>
        </dl>
      </Section>
      {can('consent.list') && <ConsentsSection client={client} />}
      <ClientPathSections clientId={client.id} />
      {can('measurement.list') && <PlansAndMeasuresSection client={client} />}
      <ClientEmploymentSection clientId={client.id} />
      {can('client.history') && <ClientHistorySection clientId={client.id} />}
    </div>
  );
}
