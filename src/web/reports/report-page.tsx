import './reports.css';
import { useEffect } from 'react';
import { Link as RouterDomLink, useSearchParams } from 'react-router';
import { Button, InlineAlert, LoadingSpinner, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useOrganisations, useTeams } from '../admin/queries.ts';
import { ApiError } from '../api.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { errorMessage, issueMessage } from '../i18n/errors.ts';
import { lookup, useI18n } from '../i18n/language.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { PageHeading, Section } from '../shared/page.tsx';
import { audienceOf, filtersOf, isPrintView, type ReportFilters, searchOf } from './filters.ts';
import { isEmptyReport } from './format.ts';
import { sectionsOf } from './presentation.ts';
import { type Report, usePathways, useTeamReport } from './queries.ts';
import { ReportExport } from './report-export.tsx';
import { ReportFigureView } from './report-figure.tsx';
import { ReportFilterForm } from './report-filters.tsx';

/**
 * Closed definitions open for printing (the browser's own print too) and close again afterwards, so that a
 * printout always carries every figure's definition.
 */
function useOpenDefinitionsForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details.report-definition:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

/** What the report covers, in words: the period and filters the API used, and whether small counts are hidden. */
function ReportSummary({ report }: { report: Report }) {
  const { t, lang } = useI18n();
  const r = t.reports;
  const organisations = useOrganisations();
  const teams = useTeams();
  const pathways = usePathways();
  const f = report.filters;
  const organisation = f.organisationId
    ? (organisations.data?.find((o) => o.id === f.organisationId)?.name ?? f.organisationId)
    : r.allOrganisations;
  const team = f.teamId ? (teams.data?.find((x) => x.id === f.teamId)?.name ?? f.teamId) : r.allTeams;
  const pathway = f.pathwayId ? pathways.data?.find((p) => p.id === f.pathwayId) : undefined;
  const pathwayName = pathway
    ? lang === 'sv'
      ? pathway.nameSv
      : lang === 'en'
        ? pathway.nameEn
        : pathway.nameFi
    : (f.pathwayId ?? r.allPathways);
  return (
    <Section title={r.summaryTitle} data-qa="report-summary" id="report-summary">
      <dl className="data-list data-list--columns">
        <dt>{r.period}</dt>
        <dd data-qa="report-period">
          {formatDate(report.period.from)}–{formatDate(report.period.to)}
        </dd>
        <dt>{r.fields.organisationId}</dt>
        <dd data-qa="report-summary-organisation">{organisation}</dd>
        <dt>{r.fields.teamId}</dt>
        <dd data-qa="report-summary-team">{team}</dd>
        <dt>{r.fields.municipality}</dt>
        <dd data-qa="report-summary-municipality">{f.municipality ?? r.allMunicipalities}</dd>
        <dt>{r.fields.pathwayId}</dt>
        <dd data-qa="report-summary-pathway">{pathwayName}</dd>
        <dt>{r.audience}</dt>
        <dd data-qa="report-summary-audience">{r.audiences[report.audience]}</dd>
        <dt>{r.generatedAt}</dt>
        <dd>{formatDateTime(report.generatedAt, t)}</dd>
      </dl>
      {report.suppression.applied && (
        <div className="report-legend" data-qa="report-legend">
          <p className="report-legend__title">{r.legendTitle}</p>
          <dl className="data-list">
            <dt>&lt;5</dt>
            <dd>{r.legendSmall}</dd>
            <dt>..</dt>
            <dd>{r.legendHidden}</dd>
            <dt>–</dt>
            <dd>{r.legendNone}</dd>
          </dl>
        </div>
      )}
    </Section>
  );
}

function ReportBody({ report, print }: { report: Report; print: boolean }) {
  const { t } = useI18n();
  const sections = sectionsOf(report.figures);
  if (sections.length === 0) return <Paragraph data-qa="report-no-figures">{t.reports.noFigures}</Paragraph>;
  return (
    <>
      {isEmptyReport(report.figures) && (
        <InlineAlert status="neutral" labelText={t.reports.emptyTitle} mb="l" data-qa="report-empty">
          {t.reports.empty}
        </InlineAlert>
      )}
      {sections.map((section) => (
        <Section
          key={section.key}
          title={t.reports.sections[section.key]}
          data-qa={`report-section-${section.key}`}
          id={`report-section-${section.key}`}
        >
          {section.figures.map((figure) => (
            <ReportFigureView key={figure.id} figure={figure} print={print} />
          ))}
        </Section>
      ))}
    </>
  );
}

