import { useState } from 'react';
import { Link } from 'react-router';
import {
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  LinkList,
  LinkListItem,
  Paragraph,
  RouterLink,
  Table,
} from 'suomifi-ui-components';
import { useCan, useSession } from '../auth/session.tsx';
import { useT } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { useCaseloads, useCoachings } from './queries.ts';

/**
 * The coaching organisation's work at a glance: each coach's caseload against the IPS limit of 20 active clients,
 * and the active coachings of one coach or all.
 */
export function CaseloadPage() {
  const t = useT();
  const can = useCan();
  const session = useSession();
  const caseloads = useCaseloads();
  const me = session.user.id;
  const [coach, setCoach] = useState<string>(session.membership.role === 'job_coach' ? me : 'all');
  const coachings = useCoachings({ coachUserId: coach === 'all' ? undefined : coach });
  const e = t.employment;
  const over = caseloads.data?.coaches.filter((c) => c.overLimit) ?? [];
  const mine = caseloads.data?.coaches.find((c) => c.userId === me);

  return (
    <div data-qa="caseload-page">
      <PageHeading>{e.caseload.title}</PageHeading>
      <Paragraph mb="m">{e.caseload.intro}</Paragraph>
      <nav aria-labelledby="caseload-more" className="panel">
        <Heading variant="h2" id="caseload-more" mb="s">
          {e.caseload.moreLabel}
        </Heading>
        <LinkList ariaLabelledBy="caseload-more">
          {can('employer.list') && (
            <LinkListItem>
              <RouterLink asComponent={Link} to="/employers" data-qa="caseload-employers-link">
                {e.nav.employers}
              </RouterLink>
            </LinkListItem>
          )}
          {can('employerContact.list') && (
            <LinkListItem>
              <RouterLink asComponent={Link} to="/employer-contacts" data-qa="caseload-contacts-link">
                {e.contacts.title}
              </RouterLink>
            </LinkListItem>
          )}
          {can('fidelity.read') && (
            <LinkListItem>
              <RouterLink asComponent={Link} to="/fidelity" data-qa="caseload-fidelity-link">
                {e.nav.fidelity}
              </RouterLink>
            </LinkListItem>
          )}
        </LinkList>
      </nav>

      <Section title={e.caseload.caseloadsTitle} data-qa="caseloads">
        {caseloads.isPending ? (
          <Loading />
        ) : caseloads.isError ? (
          <LoadError error={caseloads.error} />
        ) : (
          <>
            {over.length > 0 && (
              <div role="alert" data-qa="caseload-warning">
                <InlineAlert
                  status="warning"
                  labelText={e.caseload.warningTitle(caseloads.data.limit)}
                  mb="m"
                >
                  {mine?.overLimit
                    ? e.caseload.warningYou(mine.activeClients, caseloads.data.limit)
                    : e.caseload.warningOthers(over.map((c) => c.name).join(', '), caseloads.data.limit)}
                </InlineAlert>
              </div>
            )}
            <Paragraph mb="m">
              {e.caseload.itemScore(caseloads.data.caseloadItemScore, caseloads.data.limit)}
            </Paragraph>
            {caseloads.data.coaches.length === 0 ? (
              <Paragraph>{e.caseload.noCoaches}</Paragraph>
            ) : (
              <div className="table-wrapper" data-qa="caseload-table">
                <Table
                  caption={e.caseload.caption}
                  columns={[
                    { key: 'name', labelText: e.caseload.columns.coach },
                    { key: 'active', labelText: e.caseload.columns.active },
                    { key: 'intensive', labelText: e.caseload.columns.intensive },
                    { key: 'light', labelText: e.caseload.columns.light },
                    { key: 'status', labelText: e.caseload.columns.status },
                  ]}
                  data={caseloads.data.coaches.map((c) => ({
                    id: c.userId,
                    name: c.name,
                    active: String(c.activeClients),
                    intensive: String(c.intensive),
                    light: String(c.lightSupport),
                    status: (
                      <span
                        className={`status status--${c.overLimit ? 'failed' : 'active'}`}
                        data-qa="caseload-status"
                        data-over-limit={c.overLimit}
                      >
                        {c.overLimit ? e.caseload.overLimit : e.caseload.withinLimit}
                      </span>
                    ),
                  }))}
                />
              </div>
            )}
          </>
        )}
      </Section>

      {can('coaching.list') && (
        <Section title={e.caseload.coachingsTitle} data-qa="coachings">
          <div className="filters">
            <Dropdown
              id="coachings-coach"
              labelText={e.caseload.coachFilter}
              value={coach}
              onChange={setCoach}
              data-qa="coachings-coach-filter"
            >
              {[
                <DropdownItem key="all" value="all">
                  {e.caseload.allCoaches}
                </DropdownItem>,
                ...(caseloads.data?.coaches ?? []).map((c) => (
                  <DropdownItem key={c.userId} value={c.userId}>
                    {c.userId === me ? e.caseload.me(c.name) : c.name}
                  </DropdownItem>
                )),
              ]}
            </Dropdown>
          </div>
          {coachings.isPending ? (
            <Loading />
          ) : coachings.isError ? (
            <LoadError error={coachings.error} />
          ) : coachings.data.length === 0 ? (
            <Paragraph mt="m" data-qa="coachings-empty">
              {e.caseload.noCoachings}
            </Paragraph>
          ) : (
            <div className="table-wrapper" data-qa="coachings-table">
              <Table
                caption={e.caseload.coachingsCaption(coachings.data.length)}
                columns={[
                  { key: 'client', labelText: e.caseload.columns.client },
                  { key: 'model', labelText: e.caseload.columns.model },
                  { key: 'intensity', labelText: e.caseload.columns.intensity },
                  { key: 'coach', labelText: e.caseload.columns.coach },
                  { key: 'started', labelText: e.caseload.columns.started },
                ]}
                data={coachings.data.map((k) => ({
                  id: k.id,
                  client: (
                    <RouterLink asComponent={Link} to={`/coaching/${k.id}`} data-qa="coaching-link">
                      {k.clientName}
                    </RouterLink>
                  ),
                  model: e.models[k.model],
                  intensity: e.intensities[k.intensity],
                  coach: k.coach.name,
                  started: formatDate(k.startedOn),
                }))}
              />
            </div>
          )}
        </Section>
      )}
    </div>
  );
}
