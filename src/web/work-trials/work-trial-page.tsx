import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Table,
} from 'suomifi-ui-components';
import { FEEDBACK_KINDS } from '../../modules/work-trials/work-trial.table.ts';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { formatDecimal, SubForm, useApiFormErrors } from '../coaching/ui.tsx';
import { LANGUAGES, type Language, useI18n, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { FeedbackAnswers } from './feedback-answers.tsx';
import { useSendFeedbackLink, useWorkTrial, type WorkTrial } from './queries.ts';

type Kind = (typeof FEEDBACK_KINDS)[number];

export function WorkTrialPage() {
  const { id = '' } = useParams();
  const t = useT();
  const trial = useWorkTrial(id);
  if (trial.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (trial.isError) {
    const notFound = trial.error instanceof ApiError && trial.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={trial.error} />
      </>
    );
  }
  return <WorkTrialView trial={trial.data} />;
}

/** A work trial: what was agreed, the supervisor's feedback links and the answers (the functional assessment). */
function WorkTrialView({ trial: w }: { trial: WorkTrial }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const given = new Set((w.feedback ?? []).map((f) => f.kind));

  return (
    <div data-qa="work-trial-page">
      <PageHeading data-qa="work-trial-heading">{e.workTrials.pageTitle(w.employer.name)}</PageHeading>
      <p className="page-actions page-actions--row">
        <RouterLink asComponent={Link} to={`/coaching/${w.coachingId}`} data-qa="work-trial-coaching-link">
          {e.workTrials.toCoaching}
        </RouterLink>
        <RouterLink asComponent={Link} to={`/clients/${w.clientId}`}>
          {e.workTrials.toClient}
        </RouterLink>
      </p>
      <Section title={e.workTrials.detailsTitle} data-qa="work-trial-details">
        <dl className="data-list data-list--columns pre-wrap">
          <dt>{e.workTrials.fields.employerId}</dt>
          <dd>
            <RouterLink asComponent={Link} to={`/employers/${w.employer.id}`}>
              {w.employer.name}
            </RouterLink>
          </dd>
          <dt>{e.workTrials.fields.supervisorContactPersonId}</dt>
          <dd data-qa="work-trial-supervisor-value">
            {w.supervisor.email ? `${w.supervisor.name} (${w.supervisor.email})` : w.supervisor.name}
          </dd>
          <dt>{e.workTrials.period}</dt>
          <dd data-qa="work-trial-period">{`${formatDate(w.startsOn)}–${formatDate(w.endsOn)}`}</dd>
          <dt>{e.workTrials.midpoint}</dt>
          <dd>{formatDate(w.midpointOn)}</dd>
          <dt>{t.common.status}</dt>
          <dd data-qa="work-trial-status">{e.workTrialStatuses[w.status]}</dd>
          <dt>{e.workTrials.fields.hoursPerWeek}</dt>
          <dd>{w.hoursPerWeek === null ? '–' : e.placements.hours(formatDecimal(w.hoursPerWeek))}</dd>
          <dt>{e.workTrials.fields.tasks}</dt>
          <dd data-qa="work-trial-tasks-value">{w.tasks}</dd>
          <dt>{e.workTrials.fields.goals}</dt>
          <dd>{w.goals}</dd>
          {w.interruptedOn && (
            <>
              <dt>{e.workTrials.interrupted}</dt>
              <dd>
                {formatDate(w.interruptedOn)}
                {w.interruptionNote && ` – ${w.interruptionNote}`}
              </dd>
            </>
          )}
        </dl>
      </Section>

      <Section title={e.workTrials.linksTitle} data-qa="feedback-links">
        <Paragraph mb="m">{e.workTrials.linksIntro}</Paragraph>
        {w.links.length === 0 ? (
          <Paragraph mb="m" data-qa="feedback-links-empty">
            {e.workTrials.noLinks}
          </Paragraph>
        ) : (
          <div className="table-wrapper" data-qa="feedback-links-table">
            <Table
              caption={e.workTrials.linksCaption}
              columns={[
                { key: 'kind', labelText: e.workTrials.linkColumns.kind },
                { key: 'to', labelText: e.workTrials.linkColumns.to },
                { key: 'sent', labelText: e.workTrials.linkColumns.sent },
                { key: 'expires', labelText: e.workTrials.linkColumns.expires },
                { key: 'status', labelText: e.workTrials.linkColumns.status },
              ]}
              data={w.links.map((l) => ({
                id: l.id,
                kind: e.feedbackKinds[l.kind],
                to: `${l.contactPerson.name} (${t.languages[l.language]})`,
                sent: formatDateTime(l.sentAt, t),
                expires: formatDateTime(l.expiresAt, t),
                status: (
                  <span
                    className={`status status--${l.status === 'open' ? 'upcoming' : l.status === 'used' ? 'active' : 'expired'}`}
                    data-qa="feedback-link-status"
                    data-status={l.status}
                  >
                    {e.linkStatuses[l.status]}
                  </span>
                ),
              }))}
            />
          </div>
        )}
        {can('workTrial.sendFeedbackLink') &&
          w.status !== 'interrupted' &&
          given.size < FEEDBACK_KINDS.length && <SendLink trial={w} given={given} />}
      </Section>

      <Section title={e.workTrials.answersTitle} data-qa="work-trial-feedback">
        {w.feedback === null ? (
          <Paragraph data-qa="feedback-not-permitted">{e.workTrials.answersNotPermitted}</Paragraph>
        ) : w.feedback.length === 0 ? (
          <Paragraph data-qa="feedback-empty">{e.workTrials.noAnswers}</Paragraph>
        ) : (
          w.feedback.map((f) => (
            <div key={f.id} className="assessment" data-qa="feedback">
              <Heading variant="h3" mb="xs">
                {e.feedbackKinds[f.kind]}
              </Heading>
              <Paragraph mb="s">
                {e.workTrials.answeredBy(formatDate(f.answeredOn), f.respondentName)}
              </Paragraph>
              <FeedbackAnswers
                feedback={f}
                caption={e.assessments.caption(e.feedbackKinds[f.kind], formatDate(f.answeredOn))}
              />
            </div>
          ))
        )}
      </Section>
    </div>
  );
}

const LINK_ID = 'feedback-link';

function SendLink({ trial: w, given }: { trial: WorkTrial; given: Set<string> }) {
  const { t, lang } = useI18n();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const send = useSendFeedbackLink(w.id);
  const [open, setOpen] = useState(false);
  const firstOpen = FEEDBACK_KINDS.find((k) => !given.has(k)) ?? 'final';
  const [kind, setKind] = useState<Kind>(firstOpen);
  const [language, setLanguage] = useState<Language>(lang);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) =>
    field === 'kind' ? e.workTrials.kindLabel : field === 'language' ? e.workTrials.languageLabel : field;

  function submit() {
    send.mutate(
      { kind, language },
      {
        onSuccess: () => {
          flash(e.workTrials.linkSent(w.supervisor.name));
          setOpen(false);
          setErrors(NO_ERRORS);
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-qa="send-feedback-link-open">
        {e.workTrials.sendOpen}
      </Button>
    );
  }
  return (
    <SubForm
      idPrefix={LINK_ID}
      title={e.workTrials.sendTitle}
      intro={e.workTrials.sendIntro(w.supervisor.name, w.supervisor.email ?? '–')}
      errors={errors}
      label={label}
      pending={send.isPending}
      submitText={e.workTrials.sendSubmit}
      onSubmit={submit}
      onCancel={() => setOpen(false)}
      data-qa="send-feedback-link-form"
    >
      <RadioButtonGroup
        id={fieldId(LINK_ID, 'kind')}
        name={`${LINK_ID}-kind`}
        labelText={e.workTrials.kindLabel}
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        mb="m"
        data-qa="feedback-link-kind"
      >
        {FEEDBACK_KINDS.map((k) => (
          <RadioButton
            key={k}
            value={k}
            disabled={given.has(k)}
            hintText={
              given.has(k)
                ? e.workTrials.alreadyGiven
                : k === 'midpoint'
                  ? e.workTrials.midpointHint(formatDate(w.midpointOn))
                  : e.workTrials.finalHint(formatDate(w.endsOn))
            }
            data-qa={`feedback-link-kind-${k}`}
          >
            {e.feedbackKinds[k]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RadioButtonGroup
        id={fieldId(LINK_ID, 'language')}
        name={`${LINK_ID}-language`}
        labelText={e.workTrials.languageLabel}
        value={language}
        onChange={(v) => setLanguage(v as Language)}
        data-qa="feedback-link-language"
      >
        {LANGUAGES.map((l) => (
          <RadioButton key={l} value={l}>
            {t.languages[l]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
    </SubForm>
  );
}
