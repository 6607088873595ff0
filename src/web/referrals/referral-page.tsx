import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  InlineAlert,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Textarea,
} from 'suomifi-ui-components';
import { type Team, useOrganisations, useTeams } from '../admin/queries.ts';
import { ApiError } from '../api.ts';
import { useSession } from '../auth/session.tsx';
import {
  dropdownItems,
  fieldLabel,
  formatSize,
  pathFormErrors,
  ReferralStatusBadge,
  ReloadNotice,
  useLocalName,
} from '../cases/path-shared.tsx';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { useEligibilityCriteria, usePathways } from '../pathways/queries.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { AttachmentPicker, type PickedFile, sendFiles } from './attachment-picker.tsx';
import {
  type Referral,
  useAcceptReferral,
  useReceiveReferral,
  useRedirectReferral,
  useReferral,
  useReturnReferral,
  useUploadAttachment,
} from './queries.ts';
import { AttachedScreening } from './referral-form-page.tsx';

export function ReferralPage() {
  const { id = '' } = useParams();
  const t = useT();
  const referral = useReferral(id);
  if (referral.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (referral.isError) {
    const notFound = referral.error instanceof ApiError && referral.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        {notFound ? (
          <Paragraph data-qa="referral-not-found">{t.clientPath.referral.notFound}</Paragraph>
        ) : (
          <LoadError error={referral.error} />
        )}
      </>
    );
  }
  return <ReferralView referral={referral.data} refetch={async () => void (await referral.refetch())} />;
}

