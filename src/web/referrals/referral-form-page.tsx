import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Textarea,
} from 'suomifi-ui-components';
import type { CONSENT_METHODS as SERVER_CONSENT_METHODS } from '../../modules/consents/consent.schema.ts';
import { type Organisation, type Team, useOrganisations, useTeams } from '../admin/queries.ts';
import { useSession } from '../auth/session.tsx';
import { dropdownItems, fieldLabel, pathFormErrors, useCodeEntryName } from '../cases/path-shared.tsx';
import { useClient } from '../clients/queries.ts';
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
import { type Consent, useConsents } from '../consents/queries.ts';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { useClientPathCodeLists } from '../pathways/queries.ts';
import { useScreening } from '../screenings/queries.ts';
import { DateField } from '../shared/date-field.tsx';
import { addYears, finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { AttachmentPicker, type PickedFile, sendFiles } from './attachment-picker.tsx';
import { type Referral, useSendReferral, useUploadAttachment } from './queries.ts';

const ID = 'referral';
type Method = (typeof SERVER_CONSENT_METHODS)[number];
const CONSENT_METHODS = ['written', 'verbal', 'electronic'] as const satisfies readonly Method[];
/** The category a referral's consent must cover (docs/client-path.md). */
const REFERRAL_CATEGORY = 'assessment';
const NEW_CONSENT = 'new';

interface Values {
  receivingTeamId: string;
  reason: string;
  unemployedSince: string;
  consentChoice: string;
  categories: string[];
  validFrom: string;
  validUntil: string;
  method: Method;
  note: string;
}

/** The client's active consents that carry a referral from my organisation to the team's. */
function usableConsents(consents: Consent[], from: string, to: string): Consent[] {
  return consents.filter(
    (c) =>
      c.status === 'active' &&
      c.controllerOrganisationId === from &&
      c.recipientOrganisationId === to &&
      c.categories.includes(REFERRAL_CATEGORY),
  );
}

export function ReferralFormPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const screeningId = params.get('screeningId');
  const t = useT();
  const client = useClient(id);
  const teams = useTeams();
  const organisations = useOrganisations();
  const consents = useConsents(id);
  const codeLists = useCodeLists();
  const queries = [client, teams, organisations, consents, codeLists];
  if (queries.some((q) => q.isPending)) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const failed = queries.find((q) => q.isError)?.error;
  if (failed || !client.data) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={failed} />
      </>
    );
  }
  return (
    <ReferralForm
      clientId={id}
      clientName={`${client.data.firstName} ${client.data.lastName}`}
      screeningId={screeningId}
      teams={(teams.data ?? []).filter((team) => team.active)}
      organisations={organisations.data ?? []}
      consents={consents.data ?? []}
    />
  );
}

