import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import { entryAnchor } from '../cases/entry.tsx';
import { useLocalName } from '../cases/path-shared.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { useWorklist, type Worklist } from './queries.ts';

/**
 * The front page's worklist: new referrals to my teams, my cases as case manager, cases whose phase has
 * stood still, consultations waiting for an answer and coming network meetings. Each item is a link.
 */
export function WorklistSection() {
  const can = useCan();
  if (!can('worklist.read')) return null;
  return <WorklistView />;
}

function WorklistView() {
  const t = useT();
  const w = t.clientPath.worklist;
  const can = useCan();
  const worklist = useWorklist();
  return (
    <Section
      title={w.title}
      data-qa="worklist"
      id="worklist"
      actions={
        <span className="section-actions">
          {can('screening.create') && (
            <RouterLink asComponent={Link} to="/screenings/new" data-qa="worklist-new-screening">
              {w.newScreening}
            </RouterLink>
          )}
          {can('referral.list') && (
            <RouterLink asComponent={Link} to="/referrals" data-qa="worklist-all-referrals">
              {w.allReferrals}
            </RouterLink>
          )}
        </span>
      }
    >
      {worklist.isPending ? (
        <Loading />
      ) : worklist.isError ? (
        <LoadError error={worklist.error} />
      ) : (
        <WorklistGroups worklist={worklist.data} />
      )}
    </Section>
  );
}

function WorklistGroups({ worklist }: { worklist: Worklist }) {
  const t = useT();
  const w = t.clientPath.worklist;
  const { name } = useLocalName();
  const days = t.clientPath.common.days;
  const caseItem = (k: Worklist['myCases'][number]) => ({
    key: k.id,
    to: `/cases/${k.id}`,
    title: k.clientName,
    meta: w.caseMeta(`${k.currentPhase.ordinal}. ${name(k.currentPhase)}`, days(k.daysInPhase)),
  });
  return (
    <div className="worklist">
      <Group
        id="worklist-referrals"
        title={w.newReferrals}
        empty={w.newReferralsEmpty}
        items={worklist.newReferrals.map((r) => ({
          key: r.id,
          to: `/referrals/${r.id}`,
          title: w.referralLine(r.clientName, r.receivingTeam.name),
          meta: w.referralMeta(
            r.referringOrganisation.name,
            formatDate(r.sentAt),
            t.clientPath.referralStatuses[r.status],
          ),
        }))}
      />
      <Group
        id="worklist-my-cases"
        title={w.myCases}
        empty={w.myCasesEmpty}
        items={worklist.myCases.map(caseItem)}
      />
      <Group
        id="worklist-stale"
        title={w.staleCases}
        hint={w.staleCasesHint}
        empty={w.staleCasesEmpty}
        items={worklist.staleCases.map(caseItem)}
      />
      <Group
        id="worklist-consultations"
        title={w.openConsultations}
        empty={w.openConsultationsEmpty}
        items={worklist.openConsultations.map((q) => ({
          key: q.id,
          to: `/cases/${q.caseId}#${entryAnchor('consultation', q.id)}`,
          title: w.consultationLine(q.clientName, q.topic),
          meta: w.consultationMeta(
            `${q.organisationName}, ${lookup(t.roles, q.askerRole) ?? q.askerRole}`,
            formatDate(q.recordedAt),
          ),
        }))}
      />
      <Group
        id="worklist-meetings"
        title={w.upcomingMeetings}
        empty={w.upcomingMeetingsEmpty}
        items={worklist.upcomingMeetings.map((m) => ({
          key: m.id,
          to: `/cases/${m.caseId}#${entryAnchor('meeting', m.id)}`,
          title: w.meetingLine(m.clientName, formatDateTime(m.startsAt, t)),
          meta: m.participants.map((p) => p.organisationName).join(', '),
        }))}
      />
    </div>
  );
}

function Group({
  id,
  title,
  hint,
  empty,
  items,
}: {
  id: string;
  title: string;
  hint?: string;
  empty: string;
  items: { key: string; to: string; title: string; meta: ReactNode }[];
}) {
  return (
    <section className="worklist__group" aria-labelledby={`${id}-heading`} data-qa={id}>
      <h3 className="worklist__heading" id={`${id}-heading`}>
        {title} <span className="worklist__count">({items.length})</span>
      </h3>
      {hint && <p className="worklist__hint">{hint}</p>}
      {items.length === 0 ? (
        <Paragraph className="worklist__empty" data-qa={`${id}-empty`}>
          {empty}
        </Paragraph>
      ) : (
        <ul className="worklist__items">
          {items.map((item) => (
            <li key={item.key} data-qa={`${id}-item`}>
              <RouterLink asComponent={Link} to={item.to}>
                {item.title}
              </RouterLink>
              <span className="worklist__meta">{item.meta}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
