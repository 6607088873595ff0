import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { apiFormErrors, FormErrorSummary, type FormErrors, NO_ERRORS } from '../shared/form.tsx';
import { PageHeading } from '../shared/page.tsx';
import {
  ClientFields,
  type ClientFormValues,
  clientFieldLabel,
  clientFormProblems,
  EMPTY_CLIENT,
} from './client-form.tsx';
import { useRegisterClient } from './queries.ts';

const ID = 'register-client';

export function RegisterClientPage() {
  const t = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const register = useRegisterClient();
  const [values, setValues] = useState<ClientFormValues>(EMPTY_CLIENT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = clientFormProblems(t, values, true);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, general: null, error: null });
      return;
    }
    register.mutate(values, {
      onSuccess: (client) => {
        flash(t.clients.registered, { nextPage: true });
        navigate(`/clients/${client.id}`);
      },
      onError: (error) => setErrors(apiFormErrors(t, error)),
    });
  }

  const existingId = errors.error?.code === 'client_exists' ? errors.error.existingClientId : undefined;
  return (
    <div data-qa="register-client-page">
      <PageHeading>{t.clients.registerTitle}</PageHeading>
      <Paragraph mb="l">{t.clients.registerIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => clientFieldLabel(t, f)}>
        {existingId && (
          <p className="alert-actions">
            <RouterLink asComponent={Link} to={`/clients/${existingId}`} data-qa="existing-client-link">
              {t.clients.openExisting}
            </RouterLink>
          </p>
        )}
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="register-client-form">
        <ClientFields idPrefix={ID} values={values} onChange={setValues} errors={errors} withIdentityCode />
        <div className="button-row">
          <Button type="submit" disabled={register.isPending} data-qa="register-client-submit">
            {register.isPending ? t.common.saving : t.clients.registerSubmit}
          </Button>
          <RouterLink asComponent={Link} to="/clients">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
