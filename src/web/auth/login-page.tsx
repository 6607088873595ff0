import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
} from '../shared/form.tsx';
import { PageHeading } from '../shared/page.tsx';
import { useLogin } from './queries.ts';
import { takeSessionEnded } from './session.tsx';

const ID = 'login';

export function LoginPage() {
  const t = useT();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sessionEnded] = useState(takeSessionEnded);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const labels: Record<string, string> = { email: t.auth.email, password: t.auth.password };

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingFields(t, { email, password }, ['email', 'password']);
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null, error: null });
      return;
    }
    login.mutate(
      { email, password },
      {
        // A new history entry moves the focus to the first page's heading.
        onSuccess: () => navigate(`${location.pathname}${location.search}`, { replace: true, state: null }),
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  return (
    <div className="narrow" data-qa="login-page">
      <PageHeading data-qa="login-heading">{t.auth.loginTitle}</PageHeading>
      <Paragraph mb="l">{t.auth.loginIntro}</Paragraph>
      {(loggedOut || sessionEnded) && errors === NO_ERRORS && (
        <InlineAlert mb="m" data-qa="login-notice">
          {sessionEnded ? t.auth.sessionEnded : t.auth.loggedOut}
        </InlineAlert>
      )}
      <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => labels[f] ?? f} />
      <form className="panel" onSubmit={submit} noValidate data-qa="login-form">
        <TextInput
          id={fieldId(ID, 'email')}
          labelText={t.auth.email}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          status={errors.fields.email ? 'error' : 'default'}
          statusText={errors.fields.email}
          fullWidth
          mb="m"
          data-qa="login-email"
        />
        <TextInput
          id={fieldId(ID, 'password')}
          labelText={t.auth.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(v) => setPassword(String(v ?? ''))}
          status={errors.fields.password ? 'error' : 'default'}
          statusText={errors.fields.password}
          fullWidth
          mb="l"
          data-qa="login-password"
        />
        <Button type="submit" disabled={login.isPending} data-qa="login-submit">
          {login.isPending ? t.auth.submitting : t.auth.submit}
        </Button>
      </form>
    </div>
  );
}
