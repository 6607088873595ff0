import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading, Paragraph, RouterLink, Table, Textarea } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import type { Client } from '../clients/queries.ts';
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDate } from '../shared/dates.ts';
import { apiFormErrors, FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { type Consent, useConsents, useWithdrawConsent } from './queries.ts';

/** The client's consents to disclose data, every status shown; active and upcoming ones can be withdrawn. */
export function ConsentsSection({ client }: { client: Client }) {
  const { t } = useI18n();
  const can = useCan();
  const consents = useConsents(client.id);
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const rows = consents.data ?? [];

  return (
    <Section
      title={t.consents.title}
      data-qa="client-consents"
      id="consents"
      actions={
        can('consent.create') && (
          <RouterLink asComponent={Link} to={`/clients/${client.id}/consents/new`} data-qa="add-consent-link">
            {t.consents.add}
          </RouterLink>
        )
      }
    >
      <Paragraph mb="m">{t.consents.intro}</Paragraph>
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <LoadError error={consents.error} />
      ) : rows.length === 0 ? (
        <Paragraph data-qa="consents-empty">{t.consents.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="consent-table">
          <Table
            caption={t.consents.caption}
            columns={[
              { key: 'controller', labelText: t.consents.columns.controller },
              { key: 'recipient', labelText: t.consents.columns.recipient },
              { key: 'categories', labelText: t.consents.columns.categories },
              { key: 'validity', labelText: t.consents.columns.validity },
              { key: 'status', labelText: t.consents.columns.status },
              { key: 'recorded', labelText: t.consents.columns.recorded },
              { key: 'actions', labelText: t.consents.columns.actions },
            ]}
            data={rows.map((c) => ({
              id: c.id,
              controller: c.controllerOrganisationName,
              recipient: c.recipientOrganisationName,
              categories: c.categories
                .map((code) => codeName(codeLists.data?.dataCategories, code))
                .join(', '),
              validity: (
                <span className="nowrap">{`${formatDate(c.validFrom)}–${formatDate(c.validUntil)}`}</span>
              ),
              status: (
                <span
                  className={`status status--${c.status}`}
                  data-qa="consent-status"
                  data-status={c.status}
                >
                  {t.consents.statuses[c.status]}
                </span>
              ),
              recorded: (
                <>
                  {t.consents.methods[c.method]},{' '}
                  {t.consents.recordedBy(formatDate(c.recordedAt), c.recordedBy)}
                  {c.withdrawnAt && (
                    <>
                      <br />
                      {t.consents.withdrawnBy(
                        formatDate(c.withdrawnAt),
                        c.withdrawnBy ?? t.common.notRecorded,
                      )}
                    </>
                  )}
                </>
              ),
              actions:
                can('consent.withdraw') && (c.status === 'active' || c.status === 'upcoming') ? (
                  <Button
                    variant="secondaryNoBorder"
                    onClick={() => setWithdrawing(c)}
                    data-qa="consent-withdraw"
                    aria-label={`${t.consents.withdraw}: ${c.recipientOrganisationName}`}
                  >
                    {t.consents.withdraw}
                  </Button>
                ) : null,
            }))}
          />
        </div>
      )}
      {withdrawing && (
        <WithdrawConsentForm
          key={withdrawing.id}
          clientId={client.id}
          consent={withdrawing}
          onDone={() => setWithdrawing(null)}
        />
      )}
    </Section>
  );
}

const ID = 'withdraw-consent';

function WithdrawConsentForm({
  clientId,
  consent,
  onDone,
}: {
  clientId: string;
  consent: Consent;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const flash = useFlash();
  const withdraw = useWithdrawConsent(clientId);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    withdraw.mutate(
      { id: consent.id, version: consent.version, note },
      {
        onSuccess: () => {
          flash(t.consents.withdrawn);
          onDone();
        },
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  return (
    <form className="subpanel" onSubmit={submit} noValidate data-qa="withdraw-consent-form">
      <Heading variant="h3" ref={headingRef} tabIndex={-1} mb="s">
        {t.consents.withdrawTitle(consent.recipientOrganisationName)}
      </Heading>
      <Paragraph mb="m">{t.consents.withdrawHint}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={() => t.consents.withdrawNote} />
      <Textarea
        id={fieldId(ID, 'note')}
        labelText={t.consents.withdrawNote}
        optionalText={t.common.optional}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
        mb="m"
        data-qa="withdraw-note"
      />
      <div className="button-row">
        <Button type="submit" disabled={withdraw.isPending} data-qa="withdraw-confirm">
          {t.consents.withdrawConfirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
