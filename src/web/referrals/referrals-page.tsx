import { Link, useSearchParams } from 'react-router';
import { Paragraph, RadioButton, RadioButtonGroup, RouterLink, Table } from 'suomifi-ui-components';
import { ReferralStatusBadge } from '../cases/path-shared.tsx';
import { useT } from '../i18n/language.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { type Direction, useReferrals } from './queries.ts';

/** Referrals to the organisation's teams (incoming) and those it sent with their outcome (outgoing). */
export function ReferralsPage() {
  const t = useT();
  const r = t.clientPath.referrals;
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const referrals = useReferrals(direction);
  const rows = referrals.data ?? [];

  return (
    <div data-qa="referrals-page">
      <PageHeading>{r.title}</PageHeading>
      <Paragraph mb="m">{r.intro}</Paragraph>
      <div className="panel filters">
        <RadioButtonGroup
          id="referrals-direction"
          name="referrals-direction"
          labelText={r.show}
          value={direction}
          onChange={(v) => setParams(v === 'outgoing' ? { direction: 'outgoing' } : {})}
          className="inline-radios"
          data-qa="referrals-direction"
        >
          <RadioButton value="incoming" data-qa="referrals-incoming">
            {r.incoming}
          </RadioButton>
          <RadioButton value="outgoing" data-qa="referrals-outgoing">
            {r.outgoing}
          </RadioButton>
        </RadioButtonGroup>
      </div>
      {referrals.isPending ? (
        <Loading />
      ) : referrals.isError ? (
        <LoadError error={referrals.error} />
      ) : rows.length === 0 ? (
        <Paragraph data-qa="referrals-empty">
          {direction === 'incoming' ? r.incomingEmpty : r.outgoingEmpty}
        </Paragraph>
      ) : (
        <div className="table-wrapper panel" data-qa={`referrals-${direction}-table`}>
          <Table
            caption={direction === 'incoming' ? r.incomingCaption : r.outgoingCaption}
            columns={[
              { key: 'client', labelText: r.columns.client },
              { key: 'from', labelText: r.columns.from },
              { key: 'to', labelText: r.columns.to },
              { key: 'status', labelText: r.columns.status },
              { key: 'sentAt', labelText: r.columns.sentAt },
            ]}
            data={rows.map((x) => ({
              id: x.id,
              client: (
                <RouterLink
                  asComponent={Link}
                  to={`/referrals/${x.id}`}
                  aria-label={r.openLabel(x.clientName)}
                  data-qa="referral-link"
                >
                  {x.clientName}
                </RouterLink>
              ),
              from: x.referringOrganisation.name,
              to: `${x.receivingTeam.name} (${x.receivingOrganisation.name})`,
              status: <ReferralStatusBadge status={x.status} />,
              sentAt: <span className="nowrap">{formatDateTime(x.sentAt, t)}</span>,
            }))}
          />
        </div>
      )}
    </div>
  );
}
