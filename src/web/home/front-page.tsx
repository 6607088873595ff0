import { Link } from 'react-router';
import { LinkList, LinkListItem, Paragraph, RouterLink } from 'suomifi-ui-components';
import { MembershipSwitch } from '../auth/membership-switch.tsx';
import { useCan, useSession } from '../auth/session.tsx';
import { useEmploymentTasks } from '../coaching/navigation.ts';
import { useT } from '../i18n/language.tsx';
import { MeasurementWorklist } from '../measures/measurement-worklist.tsx';
import { PageHeading, Section } from '../shared/page.tsx';
import { WorklistSection } from '../worklist/worklist-section.tsx';

/** Who is signed in, as what, and the way to everything the role may do. */
export function FrontPage() {
  const t = useT();
  const session = useSession();
  const can = useCan();
  const { user, membership } = session;
  const employmentTasks = useEmploymentTasks();
  const tasks = [
    { to: '/clients', label: t.home.searchClients, qa: 'task-search-clients', show: can('client.search') },
    {
      to: '/clients/new',
      label: t.home.registerClient,
      qa: 'task-register-client',
      show: can('client.create'),
    },
    {
      to: '/clients#break-glass',
      label: t.home.breakGlass,
      qa: 'task-break-glass',
      show: can('client.breakGlass'),
    },
    { to: '/reports', label: t.reports.task, qa: 'task-reports', show: can('report.read') },
    {
      to: '/admin/organisations',
      label: t.home.organisations,
      qa: 'task-organisations',
      show: can('organisation.create'),
    },
    { to: '/admin/teams', label: t.home.teams, qa: 'task-teams', show: can('team.create') },
    { to: '/admin/users', label: t.home.users, qa: 'task-users', show: can('user.list') },
    { to: '/audit', label: t.home.audit, qa: 'task-audit', show: can('audit.list') },
    {
      to: '/audit/client-access-log',
      label: t.home.clientAccessLog,
      qa: 'task-client-access-log',
      show: can('audit.clientAccessLog'),
    },
    {
      to: '/audit/break-glass',
      label: t.home.breakGlassReview,
      qa: 'task-break-glass-review',
      show: can('breakGlass.list'),
    },
    ...employmentTasks,
  ].filter((task) => task.show);
  const isManager = membership.role === 'manager';

  return (
    <div data-qa="front-page">
      <PageHeading data-qa="front-heading">{t.home.title(user.firstName)}</PageHeading>
      <Section title={t.home.youTitle} data-qa="front-user">
        <dl className="data-list">
          <dt>{t.home.name}</dt>
          <dd data-qa="front-user-name">
            {user.firstName} {user.lastName}
          </dd>
          <dt>{t.home.organisation}</dt>
          <dd data-qa="front-user-organisation">{membership.organisationName}</dd>
          <dt>{t.home.role}</dt>
          <dd data-qa="front-user-role">{t.roles[membership.role]}</dd>
        </dl>
      </Section>
      <WorklistSection />
      {can('worklist.read') && <MeasurementWorklist />}
      {isManager && (
        <Section title={t.home.managerTitle} data-qa="front-reports">
          <Paragraph mb="s">{t.home.managerText}</Paragraph>
          <RouterLink asComponent={Link} to="/reports" data-qa="front-report-link">
            {t.reports.frontLink}
          </RouterLink>
        </Section>
      )}
      {tasks.length > 0 ? (
        <Section title={t.home.tasksTitle} data-qa="front-tasks" id="tasks">
          <LinkList ariaLabelledBy="tasks-heading">
            {tasks.map((task) => (
              <LinkListItem key={task.to}>
                <RouterLink asComponent={Link} to={task.to} data-qa={task.qa}>
                  {task.label}
                </RouterLink>
              </LinkListItem>
            ))}
          </LinkList>
        </Section>
      ) : (
        !isManager && <Paragraph mb="l">{t.home.nothingYet}</Paragraph>
      )}
      <MembershipSwitch />
    </div>
  );
}