function ReferralForm({
  clientId,
  clientName,
  screeningId,
  teams,
  organisations,
  consents,
}: {
  clientId: string;
  clientName: string;
  screeningId: string | null;
  teams: Team[];
  organisations: Organisation[];
  consents: Consent[];
}) {
  const t = useT();
  const f = t.clientPath.referralForm;
  const session = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const send = useSendReferral();
  const upload = useUploadAttachment();
  const myOrganisation = session.membership.organisationId;
  const today = todayIso();
  const [values, setValues] = useState<Values>({
    receivingTeamId: '',
    reason: '',
    unemployedSince: '',
    consentChoice: '',
    categories: ['basic', REFERRAL_CATEGORY],
    validFrom: isoToFinnish(today),
    validUntil: isoToFinnish(addYears(today, 1)),
    method: 'written',
    note: '',
  });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [sent, setSent] = useState<Referral | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const orgName = (orgId: string) => organisations.find((o) => o.id === orgId)?.name ?? '';
  const team = teams.find((x) => x.id === values.receivingTeamId);
  const needsConsent = team !== undefined && team.organisationId !== myOrganisation;
  const existing = team ? usableConsents(consents, myOrganisation, team.organisationId) : [];
  // The first usable consent is offered by default; the user may record a new one instead.
  const choice = values.consentChoice || (existing[0] ? existing[0].id : NEW_CONSENT);
  const recordsNew = needsConsent && choice === NEW_CONSENT;
  const categories = codeLists.data?.dataCategories ?? [];
  const label = (field: string) => fieldLabel(f.fields, field);
  const busy = send.isPending || progress !== null;

  function updateFile(key: string, state: PickedFile['state'], problem: string | null) {
    setFiles((current) => current.map((p) => (p.key === key ? { ...p, state, problem } : p)));
    if (state === 'done' || state === 'failed') {
      setProgress((p) => (p ? { ...p, done: p.done + 1 } : p));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { ...values }, ['receivingTeamId', 'reason']);
    const unemployedSince = values.unemployedSince.trim() ? finnishToIso(values.unemployedSince) : null;
    if (values.unemployedSince.trim() && !unemployedSince)
      fields.unemployedSince = t.errors.issues.invalid_date;
    const validFrom = finnishToIso(values.validFrom);
    const validUntil = finnishToIso(values.validUntil);
    if (recordsNew) {
      if (values.categories.length === 0) fields['consent.categories'] = t.errors.fields.categories;
      else if (!values.categories.includes(REFERRAL_CATEGORY))
        fields['consent.categories'] = t.clientPath.errors.consent_missing_category;
      if (!validFrom) fields['consent.validFrom'] = t.errors.issues.invalid_date;
      if (!validUntil) fields['consent.validUntil'] = t.errors.issues.invalid_date;
    }
    const refused = files.filter((p) => p.state === 'failed');
    if (refused.length > 0) {
      fields.attachments = refused.map((p) => f.failedFile(p.file.name, p.problem ?? '')).join(' ');
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const consent = !needsConsent
      ? {}
      : recordsNew
        ? {
            consent: {
              categories: values.categories,
              validFrom: validFrom!,
              validUntil: validUntil!,
              method: values.method,
              note: values.note,
            },
          }
        : { consentId: choice };
    setErrors(NO_ERRORS);
    send.mutate(
      {
        clientId,
        receivingTeamId: values.receivingTeamId,
        reason: values.reason,
        ...(screeningId ? { screeningId } : {}),
        ...(unemployedSince ? { unemployedSince } : {}),
        ...consent,
      },
      {
        onSuccess: async (referral) => {
          const toSend = files.filter((p) => p.state === 'waiting');
          if (toSend.length === 0) {
            flash(f.sent, { nextPage: true });
            navigate(`/referrals/${referral.id}`);
            return;
          }
          setSent(referral);
          setProgress({ done: 0, total: toSend.length });
          const failedCount = await sendFiles(referral.id, toSend, upload.mutateAsync, updateFile, t);
          setProgress(null);
          if (failedCount === 0) {
            flash(f.sent, { nextPage: true });
            navigate(`/referrals/${referral.id}`);
          }
        },
        onError: (error) =>
          setErrors(
            pathFormErrors(t, error, { referral_open: 'receivingTeamId', consent_required: 'consentId' }),
          ),
      },
    );
  }

  if (sent && progress === null) {
    // Some files were refused: the referral and everything else are saved; say which file and why.
    return (
      <div data-qa="referral-form-page">
        <PageHeading>{f.title(clientName)}</PageHeading>
        <div role="alert" data-qa="referral-partly-sent">
          <InlineAlert status="warning" labelText={f.partlyFailedTitle} mb="m">
            <p className="alert-text">{f.partlyFailedText}</p>
            <ul className="plain-list" data-qa="failed-files">
              {files
                .filter((p) => p.state === 'failed')
                .map((p) => (
                  <li key={p.key} data-qa="failed-file">
                    {f.failedFile(p.file.name, p.problem ?? '')}
                  </li>
                ))}
            </ul>
          </InlineAlert>
        </div>
        <RouterLink asComponent={Link} to={`/referrals/${sent.id}`} data-qa="open-sent-referral">
          {f.openReferral}
        </RouterLink>
      </div>
    );
  }

  return (
    <div data-qa="referral-form-page">
      <PageHeading>{f.title(clientName)}</PageHeading>
      <Paragraph mb="l">{f.intro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form className="panel" onSubmit={submit} noValidate data-qa="referral-form">
        {screeningId && <AttachedScreening screeningId={screeningId} />}
        <div className="form-grid">
          <div className="form-grid__wide">
            <Dropdown
              id={fieldId(ID, 'receivingTeamId')}
              labelText={f.fields.receivingTeamId}
              value={values.receivingTeamId || null}
              visualPlaceholder={t.common.choose}
              onChange={(v) =>
                setValues((current) => ({ ...current, receivingTeamId: v, consentChoice: '' }))
              }
              status={errors.fields.receivingTeamId ? 'error' : 'default'}
              statusText={errors.fields.receivingTeamId}
              disabled={busy}
              fullWidth
              data-qa="referral-team"
            >
              {dropdownItems(
                teams.map((x) => (
                  <DropdownItem key={x.id} value={x.id}>
                    {f.teamOption(x.name, orgName(x.organisationId))}
                  </DropdownItem>
                )),
                t.clientPath.common.noOptions,
              )}
            </Dropdown>
          </div>
        </div>
        <Textarea
          id={fieldId(ID, 'reason')}
          labelText={f.fields.reason}
          hintText={f.reasonHint}
          value={values.reason}
          onChange={(e) => set('reason', e.target.value)}
          status={errors.fields.reason ? 'error' : 'default'}
          statusText={errors.fields.reason}
          disabled={busy}
          fullWidth
          mt="l"
          mb="l"
          data-qa="referral-reason"
        />
        <div className="form-grid">
          <DateField
            id={fieldId(ID, 'unemployedSince')}
            label={f.fields.unemployedSince}
            value={values.unemployedSince}
            onChange={(v) => set('unemployedSince', v)}
            error={errors.fields.unemployedSince}
            optional
            data-qa="referral-unemployed-since"
          />
        </div>
        <Paragraph mt="xs" className="field-hint">
          {f.unemployedSinceHint}
        </Paragraph>

        <fieldset className="form-section form-section--spaced" data-qa="referral-consent">
          <legend>
            <Heading variant="h2">{f.consentTitle}</Heading>
          </legend>
          {!team ? (
            <Paragraph>{f.chooseTeamFirst}</Paragraph>
          ) : !needsConsent ? (
            <Paragraph data-qa="consent-not-needed">{f.consentNotNeeded}</Paragraph>
          ) : (
            <>
              <Paragraph mb="m">
                {f.consentIntro(orgName(team.organisationId), codeName(categories, REFERRAL_CATEGORY))}
              </Paragraph>
              {existing.length > 0 ? (
                <RadioButtonGroup
                  id={fieldId(ID, 'consentId')}
                  name={`${ID}-consent-choice`}
                  labelText={f.fields.consentChoice}
                  value={choice}
                  onChange={(v) => set('consentChoice', v)}
                  groupStatus={errors.fields.consentId ? 'error' : 'default'}
                  groupStatusText={errors.fields.consentId}
                  mb="l"
                  data-qa="consent-choice"
                >
                  {[
                    ...existing.map((c) => (
                      <RadioButton key={c.id} value={c.id} data-qa="consent-existing">
                        {f.existingConsent(
                          c.recipientOrganisationName,
                          `${formatDate(c.validFrom)}–${formatDate(c.validUntil)}`,
                        )}
                      </RadioButton>
                    )),
                    <RadioButton key={NEW_CONSENT} value={NEW_CONSENT} data-qa="consent-new">
                      {f.recordNew}
                    </RadioButton>,
                  ]}
                </RadioButtonGroup>
              ) : (
                <Paragraph mb="m" data-qa="consent-none">
                  {f.noExisting}
                </Paragraph>
              )}
              {recordsNew && (
                <div className="subform" data-qa="new-consent">
                  <CheckboxGroup
                    id={fieldId(ID, 'consent.categories')}
                    labelText={f.fields['consent.categories']}
                    groupHintText={f.consentCategoriesHint}
                    groupStatus={errors.fields['consent.categories'] ? 'error' : 'default'}
                    groupStatusText={errors.fields['consent.categories']}
                    mb="l"
                    data-qa="referral-consent-categories"
                  >
                    {categories.map((c) => (
                      <Checkbox
                        key={c.code}
                        checked={values.categories.includes(c.code)}
                        onClick={({ checkboxState }) =>
                          setValues((v) => ({
                            ...v,
                            categories: checkboxState
                              ? [...v.categories, c.code]
                              : v.categories.filter((x) => x !== c.code),
                          }))
                        }
                        data-qa={`referral-consent-category-${c.code}`}
                      >
                        {codeName(categories, c.code)}
                      </Checkbox>
                    ))}
                  </CheckboxGroup>
                  <div className="form-grid">
                    <DateField
                      id={fieldId(ID, 'consent.validFrom')}
                      label={f.fields['consent.validFrom']}
                      value={values.validFrom}
                      onChange={(v) => set('validFrom', v)}
                      error={errors.fields['consent.validFrom']}
                      data-qa="referral-consent-valid-from"
                    />
                    <DateField
                      id={fieldId(ID, 'consent.validUntil')}
                      label={f.fields['consent.validUntil']}
                      value={values.validUntil}
                      onChange={(v) => set('validUntil', v)}
                      error={errors.fields['consent.validUntil']}
                      data-qa="referral-consent-valid-until"
                    />
                  </div>
                  <RadioButtonGroup
                    id={fieldId(ID, 'consent.method')}
                    name={`${ID}-consent-method`}
                    labelText={f.fields['consent.method']}
                    value={values.method}
                    onChange={(v) => set('method', v as Method)}
                    mt="l"
                    mb="l"
                    data-qa="referral-consent-method"
                  >
                    {CONSENT_METHODS.map((m) => (
                      <RadioButton key={m} value={m}>
                        {t.consents.methods[m]}
                      </RadioButton>
                    ))}
                  </RadioButtonGroup>
                  <Textarea
                    id={fieldId(ID, 'consent.note')}
                    labelText={f.fields['consent.note']}
                    hintText={t.consents.noteHint}
                    optionalText={t.common.optional}
                    value={values.note}
                    onChange={(e) => set('note', e.target.value)}
                    status={errors.fields['consent.note'] ? 'error' : 'default'}
                    statusText={errors.fields['consent.note']}
                    fullWidth
                    data-qa="referral-consent-note"
                  />
                </div>
              )}
            </>
          )}
        </fieldset>

        <AttachmentPicker
          id={fieldId(ID, 'attachments')}
          files={files}
          onChange={setFiles}
          error={errors.fields.attachments}
          disabled={busy}
        />
        {progress && (
          <div className="upload-progress" data-qa="upload-progress">
            <progress max={progress.total} value={progress.done} aria-labelledby="upload-progress-text" />
            <p id="upload-progress-text" role="status">
              {f.uploading(progress.done, progress.total)}
            </p>
          </div>
        )}
        <div className="button-row">
          <Button type="submit" disabled={busy} data-qa="referral-submit">
            {busy ? f.sending : f.submit}
          </Button>
          <RouterLink asComponent={Link} to={`/clients/${clientId}`}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}

/** The screening the referral carries: its date, organisation, situations and outcome. */
export function AttachedScreening({ screeningId, title }: { screeningId: string; title?: string }) {
  const t = useT();
  const screening = useScreening(screeningId);
  const codeLists = useClientPathCodeLists();
  const codeName = useCodeEntryName();
  if (screening.isPending) return <Loading />;
  if (screening.isError) return null;
  const s = screening.data;
  return (
    <section
      className="subform subform--info"
      aria-labelledby="attached-screening"
      data-qa="attached-screening"
    >
      <Heading variant="h3" id="attached-screening" mb="xs">
        {title ?? t.clientPath.screening.attachedTitle}
      </Heading>
      <p className="subform__line">
        {t.clientPath.screening.attached(formatDate(s.screenedOn), s.organisationName)}
      </p>
      <p className="subform__line">
        <strong>{t.clientPath.screening.fields.outcome}:</strong> {t.clientPath.screeningOutcomes[s.outcome]}
      </p>
      {s.situations.length > 0 && (
        <>
          <p className="subform__line">
            <strong>{t.clientPath.referral.screeningSituations}:</strong>
          </p>
          <ul className="compact-list">
            {s.situations.map((code) => (
              <li key={code}>{codeName(codeLists.data?.screeningSituations, code)}</li>
            ))}
          </ul>
        </>
      )}
      {s.notes && <p className="subform__line pre-line">{s.notes}</p>}
    </section>
  );
}
