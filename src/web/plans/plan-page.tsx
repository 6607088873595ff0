import './plans.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Heading, Paragraph, RouterLink, Link as SuomifiLink } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { LANGUAGES, useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { type FormErrors, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { draftOf, emptyDraft, inputOf, type PlanDraft } from './draft.ts';
import { featureErrorMessage, featureFormErrors } from './errors.ts';
import { formatScore, GasReviewsSection } from './gas-reviews.tsx';
import { PlanForm } from './plan-form.tsx';
import { PlanVersionsSection } from './plan-versions.tsx';
import { PlanView } from './plan-view.tsx';
import {
  type CaseOfPlan,
  type Plan,
  planPdfUrl,
  useAcknowledgePlan,
  useCreatePlan,
  usePlan,
  usePlanCase,
  useSavePlan,
} from './queries.ts';

/** After a form gives way to the saved plan, the keyboard continues from the page's heading. */
function focusHeading() {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

/** The joint client plan of a case: made with the client, saved in versions, acknowledged, reviewed. */
export function PlanPage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const kase = usePlanCase(caseId);
  const plan = usePlan(caseId);

  if (kase.isPending || plan.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const error = kase.error ?? plan.error;
  if (error || !kase.data || plan.data === undefined) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        {notFound ? (
          <Paragraph data-qa="plan-not-found">{t.plans.plan.caseNotFound}</Paragraph>
        ) : (
          <LoadError error={error} />
        )}
      </>
    );
  }
  return (
    <div data-qa="plan-page" className="plan-page">
      <PageHeading data-qa="plan-heading">{t.plans.plan.title(kase.data.clientName)}</PageHeading>
      <p className="page-actions link-row">
        <RouterLink asComponent={Link} to={`/clients/${kase.data.clientId}`} data-qa="plan-client-link">
          {t.plans.plan.toClient(kase.data.clientName)}
        </RouterLink>
        {can('case.read') && (
          <RouterLink asComponent={Link} to={`/cases/${caseId}`} data-qa="plan-case-link">
            {t.plans.plan.toCase}
          </RouterLink>
        )}
      </p>
      <Paragraph mb="l">
        {t.plans.plan.caseLine(
          kase.data.organisation.name,
          kase.data.team.name,
          formatDate(kase.data.openedOn),
        )}
      </Paragraph>
      {plan.data === null ? (
        <CreatePlan kase={kase.data} />
      ) : (
        <PlanDetails
          key={plan.data.id}
          kase={kase.data}
          plan={plan.data}
          refetch={async () => (await plan.refetch()).data ?? null}
        />
      )}
    </div>
  );
}

function CreatePlan({ kase }: { kase: CaseOfPlan }) {
  const { t } = useI18n();
  const can = useCan();
  const flash = useFlash();
  const create = useCreatePlan(kase.id);
  const [draft, setDraft] = useState<PlanDraft>(() => emptyDraft(kase.organisation.id));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  if (kase.closedOn) return <Paragraph data-qa="plan-none-closed">{t.plans.plan.noneClosed}</Paragraph>;
  if (!can('plan.create')) return <Paragraph data-qa="plan-none">{t.plans.plan.none}</Paragraph>;

  function submit() {
    const result = inputOf(t, draft);
    if (!result.input) {
      setErrors({ fields: result.fields, general: null, error: null });
      return;
    }
    // The page turns into the saved plan at once (this form goes away): say so, and start from the top.
    create.mutateAsync(result.input).then(
      (plan) => {
        flash(t.plans.plan.created(plan.version));
        focusHeading();
      },
      (error) => setErrors(featureFormErrors(t, error)),
    );
  }

  return (
    <div data-qa="plan-create">
      <Section title={t.plans.plan.createTitle} data-qa="plan-create-intro">
        <Paragraph mb="s">{t.plans.plan.createIntro}</Paragraph>
        <Paragraph>{t.plans.plan.createIntro2}</Paragraph>
      </Section>
      <PlanForm
        caseId={kase.id}
        organisationId={kase.organisation.id}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        onSubmit={submit}
        saving={create.isPending}
        submitText={t.plans.plan.saveNew}
      />
    </div>
  );
}

