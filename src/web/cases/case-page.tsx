import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Dropdown, DropdownItem, InlineAlert, Paragraph, RouterLink, Textarea } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { StartCoachingLink } from '../coaching/client-employment-section.tsx';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { useClientPathCodeLists } from '../pathways/queries.ts';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { ConsultationsSection } from './consultations-section.tsx';
import { EntryForm } from './entry.tsx';
import { MeetingsSection } from './meetings-section.tsx';
import { dropdownItems, fieldLabel, pathFormErrors, useCodeEntryName, useLocalName } from './path-shared.tsx';
import { PhasesSection } from './phases-section.tsx';
import { type Case, useCase, useCloseCase } from './queries.ts';
import { ManagerSection, TeamSection } from './team-section.tsx';
import { VisitsSection } from './visits-section.tsx';

/**
 * One case of one client on one pathway: its phases, its one named case manager, the multi-agency team,
 * visits, consultations and network meetings, and its closing.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const kase = useCase(id);
  if (kase.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (kase.isError) {
    const notFound = kase.error instanceof ApiError && kase.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        {notFound ? (
          <Paragraph data-qa="case-not-found">{t.clientPath.case.notFound}</Paragraph>
        ) : (
          <LoadError error={kase.error} />
        )}
      </>
    );
  }
  const reload = async () => void (await kase.refetch());
  return <CaseView kase={kase.data} onReload={reload} />;
}

function CaseView({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const c = t.clientPath.case;
  const { name } = useLocalName();
  const codeLists = useClientPathCodeLists();
  const codeName = useCodeEntryName();
  const open = kase.closedOn === null;

  return (
    <div data-qa="case-page" data-open={open}>
      <PageHeading data-qa="case-heading">{c.title(kase.clientName)}</PageHeading>
      {kase.stale && open && (
        <div data-qa="case-stale">
          <InlineAlert status="warning" labelText={c.staleTitle} mb="m">
            {c.staleText(kase.daysInPhase, kase.pathway.staleAfterDays)}
          </InlineAlert>
        </div>
      )}
      {!open && (
        <div data-qa="case-closed">
          <InlineAlert labelText={c.closed(formatDate(kase.closedOn))} mb="m">
            {c.closedNotice}
          </InlineAlert>
        </div>
      )}
      <Section
        title={c.summaryTitle}
        data-qa="case-summary"
        id="case-summary"
        actions={open && <StartCoachingLink caseId={kase.id} clientId={kase.clientId} />}
      >
        <dl className="data-list data-list--columns">
          <dt>{c.fields.client}</dt>
          <dd>
            <RouterLink asComponent={Link} to={`/clients/${kase.clientId}`} data-qa="case-client-link">
              {kase.clientName}
            </RouterLink>
          </dd>
          <dt>{c.fields.status}</dt>
          <dd data-qa="case-status">
            <span className={`status status--${open ? 'active' : 'expired'}`}>
              {open ? c.open : c.closed(formatDate(kase.closedOn))}
            </span>
          </dd>
          <dt>{c.fields.team}</dt>
          <dd>{kase.team.name}</dd>
          <dt>{c.fields.organisation}</dt>
          <dd>{kase.organisation.name}</dd>
          <dt>{c.fields.pathway}</dt>
          <dd>{name(kase.pathway)}</dd>
          <dt>{c.fields.openedOn}</dt>
          <dd>{formatDate(kase.openedOn)}</dd>
          <dt>{c.fields.caseManager}</dt>
          <dd>
            {kase.caseManager
              ? `${kase.caseManager.name}, ${kase.caseManager.organisationName}`
              : c.noManager}
          </dd>
          <dt>{t.plans.plan.caseRow}</dt>
          <dd>
            <RouterLink asComponent={Link} to={`/cases/${kase.id}/plan`} data-qa="case-plan-link">
              {t.plans.plan.openPlan}
            </RouterLink>
          </dd>
          {kase.referralId && (
            <>
              <dt>{c.fields.referral}</dt>
              <dd>
                <RouterLink asComponent={Link} to={`/referrals/${kase.referralId}`}>
                  {c.openReferral}
                </RouterLink>
              </dd>
            </>
          )}
          {!open && (
            <>
              <dt>{c.fields.outcome}</dt>
              <dd data-qa="case-outcome">{codeName(codeLists.data?.caseOutcomes, kase.outcomeCode)}</dd>
              {kase.closingNote && (
                <>
                  <dt>{c.fields.closingNote}</dt>
                  <dd className="pre-line">{kase.closingNote}</dd>
                </>
              )}
            </>
          )}
        </dl>
      </Section>
      <PhasesSection kase={kase} onReload={onReload} />
      <ManagerSection kase={kase} onReload={onReload} />
      <TeamSection kase={kase} onReload={onReload} />
      <VisitsSection kase={kase} />
      <ConsultationsSection kase={kase} />
      <MeetingsSection kase={kase} />
      {open && <CloseSection kase={kase} onReload={onReload} />}
    </div>
  );
}

const CLOSE = 'close-case';

function CloseSection({ kase, onReload }: { kase: Case; onReload: () => Promise<void> }) {
  const t = useT();
  const cl = t.clientPath.close;
  const flash = useFlash();
  const codeLists = useClientPathCodeLists();
  const codeName = useCodeEntryName();
  const close = useCloseCase(kase.id);
  const [values, setValues] = useState({ closedOn: isoToFinnish(todayIso()), outcomeCode: '', note: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const outcomes = (codeLists.data?.caseOutcomes ?? []).filter((o) => o.active);

  function submit() {
    const fields: Record<string, string> = {};
    const closedOn = finnishToIso(values.closedOn);
    if (!closedOn) fields.closedOn = t.errors.issues.invalid_date;
    if (!values.outcomeCode) fields.outcomeCode = t.errors.issues.required;
    if (Object.keys(fields).length > 0 || !closedOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    close.mutate(
      { closedOn, outcomeCode: values.outcomeCode, note: values.note, version: kase.version },
      {
        onSuccess: () => {
          setErrors(NO_ERRORS);
          flash(cl.closed);
          window.scrollTo({ top: 0 });
        },
        onError: (error) =>
          setErrors(
            pathFormErrors(t, error, {
              future_date: 'closedOn',
              before_previous_change: 'closedOn',
              unknown_outcome: 'outcomeCode',
            }),
          ),
      },
    );
  }

  return (
    <Section title={cl.title} data-qa="case-close" id="case-close">
      <Paragraph mb="m">{cl.help}</Paragraph>
      <EntryForm
        idPrefix={CLOSE}
        errors={errors}
        label={(field) => fieldLabel(cl.fields, field)}
        onSubmit={submit}
        pending={close.isPending}
        submitText={cl.submit}
        onReload={async () => {
          await onReload();
          setErrors(NO_ERRORS);
          flash(t.clientPath.common.reloaded);
        }}
        data-qa="close-form"
      >
        <div className="form-grid">
          <DateField
            id={fieldId(CLOSE, 'closedOn')}
            label={cl.fields.closedOn}
            value={values.closedOn}
            onChange={(v) => setValues((x) => ({ ...x, closedOn: v }))}
            error={errors.fields.closedOn}
            data-qa="close-date"
          />
          <Dropdown
            id={fieldId(CLOSE, 'outcomeCode')}
            labelText={cl.fields.outcomeCode}
            value={values.outcomeCode || null}
            visualPlaceholder={t.common.choose}
            onChange={(v) => setValues((x) => ({ ...x, outcomeCode: v }))}
            status={errors.fields.outcomeCode ? 'error' : 'default'}
            statusText={errors.fields.outcomeCode}
            fullWidth
            data-qa="close-outcome"
          >
            {dropdownItems(
              outcomes.map((o) => (
                <DropdownItem key={o.code} value={o.code}>
                  {codeName(outcomes, o.code)}
                </DropdownItem>
              )),
              t.clientPath.common.noOptions,
            )}
          </Dropdown>
        </div>
        <Textarea
          id={fieldId(CLOSE, 'note')}
          labelText={cl.fields.note}
          optionalText={t.common.optional}
          value={values.note}
          onChange={(ev) => setValues((x) => ({ ...x, note: ev.target.value }))}
          status={errors.fields.note ? 'error' : 'default'}
          statusText={errors.fields.note}
          fullWidth
          mt="l"
          data-qa="close-note"
        />
      </EntryForm>
    </Section>
  );
}
