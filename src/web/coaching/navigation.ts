import { useCan } from '../auth/session.tsx';
import { useT } from '../i18n/language.tsx';

/** Supported employment in the main navigation, for the roles that may use it. */
export function useEmploymentNavItems() {
  const t = useT();
  const can = useCan();
  return [
    { to: '/coaching', label: t.employment.nav.coaching, qa: 'nav-coaching', show: can('coaching.caseload') },
    { to: '/employers', label: t.employment.nav.employers, qa: 'nav-employers', show: can('employer.list') },
    { to: '/fidelity', label: t.employment.nav.fidelity, qa: 'nav-fidelity', show: can('fidelity.read') },
  ];
}

/** Supported employment on the front page's task list. */
export function useEmploymentTasks() {
  const t = useT();
  const can = useCan();
  return [
    {
      to: '/coaching',
      label: t.employment.tasks.caseload,
      qa: 'task-coaching',
      show: can('coaching.caseload'),
    },
    {
      to: '/employer-contacts/new',
      label: t.employment.tasks.logContact,
      qa: 'task-log-employer-contact',
      show: can('employerContact.create'),
    },
    {
      to: '/employers',
      label: t.employment.tasks.employers,
      qa: 'task-employers',
      show: can('employer.list'),
    },
    { to: '/fidelity', label: t.employment.tasks.fidelity, qa: 'task-fidelity', show: can('fidelity.read') },
  ];
}