/** A failed report in words: a refused filter says which (a period ending before it starts), else why. */
function ReportError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  return (
    <div role="alert" data-qa="report-error">
      <InlineAlert status="error" labelText={t.common.loadFailed} mb="m">
        {issue ? (lookup(t.reports.issues, issue.code) ?? issueMessage(t, issue)) : errorMessage(t, error)}
      </InlineAlert>
    </div>
  );
}

function ReportLoading() {
  const { t } = useI18n();
  return (
    <div className="panel" data-qa="report-loading">
      <LoadingSpinner text={t.reports.loading} textAlign="right" variant="normal" mb="s" />
      <Paragraph>{t.reports.loadingHint}</Paragraph>
    </div>
  );
}

/** The team report for managers (and coordinators): filters in the address, figures with definitions, exports. */
export function ReportPage() {
  const { t } = useI18n();
  const can = useCan();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const audience = audienceOf(params);
  const print = isPrintView(params);
  const report = useTeamReport(filters, audience);
  const organisations = useOrganisations();
  const teams = useTeams();
  const pathways = usePathways();
  useOpenDefinitionsForPrint();

  const apply = (next: ReportFilters) => setParams(searchOf(next, { audience }));
  const data = report.data;
  const updating = report.isFetching && report.isPlaceholderData;
  const state = report.isPending ? 'loading' : report.isError ? 'error' : updating ? 'updating' : 'ready';
  // The exact figures are for one's own organisation only: on any other (or all) the server hides small counts.
  const forcedExternal =
    data !== undefined && data.filters.organisationId !== session.membership.organisationId;

  const results = report.isPending ? (
    <ReportLoading />
  ) : report.isError && !data ? (
    <>
      <ReportError error={report.error} />
      {/* A refused request (a malformed address, a period that ends before it starts) fails the same again. */}
      {!(report.error instanceof ApiError && report.error.status >= 400 && report.error.status < 500) && (
        <Button variant="secondary" onClick={() => report.refetch()} data-qa="report-retry">
          {t.reports.retry}
        </Button>
      )}
    </>
  ) : data ? (
    <>
      {report.isError && <ReportError error={report.error} />}
      <ReportSummary report={data} />
      {data.audience === 'external' && (
        <InlineAlert status="neutral" mb="l" data-qa="report-external">
          {forcedExternal ? t.reports.forcedExternal : t.reports.externalShown}
        </InlineAlert>
      )}
      {!print && can('report.export') && (
        <div className="no-print">
          <ReportExport
            key={audience}
            filters={filters}
            shownAudience={data.audience}
            forcedExternal={forcedExternal}
          />
        </div>
      )}
      <ReportBody report={data} print={print} />
    </>
  ) : null;

  return (
    <div
      data-qa={print ? 'report-print-page' : 'report-page'}
      className={print ? 'report report--print' : 'report'}
    >
      <PageHeading data-qa="report-heading">{print ? t.reports.printTitle : t.reports.title}</PageHeading>
      {print ? (
        <div className="no-print report-print-actions">
          <Paragraph mb="m">{t.reports.printIntro}</Paragraph>
          <div className="button-row">
            <Button onClick={() => window.print()} data-qa="report-print">
              {t.common.print}
            </Button>
            <RouterLink
              asComponent={RouterDomLink}
              to={`/reports?${searchOf(filters, { audience: audience }).toString()}`}
              data-qa="report-back"
            >
              {t.reports.backToReport}
            </RouterLink>
          </div>
        </div>
      ) : (
        <>
          <Paragraph mb="l">{t.reports.intro}</Paragraph>
          <ReportFilterForm
            key={JSON.stringify(filters)}
            filters={filters}
            ownOrganisationId={session.membership.organisationId}
            organisations={organisations.data ?? []}
            teams={teams.data ?? []}
            pathways={pathways.data ?? []}
            onApply={apply}
          />
        </>
      )}
      <div role="status" className="report-status" data-qa="report-status">
        {updating && <LoadingSpinner text={t.reports.updating} textAlign="right" variant="small" mb="m" />}
      </div>
      <div
        className="report-results"
        data-qa="report"
        data-state={state}
        aria-busy={state === 'loading' || state === 'updating'}
      >
        {results}
      </div>
    </div>
  );
}