function ReferralView({ referral: r, refetch }: { referral: Referral; refetch: () => Promise<void> }) {
  const t = useT();
  const p = t.clientPath.referral;
  const session = useSession();
  const { text } = useLocalName();
  const isReceiver = session.membership.organisationId === r.receivingOrganisation.id;
  const decides = r.permissions.accept || r.permissions.return || r.permissions.redirect;

  return (
    <div data-qa="referral-page" data-status={r.status}>
      <PageHeading>{p.title(r.clientName)}</PageHeading>
      <Outcome referral={r} isReceiver={isReceiver} />
      <Section title={p.detailsTitle} data-qa="referral-details" id="referral-details">
        <dl className="data-list data-list--columns">
          <dt>{p.fields.client}</dt>
          <dd>
            <RouterLink asComponent={Link} to={`/clients/${r.clientId}`} data-qa="referral-client-link">
              {r.clientName}
            </RouterLink>
          </dd>
          <dt>{p.fields.status}</dt>
          <dd>
            <ReferralStatusBadge status={r.status} />
          </dd>
          <dt>{p.fields.referringOrganisation}</dt>
          <dd>{r.referringOrganisation.name}</dd>
          <dt>{p.fields.sent}</dt>
          <dd>{t.clientPath.common.by(formatDateTime(r.sentAt, t), r.sentBy ?? t.common.notRecorded)}</dd>
          <dt>{p.fields.receivingTeam}</dt>
          <dd data-qa="referral-team-name">{`${r.receivingTeam.name} (${r.receivingOrganisation.name})`}</dd>
          <dt>{p.fields.consent}</dt>
          <dd>{r.consentId ? p.consentRecorded : p.consentNotNeeded}</dd>
          {r.unemployedSince && (
            <>
              <dt>{p.fields.unemployedSince}</dt>
              <dd>{formatDate(r.unemployedSince)}</dd>
            </>
          )}
        </dl>
        <h3 className="sub-heading">{p.fields.reason}</h3>
        <p className="pre-line" data-qa="referral-reason-text">
          {r.reason}
        </p>
        {r.screeningId && <AttachedScreening screeningId={r.screeningId} title={p.fields.screening} />}
      </Section>

      <Attachments referral={r} />

      {r.permissions.receive && <ReceiveSection referral={r} refetch={refetch} />}
      {decides && <DecisionSection referral={r} refetch={refetch} />}

      {isReceiver && r.eligibility && r.eligibility.length > 0 && (
        <Section title={p.assessmentTitle} data-qa="referral-assessment" id="referral-assessment">
          <ul className="plain-list check-results">
            {r.eligibility.map((e) => (
              <li key={e.criterionId} className={e.met ? 'check-met' : 'check-not-met'}>
                <span className="check-mark">{e.met ? p.met : p.notMet}</span> {text(e)}
              </li>
            ))}
          </ul>
          {r.eligibilityJustification && (
            <p className="pre-line">{p.justificationShown(r.eligibilityJustification)}</p>
          )}
        </Section>
      )}

      <Section title={p.historyTitle} data-qa="referral-history" id="referral-history">
        <ol className="plain-list history-list">
          {r.statusHistory.map((h) => (
            <li key={`${h.at}-${h.toStatus}`}>
              <strong>{p.historyEntry(t.clientPath.referralStatuses[h.toStatus], h.organisationName)}</strong>
              <br />
              <span className="meta">
                {t.clientPath.common.by(formatDateTime(h.at, t), h.by ?? t.common.notRecorded)}
              </span>
              {h.note && <p className="pre-line history-note">{h.note}</p>}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

/** What became of the referral, as the referring organisation needs to know it. */
function Outcome({ referral: r, isReceiver }: { referral: Referral; isReceiver: boolean }) {
  const t = useT();
  const p = t.clientPath.referral;
  if (r.status === 'accepted') {
    return (
      <div data-qa="referral-outcome" data-status="accepted">
        <InlineAlert labelText={t.clientPath.referralStatuses.accepted} mb="m">
          {p.outcomeAccepted}
          {isReceiver && r.caseId && (
            <p className="alert-actions">
              <RouterLink asComponent={Link} to={`/cases/${r.caseId}`} data-qa="referral-case-link">
                {p.openCase}
              </RouterLink>
            </p>
          )}
        </InlineAlert>
      </div>
    );
  }
  if (r.status === 'returned') {
    return (
      <div data-qa="referral-outcome" data-status="returned">
        <InlineAlert status="warning" labelText={t.clientPath.referralStatuses.returned} mb="m">
          {p.outcomeReturned(r.returnReason ?? '')}
        </InlineAlert>
      </div>
    );
  }
  if (r.status === 'redirected') {
    return (
      <div data-qa="referral-outcome" data-status="redirected">
        <InlineAlert labelText={t.clientPath.referralStatuses.redirected} mb="m">
          {p.outcomeRedirected}
          {r.redirectedToId && (
            <p className="alert-actions">
              <RouterLink asComponent={Link} to={`/referrals/${r.redirectedToId}`}>
                {p.openNewReferral}
              </RouterLink>
            </p>
          )}
        </InlineAlert>
      </div>
    );
  }
  if (r.redirectedFromId) {
    return (
      <Paragraph mb="m">
        {p.redirectedFrom}{' '}
        <RouterLink asComponent={Link} to={`/referrals/${r.redirectedFromId}`}>
          {p.openPreviousReferral}
        </RouterLink>
      </Paragraph>
    );
  }
  return null;
}

function Attachments({ referral: r }: { referral: Referral }) {
  const t = useT();
  const p = t.clientPath.referral;
  const flash = useFlash();
  const upload = useUploadAttachment();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [sending, setSending] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const failed = await sendFiles(
      r.id,
      files,
      upload.mutateAsync,
      (key, state, problem) =>
        setFiles((current) => current.map((x) => (x.key === key ? { ...x, state, problem } : x))),
      t,
    );
    setSending(false);
    if (failed === 0) {
      setFiles([]);
      flash(p.attachmentsAdded);
    } else {
      // The sent ones are listed above now; the refused ones stay with their reason.
      setFiles((current) => current.filter((x) => x.state === 'failed'));
    }
  }

  return (
    <Section title={p.attachmentsTitle} data-qa="referral-attachments" id="referral-attachments">
      {r.attachments.length === 0 ? (
        <Paragraph mb="m">{p.noAttachments}</Paragraph>
      ) : (
        <ul className="plain-list attachment-list">
          {r.attachments.map((a) => (
            <li key={a.id} data-qa="referral-attachment">
              <a href={`/api/referrals/${r.id}/attachments/${a.id}`} download={a.fileName}>
                {p.attachmentLine(a.fileName, formatSize(a.sizeBytes))}
              </a>
              <span className="meta">
                {' '}
                {t.clientPath.common.by(
                  formatDateTime(a.uploadedAt, t),
                  a.uploadedBy ?? t.common.notRecorded,
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {r.permissions.attach && (
        <form onSubmit={add} noValidate className="subform" data-qa="add-attachments-form">
          <AttachmentPicker
            id="referral-more-attachments"
            files={files}
            onChange={setFiles}
            disabled={sending}
          />
          <div className="button-row">
            <Button
              type="submit"
              disabled={sending || !files.some((x) => x.state === 'waiting')}
              data-qa="add-attachments-submit"
            >
              {sending ? t.clientPath.referralForm.sending : p.addAttachments}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

function ReceiveSection({ referral: r, refetch }: { referral: Referral; refetch: () => Promise<void> }) {
  const t = useT();
  const p = t.clientPath.referral;
  const flash = useFlash();
  const receive = useReceiveReferral(r.id);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  return (
    <Section title={p.receiveTitle} data-qa="referral-receive" id="referral-receive">
      <FormErrorSummary errors={errors} idPrefix="receive" label={() => ''}>
        <ReloadNotice
          errors={errors}
          onReload={async () => {
            await refetch();
            setErrors(NO_ERRORS);
          }}
        />
      </FormErrorSummary>
      <Paragraph mb="m">{p.receiveText}</Paragraph>
      <Button
        onClick={() =>
          receive.mutate(r.version, {
            onSuccess: () => {
              setErrors(NO_ERRORS);
              flash(p.received);
            },
            onError: (error) => setErrors(pathFormErrors(t, error)),
          })
        }
        disabled={receive.isPending}
        data-qa="referral-receive-button"
      >
        {p.receive}
      </Button>
    </Section>
  );
}

type Decision = 'accept' | 'return' | 'redirect';
type Answer = 'met' | 'not_met';
const ID = 'decision';

interface DecisionValues {
  answers: Record<string, Answer>;
  decision: Decision | '';
  pathwayId: string;
  startPhaseId: string;
  justification: string;
  reason: string;
  teamId: string;
  note: string;
}

/**
 * The receiving team's decision: its eligibility criteria one by one, then accept (pathway, case manager;
 * a justification when a criterion is not met), return with a reason, or redirect to another team.
 */
function DecisionSection({ referral: r, refetch }: { referral: Referral; refetch: () => Promise<void> }) {
  const t = useT();
  const p = t.clientPath.referral;
  const session = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const { name, text } = useLocalName();
  const criteria = useEligibilityCriteria(r.receivingTeam.id);
  const pathways = usePathways();
  const teams = useTeams();
  const organisations = useOrganisations();
  const accept = useAcceptReferral(r.id);
  const giveBack = useReturnReferral(r.id);
  const redirect = useRedirectReferral(r.id);
  const [values, setValues] = useState<DecisionValues>({
    answers: {},
    decision: '',
    pathwayId: '',
    startPhaseId: '',
    justification: '',
    reason: '',
    teamId: '',
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof DecisionValues>(key: K, value: DecisionValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const pending = accept.isPending || giveBack.isPending || redirect.isPending;

  if (criteria.isPending || pathways.isPending) return <Loading />;
  if (criteria.isError || pathways.isError) return <LoadError error={criteria.error ?? pathways.error} />;
  const list = criteria.data.criteria;
  const pathway = pathways.data.find((x) => x.id === values.pathwayId);
  const notMet = list.filter((c) => values.answers[c.id] === 'not_met').length;
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? '';
  const otherTeams: Team[] = (teams.data ?? []).filter((x) => x.active && x.id !== r.receivingTeam.id);
  const me = `${session.user.firstName} ${session.user.lastName}`;
  const decisions = (['accept', 'return', 'redirect'] as const).filter((d) => r.permissions[d]);

  const label = (field: string) =>
    field.startsWith('eligibility.')
      ? p.fields2.eligibility
      : fieldLabel({ ...p.fields2, decision: p.decision }, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const required = t.errors.issues.required;
    if (!values.decision) fields.decision = required;
    const answered = list.filter((c) => values.answers[c.id]);
    if (values.decision === 'accept') {
      // One line in the summary; each unanswered criterion is marked beside itself.
      if (answered.length < list.length) fields.eligibility = t.clientPath.errors.criterion_missing;
      if (!values.pathwayId) fields.pathwayId = required;
      if (notMet > 0 && !values.justification.trim())
        fields.justification = t.clientPath.errors.justification_required;
    }
    if (values.decision === 'return' && !values.reason.trim()) fields.reason = required;
    if (values.decision === 'redirect' && !values.teamId) fields.teamId = required;
    if (Object.keys(fields).length > 0 || !values.decision) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const eligibility = answered.map((c) => ({ criterionId: c.id, met: values.answers[c.id] === 'met' }));
    const onError = (error: unknown) =>
      setErrors(pathFormErrors(t, error, { criterion_missing: 'eligibility', same_team: 'teamId' }));
    const decision = values.decision;
    const done = (referral: Referral) => {
      setErrors(NO_ERRORS);
      flash(p.done[decision], { nextPage: decision === 'accept' && referral.caseId !== null });
      if (decision === 'accept' && referral.caseId) navigate(`/cases/${referral.caseId}`);
    };
    if (decision === 'accept') {
      accept.mutate(
        {
          eligibility,
          ...(notMet > 0 ? { justification: values.justification } : {}),
          pathwayId: values.pathwayId,
          ...(values.startPhaseId ? { startPhaseId: values.startPhaseId } : {}),
          version: r.version,
        },
        { onSuccess: done, onError },
      );
    } else if (decision === 'return') {
      giveBack.mutate(
        { reason: values.reason, ...(eligibility.length ? { eligibility } : {}), version: r.version },
        { onSuccess: done, onError },
      );
    } else {
      redirect.mutate(
        { teamId: values.teamId, note: values.note, version: r.version },
        { onSuccess: done, onError },
      );
    }
  }

  const eligibilityError = errors.fields.eligibility;
  return (
    <Section title={p.decisionTitle} data-qa="referral-decision" id="referral-decision">
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        <ReloadNotice
          errors={errors}
          onReload={async () => {
            await refetch();
            setErrors(NO_ERRORS);
            flash(t.clientPath.common.reloaded);
          }}
        />
      </FormErrorSummary>
      <form onSubmit={submit} noValidate data-qa="decision-form">
        <fieldset className="form-section" id={fieldId(ID, 'eligibility')} data-qa="eligibility">
          <legend>
            <span className="legend-heading">{p.eligibilityTitle}</span>
          </legend>
          <Paragraph mb="s">{p.eligibilityHelp}</Paragraph>
          {criteria.data.source === 'network' && <Paragraph mb="s">{p.networkCriteria}</Paragraph>}
          {eligibilityError && <p className="field-error">{eligibilityError}</p>}
          {list.length === 0 ? (
            <Paragraph>{p.noCriteria}</Paragraph>
          ) : (
            <ol className="criteria-list">
              {list.map((c, i) => (
                <li key={c.id}>
                  <RadioButtonGroup
                    id={fieldId(ID, `eligibility.${i}`)}
                    name={`${ID}-criterion-${c.id}`}
                    labelText={p.criterionLegend(i + 1, text(c))}
                    value={values.answers[c.id] ?? ''}
                    onChange={(v) => set('answers', { ...values.answers, [c.id]: v as Answer })}
                    groupStatus={eligibilityError && !values.answers[c.id] ? 'error' : 'default'}
                    className="inline-radios"
                    data-qa="criterion"
                  >
                    <RadioButton value="met" data-qa="criterion-met">
                      {p.met}
                    </RadioButton>
                    <RadioButton value="not_met" data-qa="criterion-not-met">
                      {p.notMet}
                    </RadioButton>
                  </RadioButtonGroup>
                </li>
              ))}
            </ol>
          )}
          {notMet > 0 && (
            <p className="notice-text" role="status" data-qa="not-met-count">
              {p.notMetCount(notMet)}
            </p>
          )}
        </fieldset>

        <RadioButtonGroup
          id={fieldId(ID, 'decision')}
          name={`${ID}-decision`}
          labelText={p.decision}
          value={values.decision}
          onChange={(v) => set('decision', v as Decision)}
          groupStatus={errors.fields.decision ? 'error' : 'default'}
          groupStatusText={errors.fields.decision}
          mb="l"
          data-qa="decision"
        >
          {decisions.map((d) => (
            <RadioButton key={d} value={d} data-qa={`decision-${d}`}>
              {p.decisions[d]}
            </RadioButton>
          ))}
        </RadioButtonGroup>

        {values.decision === 'accept' && (
          <div className="subform" data-qa="accept-fields">
            <div className="form-grid">
              <Dropdown
                id={fieldId(ID, 'pathwayId')}
                labelText={p.fields2.pathwayId}
                hintText={p.pathwayHint}
                value={values.pathwayId || null}
                visualPlaceholder={t.common.choose}
                onChange={(v) => setValues((current) => ({ ...current, pathwayId: v, startPhaseId: '' }))}
                status={errors.fields.pathwayId ? 'error' : 'default'}
                statusText={errors.fields.pathwayId}
                fullWidth
                data-qa="accept-pathway"
              >
                {dropdownItems(
                  pathways.data.map((x) => (
                    <DropdownItem key={x.id} value={x.id}>
                      {name(x)}
                    </DropdownItem>
                  )),
                  t.clientPath.common.noOptions,
                )}
              </Dropdown>
              {pathway && (
                <Dropdown
                  id={fieldId(ID, 'startPhaseId')}
                  labelText={p.fields2.startPhaseId}
                  hintText={p.startPhaseHint}
                  value={values.startPhaseId || pathway.phases[0]?.id || null}
                  onChange={(v) => set('startPhaseId', v)}
                  status={errors.fields.startPhaseId ? 'error' : 'default'}
                  statusText={errors.fields.startPhaseId}
                  fullWidth
                  data-qa="accept-start-phase"
                >
                  {dropdownItems(
                    pathway.phases.map((ph) => (
                      <DropdownItem key={ph.id} value={ph.id}>
                        {`${ph.ordinal}. ${name(ph)}`}
                      </DropdownItem>
                    )),
                    t.clientPath.common.noOptions,
                  )}
                </Dropdown>
              )}
            </div>
            <div className="read-only-field read-only-field--spaced" id={fieldId(ID, 'caseManagerUserId')}>
              <strong>{p.fields2.caseManagerUserId}:</strong>{' '}
              <span data-qa="accept-case-manager">{p.caseManagerMe(me)}</span>
              <p className="field-hint">{p.caseManagerHint}</p>
            </div>
            <Textarea
              id={fieldId(ID, 'justification')}
              labelText={p.fields2.justification}
              hintText={p.justificationHint}
              optionalText={notMet > 0 ? undefined : t.common.optional}
              value={values.justification}
              onChange={(e) => set('justification', e.target.value)}
              status={errors.fields.justification ? 'error' : 'default'}
              statusText={errors.fields.justification}
              fullWidth
              data-qa="accept-justification"
            />
          </div>
        )}
        {values.decision === 'return' && (
          <div className="subform" data-qa="return-fields">
            <Textarea
              id={fieldId(ID, 'reason')}
              labelText={p.fields2.reason}
              hintText={p.returnHint}
              value={values.reason}
              onChange={(e) => set('reason', e.target.value)}
              status={errors.fields.reason ? 'error' : 'default'}
              statusText={errors.fields.reason}
              fullWidth
              data-qa="return-reason"
            />
          </div>
        )}
        {values.decision === 'redirect' && (
          <div className="subform" data-qa="redirect-fields">
            <Paragraph mb="m">{p.redirectHint}</Paragraph>
            <Dropdown
              id={fieldId(ID, 'teamId')}
              labelText={p.fields2.teamId}
              value={values.teamId || null}
              visualPlaceholder={t.common.choose}
              onChange={(v) => set('teamId', v)}
              status={errors.fields.teamId ? 'error' : 'default'}
              statusText={errors.fields.teamId}
              fullWidth
              data-qa="redirect-team"
            >
              {dropdownItems(
                otherTeams.map((x) => (
                  <DropdownItem key={x.id} value={x.id}>
                    {t.clientPath.referralForm.teamOption(x.name, orgName(x.organisationId))}
                  </DropdownItem>
                )),
                t.clientPath.common.noOptions,
              )}
            </Dropdown>
            <Textarea
              id={fieldId(ID, 'note')}
              labelText={p.fields2.note}
              optionalText={t.common.optional}
              value={values.note}
              onChange={(e) => set('note', e.target.value)}
              fullWidth
              mt="l"
              data-qa="redirect-note"
            />
          </div>
        )}
        <div className="button-row">
          <Button type="submit" disabled={pending} data-qa="decision-submit">
            {pending
              ? t.common.saving
              : values.decision
                ? p.submit[values.decision]
                : t.clientPath.common.send}
          </Button>
        </div>
      </form>
    </Section>
  );
}
