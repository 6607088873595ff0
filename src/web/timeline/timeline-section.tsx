import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { useCodeEntryName, useLocalName } from '../cases/path-shared.tsx';
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useClientPathCodeLists } from '../pathways/queries.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { type TimelineEntry, useTimeline } from './queries.ts';

/**
 * One timeline of the client: every entry the user may see, newest first, with its type, date and
 * organisation of origin. What the user may not see is absent and not counted.
 */
export function TimelineSection({ clientId }: { clientId: string }) {
  const t = useT();
  const tl = t.clientPath.timeline;
  const timeline = useTimeline(clientId);
  const entries = timeline.data ?? [];
  return (
    <Section title={tl.title} data-qa="client-timeline" id="timeline">
      <Paragraph mb="m">{tl.intro}</Paragraph>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <LoadError error={timeline.error} />
      ) : entries.length === 0 ? (
        <Paragraph data-qa="timeline-empty">{tl.empty}</Paragraph>
      ) : (
        <ol className="timeline" aria-label={tl.listLabel}>
          {entries.map((e) => (
            <li
              key={e.key}
              className={`timeline__entry timeline__entry--${e.type}`}
              data-qa="timeline-entry"
              data-type={e.type}
            >
              <div className="timeline__when">
                <time dateTime={e.date}>{formatDate(e.date)}</time>
              </div>
              <div className="timeline__body">
                <strong className="timeline__type" data-qa="timeline-type">
                  {tl.types[e.type]}
                </strong>
                <EntryDetail entry={e} />
                <span className="timeline__meta">
                  {tl.origin(e.organisationName)}
                  {e.by && ` · ${tl.byName(e.by)}`}
                </span>
                {e.caseId && (e.type === 'case_opened' || e.type === 'case_closed') && (
                  <RouterLink asComponent={Link} to={`/cases/${e.caseId}`} className="timeline__link">
                    {tl.openCase}
                  </RouterLink>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** The one line that tells what happened, in the interface language. */
function EntryDetail({ entry: e }: { entry: TimelineEntry }) {
  const t = useT();
  const tl = t.clientPath.timeline;
  const { name } = useLocalName();
  const codeLists = useClientPathCodeLists();
  const categories = useCodeLists();
  const categoryName = useCodeName();
  const outcomeName = useCodeEntryName();
  const corrected = (x: { correctsId: string | null; correctedById: string | null }) =>
    [x.correctedById ? tl.corrected : null, x.correctsId ? tl.correction : null].filter(Boolean).join(', ');
  let text: string;
  switch (e.type) {
    case 'screening':
      text = `${t.clientPath.screeningOutcomes[e.outcome]} · ${tl.situations(e.situations.length)}`;
      break;
    case 'referral':
      text = tl.referralStep(t.clientPath.referralStatuses[e.toStatus], e.receivingTeamName);
      break;
    case 'case_opened':
      text = tl.caseOpened(name(e.pathway), e.teamName);
      break;
    case 'phase_change':
      text = t.clientPath.phases.fromTo(name(e.fromPhase), name(e.toPhase));
      break;
    case 'case_manager':
      text = tl.manager(e.managerName, e.managerOrganisationName);
      break;
    case 'team_member_added':
    case 'team_member_removed':
      text = tl.member(
        e.memberName ? `${e.memberName}, ${e.memberOrganisationName}` : e.memberOrganisationName,
        lookup(t.roles, e.role) ?? e.role,
      );
      break;
    case 'visit':
      text = [
        t.clientPath.visits.line(
          t.clientPath.visitModes[e.mode],
          t.clientPath.common.minutes(e.durationMinutes),
          e.professionalName,
        ),
        corrected(e),
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'consultation':
      text = [
        tl.consultation(e.topic, e.toOrganisationName),
        e.answeredAt ? tl.consultationAnswered : '',
        corrected(e),
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'meeting':
      text = [
        formatDateTime(e.startsAt, t),
        tl.meeting(e.participantCount),
        e.clientParticipated === true ? t.clientPath.meetings.clientParticipated : '',
        e.summarySigned ? tl.summarySigned : '',
        corrected(e),
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'consent_given':
    case 'consent_withdrawn':
      text = `${tl.consent(e.recipientOrganisationName)} · ${e.categories
        .map((c) => categoryName(categories.data?.dataCategories, c))
        .join(', ')}`;
      break;
    case 'case_closed':
      text = outcomeName(codeLists.data?.caseOutcomes, e.outcomeCode);
      break;
    case 'work_trial_feedback':
      text = `${tl.feedback[e.feedbackKind]} · ${e.employerName}`;
      break;
  }
  return <span className="timeline__text">{text}</span>;
}
