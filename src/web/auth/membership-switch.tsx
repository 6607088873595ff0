import { type FormEvent, useState } from 'react';
import { Button, Dropdown, DropdownItem, Paragraph } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { apiFormErrors, FormErrorSummary, type FormErrors, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { useSwitchMembership } from './queries.ts';
import { useSession } from './session.tsx';

/** For users with several organisations or roles: one is active at a time, and it decides what they see. */
export function MembershipSwitch() {
  const t = useT();
  const session = useSession();
  const flash = useFlash();
  const switchMembership = useSwitchMembership();
  const [selected, setSelected] = useState(session.membership.id);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  if (session.memberships.length < 2) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected === session.membership.id) return;
    switchMembership.mutate(selected, {
      onSuccess: () => flash(t.auth.switched),
      onError: (error) => setErrors(apiFormErrors(t, error)),
    });
  }

  return (
    <Section title={t.auth.switchTitle} data-qa="membership-switch">
      <Paragraph mb="m">{t.auth.switchIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix="membership" label={() => t.auth.switchLabel} />
      <form onSubmit={submit} className="inline-form">
        <Dropdown
          id="membership-select"
          labelText={t.auth.switchLabel}
          value={selected}
          onChange={(v) => setSelected(v)}
          fullWidth
          data-qa="membership-select"
        >
          {session.memberships.map((m) => (
            <DropdownItem key={m.id} value={m.id}>
              {t.auth.membership(m.organisationName, t.roles[m.role])}
            </DropdownItem>
          ))}
        </Dropdown>
        <Button
          type="submit"
          variant="secondary"
          disabled={switchMembership.isPending}
          data-qa="membership-submit"
        >
          {t.auth.switchSubmit}
        </Button>
      </form>
    </Section>
  );
}
