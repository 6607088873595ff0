import { Link } from 'react-router';
import { Heading, LinkList, LinkListItem, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useCan, useSession } from '../auth/session.tsx';
import { type CaseSummary, useClientCases } from '../cases/queries.ts';
import { useI18n } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { FeedbackAnswers } from '../work-trials/feedback-answers.tsx';
import { useFunctionalAssessments } from '../work-trials/queries.ts';
import { type CoachingSummary, useClientCoachings } from './queries.ts';

/**
 * On the client's page: the client's coachings, the way to start one from an open case (job coaches), and the
 * functional assessments that work-trial supervisors have given.
 */
export function ClientEmploymentSection({ clientId }: { clientId: string }) {
  const can = useCan();
  const showCoachings = can('coaching.clientList');
  const showAssessments = can('functionalAssessment.list');
  if (!showCoachings && !showAssessments) return null;
  return (
    <>
      {showCoachings && <ClientCoachings clientId={clientId} />}
      {showAssessments && <ClientFunctionalAssessments clientId={clientId} />}
    </>
  );
}

function ClientCoachings({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const e = t.employment;
  const can = useCan();
  const coachings = useClientCoachings(clientId);
  const rows = coachings.data ?? [];

  return (
    <Section title={e.clientSection.title} data-qa="client-coachings" id="coaching">
      {coachings.isPending ? (
        <Loading />
      ) : coachings.isError ? (
        <LoadError error={coachings.error} />
      ) : rows.length === 0 ? (
        <Paragraph mb="m" data-qa="client-coachings-empty">
          {e.clientSection.none}
        </Paragraph>
      ) : (
        <ul className="plain-list coaching-list" data-qa="client-coaching-list">
          {rows.map((k) => (
            <CoachingRow key={k.id} coaching={k} />
          ))}
        </ul>
      )}
      {can('coaching.create') && can('case.list') && coachings.data && (
        <StartFromOpenCases clientId={clientId} coachings={coachings.data} />
      )}
    </Section>
  );
}

/** The client's open cases without an active coaching of the coach's organisation. */
function StartFromOpenCases({ clientId, coachings }: { clientId: string; coachings: CoachingSummary[] }) {
  const session = useSession();
  const cases = useClientCases(clientId);
  const coached = (caseId: string) =>
    coachings.some(
      (k) =>
        k.caseId === caseId && k.endedOn === null && k.organisation.id === session.membership.organisationId,
    );
  const startable = (cases.data ?? []).filter((c) => c.closedOn === null && !coached(c.id));
  return startable.length > 0 ? <StartFromCase cases={startable} /> : null;
}

function CoachingRow({ coaching: k }: { coaching: CoachingSummary }) {
  const t = useI18n().t;
  const e = t.employment;
  return (
    <li data-qa="client-coaching">
      <RouterLink asComponent={Link} to={`/coaching/${k.id}`} data-qa="client-coaching-link">
        {e.clientSection.coachingLink(e.models[k.model], k.organisation.name)}
      </RouterLink>
      <br />
      <span className="muted">
        {k.endedOn
          ? e.clientSection.ended(formatDate(k.startedOn), formatDate(k.endedOn), k.coach.name)
          : e.clientSection.active(formatDate(k.startedOn), k.coach.name, e.intensities[k.intensity])}
      </span>
    </li>
  );
}

/** The entry point for a job coach: the client's open cases, each a way to start coaching. */
export function StartFromCase({ cases }: { cases: CaseSummary[] }) {
  const { t, lang } = useI18n();
  const e = t.employment;
  return (
    <div className="subpanel" data-qa="start-coaching-from-case">
      <Heading variant="h3" id="start-coaching-heading" mb="xs">
        {e.clientSection.startTitle}
      </Heading>
      <Paragraph mb="s">{e.clientSection.startIntro}</Paragraph>
      <LinkList ariaLabelledBy="start-coaching-heading">
        {cases.map((c) => {
          const pathway =
            lang === 'sv' ? c.pathway.nameSv : lang === 'en' ? c.pathway.nameEn : c.pathway.nameFi;
          return (
            <LinkListItem key={c.id}>
              <RouterLink asComponent={Link} to={`/cases/${c.id}/coaching/new`} data-qa="start-coaching-link">
                {e.clientSection.startFrom(pathway, c.team.name, formatDate(c.openedOn))}
              </RouterLink>
            </LinkListItem>
          );
        })}
      </LinkList>
    </div>
  );
}

/**
 * For the case page: the case's coaching, or for a job coach the way to start one from this case (the coach's
 * organisation must be on the case team; the server says so if it is not).
 */
export function StartCoachingLink({ caseId, clientId }: { caseId: string; clientId: string }) {
  const t = useI18n().t;
  const can = useCan();
  const coachings = useClientCoachings(clientId, { enabled: can('coaching.clientList') });
  const current = coachings.data?.find((k) => k.caseId === caseId && k.endedOn === null);
  if (current) {
    return (
      <RouterLink asComponent={Link} to={`/coaching/${current.id}`} data-qa="case-coaching-link">
        {t.employment.clientSection.openCoaching}
      </RouterLink>
    );
  }
  if (!can('coaching.create') || coachings.isPending) return null;
  return (
    <RouterLink asComponent={Link} to={`/cases/${caseId}/coaching/new`} data-qa="case-start-coaching-link">
      {t.employment.clientSection.startFromThisCase}
    </RouterLink>
  );
}

function ClientFunctionalAssessments({ clientId }: { clientId: string }) {
  const t = useI18n().t;
  const e = t.employment;
  const assessments = useFunctionalAssessments(clientId);
  return (
    <Section title={e.assessments.title} data-qa="client-functional-assessments" id="functional-assessments">
      <Paragraph mb="m">{e.assessments.intro}</Paragraph>
      {assessments.isPending ? (
        <Loading />
      ) : assessments.isError ? (
        <LoadError error={assessments.error} />
      ) : assessments.data.length === 0 ? (
        <Paragraph data-qa="functional-assessments-empty">{e.assessments.none}</Paragraph>
      ) : (
        assessments.data.map((a) => (
          <div key={a.id} className="assessment" data-qa="functional-assessment">
            <Heading variant="h3" mb="xs">
              {e.assessments.itemTitle(e.feedbackKinds[a.kind], a.employer.name)}
            </Heading>
            <Paragraph mb="s">
              {e.assessments.meta(
                formatDate(a.answeredOn),
                a.respondentName,
                `${formatDate(a.startsOn)}–${formatDate(a.endsOn)}`,
                a.organisation.name,
              )}
            </Paragraph>
            <FeedbackAnswers
              feedback={a}
              caption={e.assessments.caption(e.feedbackKinds[a.kind], formatDate(a.answeredOn))}
            />
          </div>
        ))
      )}
    </Section>
  );
}
