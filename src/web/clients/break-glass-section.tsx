import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  Button,
  Expander,
  ExpanderContent,
  ExpanderTitleButton,
  InlineAlert,
  Paragraph,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
} from '../shared/form.tsx';
import { useBreakGlass } from './queries.ts';

const ID = 'break-glass';

/**
 * Emergency access for physicians and coordinators to a client without a care relationship: a written
 * reason is required, the access lasts two hours, and every use is logged and reviewed.
 */
export function BreakGlassSection() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const breakGlass = useBreakGlass();
  const [open, setOpen] = useState(location.hash === '#break-glass');
  const [identityCode, setIdentityCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const labels: Record<string, string> = {
    identityCode: t.breakGlass.identityCode,
    reason: t.breakGlass.reason,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { identityCode, reason }, ['identityCode', 'reason']);
    if (!fields.reason && reason.trim().length < 10) fields.reason = t.errors.fields.reason;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    breakGlass.mutate(
      { identityCode: identityCode.trim(), reason: reason.trim() },
      {
        onSuccess: (access) =>
          navigate(`/clients/${access.clientId}`, { state: { breakGlassUntil: access.expiresAt } }),
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  return (
    <Expander id="break-glass" open={open} onOpenChange={setOpen} mt="l" data-qa="break-glass">
      <ExpanderTitleButton asHeading="h2">{t.breakGlass.title}</ExpanderTitleButton>
      <ExpanderContent>
        <Paragraph mb="m">{t.breakGlass.intro}</Paragraph>
        <InlineAlert
          status="warning"
          labelText={t.breakGlass.warningTitle}
          mb="m"
          data-qa="break-glass-warning"
        >
          {t.breakGlass.warning}
        </InlineAlert>
        <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => labels[f] ?? f} />
        <form onSubmit={submit} noValidate data-qa="break-glass-form">
          <TextInput
            id={fieldId(ID, 'identityCode')}
            labelText={t.breakGlass.identityCode}
            hintText={t.clients.identityCodeHint}
            value={identityCode}
            onChange={(v) => setIdentityCode(String(v ?? ''))}
            status={errors.fields.identityCode ? 'error' : 'default'}
            statusText={errors.fields.identityCode}
            autoComplete="off"
            mb="m"
            data-qa="break-glass-identity-code"
          />
          <Textarea
            id={fieldId(ID, 'reason')}
            labelText={t.breakGlass.reason}
            hintText={t.breakGlass.reasonHint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            status={errors.fields.reason ? 'error' : 'default'}
            statusText={errors.fields.reason}
            fullWidth
            mb="m"
            data-qa="break-glass-reason"
          />
          <Button
            type="submit"
            variant="secondary"
            disabled={breakGlass.isPending}
            data-qa="break-glass-submit"
          >
            {t.breakGlass.submit}
          </Button>
        </form>
      </ExpanderContent>
    </Expander>
  );
}
