import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import type { Client } from '../clients/queries.ts';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { featureFormErrors } from '../plans/errors.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { localText, roundLabel } from './local.ts';
import { type Channel, type Measurement, useSendLink } from './queries.ts';

const ID = 'send-link';

/** The channel the server would choose: the client's preference when that detail exists, else what exists. */
export function defaultChannel(
  client: Pick<Client, 'email' | 'phone' | 'contactPreference'>,
): Channel | null {
  const email = Boolean(client.email?.trim());
  const phone = Boolean(client.phone?.trim());
  const prefersPhone = client.contactPreference === 'sms' || client.contactPreference === 'phone';
  if (prefersPhone && phone) return 'sms';
  if (email) return 'email';
  if (phone) return 'sms';
  return null;
}

/** Sends the client a personal link to a questionnaire, by e-mail or text message. */
export function SendLinkForm({
  client,
  measurement,
  onDone,
}: {
  client: Client;
  measurement: Measurement;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.plans.measures;
  const flash = useFlash();
  const send = useSendLink();
  const [channel, setChannel] = useState<Channel | null>(() => defaultChannel(client));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const name = localText(measurement.instrumentName, lang);
  const addresses: Record<Channel, string | null> = {
    email: client.email?.trim() || null,
    sms: client.phone?.trim() || null,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!channel) return;
    send.mutate(
      { id: measurement.id, channel },
      {
        onSuccess: () => {
          flash(m.sent(name, m.channels[channel]));
          onDone();
        },
        onError: (error) => setErrors(featureFormErrors(t, error)),
      },
    );
  }

  return (
    <form className="subpanel" onSubmit={submit} noValidate data-qa="send-link-form">
      <Heading variant="h4" ref={headingRef} tabIndex={-1} mb="s" className="subpanel-heading">
        {m.sendTitle(name, roundLabel(t, measurement.offsetMonths))}
      </Heading>
      <Paragraph mb="m">{m.sendIntro}</Paragraph>
      {measurement.link?.state === 'open' && <Paragraph mb="m">{m.sendReplaces}</Paragraph>}
      <FormErrorSummary errors={errors} idPrefix={ID} label={() => m.channel} />
      {channel === null ? (
        <p className="field-error" data-qa="send-no-contact">
          {m.noContact}
        </p>
      ) : (
        <RadioButtonGroup
          id={fieldId(ID, 'channel')}
          name={`${ID}-channel`}
          labelText={m.channel}
          value={channel}
          onChange={(v) => setChannel(v as Channel)}
          groupStatus={errors.fields.channel ? 'error' : 'default'}
          groupStatusText={errors.fields.channel}
          data-qa="send-channel"
        >
          {(['email', 'sms'] as const).map((c) => (
            <RadioButton
              key={c}
              value={c}
              disabled={!addresses[c]}
              hintText={addresses[c] ?? m.missingContact[c]}
              data-qa={`send-channel-${c}`}
            >
              {m.channels[c]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      )}
      <div className="button-row">
        <Button type="submit" disabled={send.isPending || channel === null} data-qa="send-link-submit">
          {send.isPending ? m.sending : m.sendConfirm}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
