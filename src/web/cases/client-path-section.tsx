import { Link } from 'react-router';
import { Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import { useT } from '../i18n/language.tsx';
import { useClientReferrals } from '../referrals/queries.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { TimelineSection } from '../timeline/timeline-section.tsx';
import { ReferralStatusBadge, useLocalName } from './path-shared.tsx';
import { useClientCases } from './queries.ts';

/**
 * The client page's part of the path: what can be started (a screening, a referral), the client's cases
 * and referrals, and the timeline.
 */
export function ClientPathSections({ clientId }: { clientId: string }) {
  const can = useCan();
  return (
    <>
      {can('case.list') && <ClientPathSection clientId={clientId} />}
      {can('client.timeline') && <TimelineSection clientId={clientId} />}
    </>
  );
}

function ClientPathSection({ clientId }: { clientId: string }) {
  const t = useT();
  const cs = t.clientPath.clientSection;
  const can = useCan();
  const { name } = useLocalName();
  const cases = useClientCases(clientId);
  const referrals = useClientReferrals(clientId);

  return (
    <Section
      title={cs.title}
      data-qa="client-path"
      id="client-path"
      actions={
        <span className="section-actions">
          {can('screening.create') && (
            <RouterLink
              asComponent={Link}
              to={`/clients/${clientId}/screenings/new`}
              data-qa="new-screening-link"
            >
              {cs.newScreening}
            </RouterLink>
          )}
          {can('referral.create') && (
            <RouterLink
              asComponent={Link}
              to={`/clients/${clientId}/referrals/new`}
              data-qa="new-referral-link"
            >
              {cs.newReferral}
            </RouterLink>
          )}
        </span>
      }
    >
      <Paragraph mb="m">{cs.intro}</Paragraph>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <LoadError error={cases.error} />
      ) : cases.data.length === 0 ? (
        <Paragraph mb="m" data-qa="client-cases-empty">
          {cs.noCases}
        </Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="client-cases">
          <Table
            caption={cs.casesCaption}
            columns={[
              { key: 'team', labelText: cs.columns.team },
              { key: 'pathway', labelText: cs.columns.pathway },
              { key: 'manager', labelText: cs.columns.manager },
              { key: 'state', labelText: cs.columns.state },
            ]}
            data={cases.data.map((k) => ({
              id: k.id,
              team: (
                <RouterLink asComponent={Link} to={`/cases/${k.id}`} data-qa="client-case-link">
                  {`${k.team.name} (${k.organisation.name})`}
                </RouterLink>
              ),
              pathway: `${name(k.pathway)}: ${k.currentPhase.ordinal}. ${name(k.currentPhase)}`,
              manager: k.caseManager?.name ?? t.clientPath.case.noManager,
              state: (
                <span className={`status status--${k.closedOn ? 'expired' : 'active'}`}>
                  {k.closedOn ? cs.closed(formatDate(k.closedOn)) : cs.open}
                </span>
              ),
            }))}
          />
        </div>
      )}
      {referrals.isPending ? (
        <Loading />
      ) : referrals.isError ? (
        <LoadError error={referrals.error} />
      ) : referrals.data.length === 0 ? (
        <Paragraph data-qa="client-referrals-empty">{cs.noReferrals}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="client-referrals">
          <Table
            caption={cs.referralsCaption}
            columns={[
              { key: 'to', labelText: cs.columns.to },
              { key: 'from', labelText: cs.columns.from },
              { key: 'sentAt', labelText: cs.columns.sentAt },
              { key: 'status', labelText: cs.columns.status },
            ]}
            data={referrals.data.map((r) => ({
              id: r.id,
              to: (
                <RouterLink asComponent={Link} to={`/referrals/${r.id}`} data-qa="client-referral-link">
                  {`${r.receivingTeam.name} (${r.receivingOrganisation.name})`}
                </RouterLink>
              ),
              from: r.referringOrganisation.name,
              sentAt: <span className="nowrap">{formatDateTime(r.sentAt, t)}</span>,
              status: <ReferralStatusBadge status={r.status} />,
            }))}
          />
        </div>
      )}
    </Section>
  );
}