function PlanDetails({
  kase,
  plan,
  refetch,
}: {
  kase: CaseOfPlan;
  plan: Plan;
  refetch: () => Promise<Plan | null>;
}) {
  const { t } = useI18n();
  const can = useCan();
  const flash = useFlash();
  const save = useSavePlan(kase.id);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plan));
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const editable = !kase.closedOn && can('plan.update');

  function startEditing() {
    setDraft(draftOf(plan));
    setBaseVersion(plan.version);
    setErrors(NO_ERRORS);
    setEditing(true);
  }

  function submit() {
    const result = inputOf(t, draft);
    if (!result.input) {
      setErrors({ fields: result.fields, general: null, error: null });
      return;
    }
    save.mutate(
      { ...result.input, version: baseVersion },
      {
        onSuccess: (saved) => {
          flash(saved.version === baseVersion ? t.plans.plan.noChanges : t.plans.plan.saved(saved.version));
          setEditing(false);
          focusHeading();
        },
        onError: (error) => setErrors(featureFormErrors(t, error)),
      },
    );
  }

  async function reload() {
    const latest = await refetch();
    if (!latest) return;
    setDraft(draftOf(latest));
    setBaseVersion(latest.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  return (
    <>
      <PlanSummary plan={plan} kase={kase} editing={editing} onEdit={editable ? startEditing : undefined} />
      {editing ? (
        <PlanForm
          caseId={kase.id}
          organisationId={kase.organisation.id}
          draft={draft}
          onChange={setDraft}
          errors={errors}
          onSubmit={submit}
          onCancel={() => setEditing(false)}
          onReload={() => void reload()}
          saving={save.isPending}
          submitText={t.plans.plan.saveVersion}
        />
      ) : (
        <>
          <PlanView plan={plan} />
          <GasReviewsSection plan={plan} />
          {can('plan.history') && <PlanVersionsSection plan={plan} />}
        </>
      )}
    </>
  );
}

function PlanSummary({
  plan,
  kase,
  editing,
  onEdit,
}: {
  plan: Plan;
  kase: CaseOfPlan;
  editing: boolean;
  onEdit: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const can = useCan();
  const [acknowledging, setAcknowledging] = useState<number | null>(null);
  const current = plan.acknowledgements.find((a) => a.version === plan.version);
  const earlier = plan.acknowledgements.filter((a) => a.version !== plan.version);
  return (
    <Section
      title={p.summaryTitle}
      data-qa="plan-summary"
      id="plan-summary"
      actions={
        onEdit &&
        !editing && (
          <Button onClick={onEdit} data-qa="plan-edit">
            {p.edit}
          </Button>
        )
      }
    >
      {kase.closedOn && (
        <Paragraph mb="m" data-qa="plan-case-closed">
          {p.caseClosed(formatDate(kase.closedOn))}
        </Paragraph>
      )}
      <dl className="data-list data-list--columns">
        <dt>{p.version}</dt>
        <dd data-qa="plan-version">{plan.version}</dd>
        <dt>{p.lastSaved}</dt>
        <dd>{`${formatDateTime(plan.updatedAt, t)}, ${plan.updatedBy}`}</dd>
        <dt>{p.made}</dt>
        <dd>{`${formatDateTime(plan.createdAt, t)}, ${plan.createdBy}`}</dd>
        <dt>{p.nextReview}</dt>
        <dd>{plan.nextReviewDate ? formatDate(plan.nextReviewDate) : p.noNextReview}</dd>
        <dt>{t.plans.gas.baselineTScore}</dt>
        <dd>{formatScore(t, plan.baselineTScore)}</dd>
        <dt>{p.acknowledgement}</dt>
        <dd data-qa="plan-ack-status" data-acknowledged={plan.currentVersionAcknowledged}>
          {current
            ? p.acknowledgedBy(
                formatDateTime(current.acknowledgedAt, t),
                t.plans.plan.ackMethods[current.method],
                current.recordedBy ?? t.common.notRecorded,
              )
            : p.notAcknowledged}
          {earlier.length > 0 && (
            <>
              <br />
              <span className="muted">{p.earlierAcknowledged(earlier.map((a) => a.version).join(', '))}</span>
            </>
          )}
        </dd>
      </dl>
      {can('plan.pdf') && (
        <div className="plan-pdf" data-qa="plan-pdf">
          <Heading variant="h3" mt="m" mb="xs">
            {p.pdfTitle}
          </Heading>
          <Paragraph mb="xs">{p.pdfIntro}</Paragraph>
          <ul className="plan-pdf__links">
            <li>
              <SuomifiLink href={planPdfUrl(plan.id)} download data-qa="plan-pdf-link">
                {p.pdfClientLanguage}
              </SuomifiLink>
            </li>
            {LANGUAGES.map((l) => (
              <li key={l}>
                <SuomifiLink href={planPdfUrl(plan.id, l)} download data-qa={`plan-pdf-${l}`} lang={l}>
                  {p.pdfIn[l]}
                </SuomifiLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!editing &&
        !plan.currentVersionAcknowledged &&
        !kase.closedOn &&
        can('plan.acknowledge') &&
        (acknowledging === plan.version ? (
          <AcknowledgeForm plan={plan} onDone={() => setAcknowledging(null)} />
        ) : (
          <Button
            variant="secondary"
            mt="m"
            onClick={() => setAcknowledging(plan.version)}
            data-qa="plan-acknowledge-open"
          >
            {p.acknowledge}
          </Button>
        ))}
    </Section>
  );
}

function AcknowledgeForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const flash = useFlash();
  const acknowledge = useAcknowledgePlan(plan.caseId, plan.id);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="subpanel" data-qa="plan-acknowledge-form">
      <Heading variant="h3" ref={headingRef} tabIndex={-1} mb="s">
        {p.acknowledgeTitle(plan.version)}
      </Heading>
      <Paragraph mb="m">{p.acknowledgeText}</Paragraph>
      {error && (
        <p role="alert" className="field-error" data-qa="plan-acknowledge-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <Button
          disabled={acknowledge.isPending}
          onClick={() =>
            // Once acknowledged this form goes away with the refreshed plan: the confirmation is said anyway.
            acknowledge.mutateAsync(plan.version).then(
              () => {
                flash(p.acknowledged(plan.version));
                onDone();
              },
              (e) => setError(featureErrorMessage(t, e)),
            )
          }
          data-qa="plan-acknowledge-confirm"
        >
          {acknowledge.isPending ? t.common.saving : p.acknowledgeConfirm}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </div>
  );
}
