import { NavLink } from 'react-router';
import { useCan } from '../auth/session.tsx';
import { useEmploymentNavItems } from '../coaching/navigation.ts';
import { useT } from '../i18n/language.tsx';

/** The sections the user's role may use; nothing else is shown. */
export function useNavigationItems() {
  const t = useT();
  const can = useCan();
  const employment = useEmploymentNavItems();
  const items: { to: string; label: string; qa: string; show: boolean }[] = [
    { to: '/', label: t.nav.home, qa: 'nav-home', show: true },
    { to: '/clients', label: t.nav.clients, qa: 'nav-clients', show: can('client.search') },
    { to: '/referrals', label: t.clientPath.nav.referrals, qa: 'nav-referrals', show: can('referral.list') },
    { to: '/reports', label: t.reports.nav, qa: 'nav-reports', show: can('report.read') },
    ...employment,
    {
      to: '/admin/organisations',
      label: t.nav.organisations,
      qa: 'nav-organisations',
      show: can('organisation.create'),
    },
    { to: '/admin/teams', label: t.nav.teams, qa: 'nav-teams', show: can('team.create') },
    { to: '/admin/users', label: t.nav.users, qa: 'nav-users', show: can('user.list') },
    {
      to: '/admin/pathways',
      label: t.clientPath.nav.pathways,
      qa: 'nav-pathways',
      show: can('pathway.create'),
    },
    {
      to: '/admin/instruments',
      label: t.plans.nav.instruments,
      qa: 'nav-instruments',
      show: can('instrument.import'),
    },
    { to: '/admin/outbox', label: t.plans.nav.outbox, qa: 'nav-outbox', show: can('outbox.list') },
    { to: '/audit', label: t.nav.audit, qa: 'nav-audit', show: can('audit.list') },
    {
      to: '/audit/client-access-log',
      label: t.nav.clientAccessLog,
      qa: 'nav-client-access-log',
      show: can('audit.clientAccessLog'),
    },
    {
      to: '/audit/break-glass',
      label: t.nav.breakGlassReview,
      qa: 'nav-break-glass',
      show: can('breakGlass.list'),
    },
  ];
  return items.filter((i) => i.show);
}

export function MainNavigation() {
  const t = useT();
  const items = useNavigationItems();
  return (
    <nav className="app-nav" aria-label={t.layout.mainNavigation} data-qa="main-navigation">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/' || item.to === '/audit'} data-qa={item.qa}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
