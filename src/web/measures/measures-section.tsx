import '../plans/plans.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import type { Client } from '../clients/queries.ts';
import { useI18n } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { formatNumber, formatSigned, localText, roundLabel } from './local.ts';
import {
  type CaseSummary,
  type ClientMeasures,
  type InstrumentMeasures,
  type Measurement,
  type MeasureRound,
  useClientCases,
  useClientMeasurements,
  useClientMeasures,
} from './queries.ts';
import { RecordResultForm } from './record-result-form.tsx';
import { SendLinkForm } from './send-link-form.tsx';

type Open = { kind: 'send' | 'record'; measurement: Measurement } | null;

/**
 * The client's plans and outcome measures, case by case: the schedule (baseline, 3 and 6 months) with each
 * measurement's state, sending a link, recording a result, and the change from the baseline.
 */
export function PlansAndMeasuresSection({ client }: { client: Client }) {
  const { t } = useI18n();
  const m = t.plans.measures;
  const can = useCan();
  const cases = useClientCases(client.id);
  const measurements = useClientMeasurements(client.id);
  const measures = useClientMeasures(client.id);
  const [open, setOpen] = useState<Open>(null);

  const pending = cases.isPending || measurements.isPending || measures.isPending;
  const error = cases.error ?? measurements.error ?? measures.error;
  const caseIds = [
    ...new Set([...(cases.data ?? []).map((c) => c.id), ...(measurements.data ?? []).map((x) => x.caseId)]),
  ];

  return (
    <Section title={m.title} data-qa="client-measures" id="measures">
      <Paragraph mb="m">{m.intro}</Paragraph>
      {pending ? (
        <Loading />
      ) : error ? (
        <LoadError error={error} />
      ) : caseIds.length === 0 ? (
        <Paragraph data-qa="measures-empty">{m.noCases}</Paragraph>
      ) : (
        caseIds.map((caseId) => (
          <CaseMeasures
            key={caseId}
            client={client}
            caseId={caseId}
            kase={cases.data?.find((c) => c.id === caseId)}
            measurements={(measurements.data ?? []).filter((x) => x.caseId === caseId)}
            measures={measures.data?.cases.find((c) => c.caseId === caseId)}
            open={open}
            setOpen={setOpen}
            canPlan={can('plan.read')}
          />
        ))
      )}
    </Section>
  );
}

function CaseMeasures({
  client,
  caseId,
  kase,
  measurements,
  measures,
  open,
  setOpen,
  canPlan,
}: {
  client: Client;
  caseId: string;
  kase: CaseSummary | undefined;
  measurements: Measurement[];
  measures: ClientMeasures['cases'][number] | undefined;
  open: Open;
  setOpen: (open: Open) => void;
  canPlan: boolean;
}) {
  const { t, lang } = useI18n();
  const m = t.plans.measures;
  const can = useCan();
  const pathway = kase
    ? lang === 'sv'
      ? kase.pathway.nameSv
      : lang === 'en'
        ? kase.pathway.nameEn
        : kase.pathway.nameFi
    : '';
  const headingId = `case-measures-${caseId}`;
  const rounds = new Map<string, { instrument: InstrumentMeasures; round: MeasureRound }>();
  for (const instrument of measures?.instruments ?? []) {
    for (const round of instrument.rounds) rounds.set(round.measurementId, { instrument, round });
  }
  const sorted = [...measurements].sort(
    (a, b) =>
      a.offsetMonths - b.offsetMonths ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.instrumentCode.localeCompare(b.instrumentCode),
  );
  const closed = Boolean(kase?.closedOn);

  return (
    <section className="case-measures" aria-labelledby={headingId} data-qa="case-measures" data-case={caseId}>
      <Heading variant="h3" id={headingId} mb="xs">
        {kase
          ? m.caseTitle(pathway, kase.organisation.name, formatDate(kase.openedOn))
          : m.caseTitleUnknown(formatDate(measures?.openedOn))}
        {closed && ` ${m.closed(formatDate(kase?.closedOn))}`}
      </Heading>
      {canPlan && (
        <p className="case-measures__plan">
          <RouterLink asComponent={Link} to={`/cases/${caseId}/plan`} data-qa="plan-link">
            {m.planLink}
          </RouterLink>
        </p>
      )}
      {sorted.length === 0 ? (
        <Paragraph data-qa="measures-none">{m.none}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="measurement-table">
          <Table
            caption={m.scheduleCaption}
            columns={[
              { key: 'instrument', labelText: m.instrument },
              { key: 'round', labelText: m.round },
              { key: 'due', labelText: m.due },
              { key: 'status', labelText: t.common.status },
              { key: 'result', labelText: m.result },
              { key: 'actions', labelText: t.common.actions },
            ]}
            data={sorted.map((x) => {
              const measured = rounds.get(x.id);
              const name = localText(x.instrumentName, lang);
              const answered = x.status === 'answered';
              const label = `${name}, ${roundLabel(t, x.offsetMonths)}`;
              return {
                id: x.id,
                instrument: (
                  <span data-qa="measurement-instrument" data-code={x.instrumentCode}>
                    {name}
                  </span>
                ),
                round: <span data-qa="measurement-round">{roundLabel(t, x.offsetMonths)}</span>,
                due: <span className="nowrap">{formatDate(x.dueOn)}</span>,
                status: <MeasurementStatus measurement={x} round={measured?.round} />,
                result: <RoundResult measured={measured} />,
                actions:
                  answered || closed
                    ? null
                    : x.kind === 'questionnaire'
                      ? can('measurement.send') && (
                          <Button
                            variant="secondaryNoBorder"
                            onClick={() => setOpen({ kind: 'send', measurement: x })}
                            aria-label={`${x.link ? m.sendAgain : m.send}: ${label}`}
                            data-qa="measurement-send"
                          >
                            {x.link ? m.sendAgain : m.send}
                          </Button>
                        )
                      : can('measurement.record') && (
                          <Button
                            variant="secondaryNoBorder"
                            onClick={() => setOpen({ kind: 'record', measurement: x })}
                            aria-label={`${m.record}: ${label}`}
                            data-qa="measurement-record"
                          >
                            {m.record}
                          </Button>
                        ),
              };
            })}
          />
        </div>
      )}
      {open?.measurement.caseId === caseId && open.kind === 'send' && (
        <SendLinkForm
          key={open.measurement.id}
          client={client}
          measurement={open.measurement}
          onDone={() => setOpen(null)}
        />
      )}
      {open?.measurement.caseId === caseId && open.kind === 'record' && (
        <RecordResultForm
          key={open.measurement.id}
          measurement={open.measurement}
          onDone={() => setOpen(null)}
        />
      )}
      {measures && measures.instruments.length > 0 && (
        <ChangeTable caseId={caseId} instruments={measures.instruments} />
      )}
    </section>
  );
}

function MeasurementStatus({
  measurement: x,
  round,
}: {
  measurement: Measurement;
  round: MeasureRound | undefined;
}) {
  const { t } = useI18n();
  const m = t.plans.measures;
  const link = x.link;
  const details: string[] = [];
  if (x.status === 'answered' && round?.answeredOn) {
    details.push(
      m.answeredOn(
        formatDate(round.answeredOn),
        round.source === 'client_link' ? m.sources.client_link : m.sources.professional,
      ),
    );
  } else if (link) {
    if (link.state === 'open' || link.state === 'expired') {
      details.push(m.linkSent(formatDate(link.sentAt), m.channels[link.channel]));
      details.push(
        link.state === 'open'
          ? m.linkValid(formatDate(link.expiresAt))
          : m.linkExpired(formatDate(link.expiresAt)),
      );
      if (link.remindersSent > 0) details.push(m.reminders(link.remindersSent));
      if (link.draftSavedAt && link.state === 'open')
        details.push(m.draftSaved(formatDate(link.draftSavedAt)));
    }
  }
  return (
    <>
      <span className={`status status--m-${x.status}`} data-qa="measurement-status" data-status={x.status}>
        {m.statuses[x.status]}
      </span>
      {details.length > 0 && (
        <span className="measurement-details" data-qa="measurement-link-state">
          {details.join('. ')}.
        </span>
      )}
    </>
  );
}

function RoundResult({
  measured,
}: {
  measured: { instrument: InstrumentMeasures; round: MeasureRound } | undefined;
}) {
  const { t, lang } = useI18n();
  const m = t.plans.measures;
  if (measured?.round.status !== 'answered') return null;
  if (!measured.instrument.individualScores) return <span className="muted">{m.groupOnly}</span>;
  const scores = measured.round.scores ?? [];
  if (scores.length === 0) return null;
  return (
    <ul className="score-list" data-qa="measurement-scores">
      {scores.map((s) => (
        <li key={s.key}>
          {scores.length > 1 && `${localText(s.label, lang)}: `}
          <strong data-qa="score-value">{formatNumber(t, s.value)}</strong>
          {s.band && ` (${localText(s.band, lang)})`}
          {s.change !== null && (
            <span className="score-change" data-qa="score-change">
              {' '}
              {m.changeShort(formatSigned(t, s.change))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Per instrument and score: the baseline, the latest follow-up, the change and how many answers there are. */
function ChangeTable({ caseId, instruments }: { caseId: string; instruments: InstrumentMeasures[] }) {
  const { t, lang } = useI18n();
  const m = t.plans.measures;
  const rows = instruments.flatMap((instrument) => {
    const name = localText(instrument.name, lang);
    const answered = instrument.rounds.filter((r) => r.status === 'answered');
    if (answered.length === 0) return [];
    if (!instrument.individualScores) {
      return [
        {
          id: `${instrument.code}`,
          instrument: name,
          baseline: m.groupOnlyShort,
          followUp: '–',
          change: '–',
          n: String(answered.length),
        },
      ];
    }
    const keys = [...new Set(answered.flatMap((r) => (r.scores ?? []).map((s) => s.key)))];
    return keys.map((key) => {
      const valued = answered
        .map((r) => ({ round: r, score: r.scores?.find((s) => s.key === key) }))
        .filter((x) => x.score && x.score.value !== null);
      const base = valued.find((x) => x.round.offsetMonths === 0);
      const latest = [...valued].reverse().find((x) => x.round.offsetMonths > 0);
      const label = valued[0]?.score?.label;
      return {
        id: `${instrument.code}-${key}`,
        instrument: keys.length > 1 && label ? `${name}: ${localText(label, lang)}` : name,
        baseline: base ? formatNumber(t, base.score?.value) : '–',
        followUp: latest
          ? `${formatNumber(t, latest.score?.value)} (${roundLabel(t, latest.round.offsetMonths)})`
          : '–',
        change:
          latest?.score?.change !== undefined && latest.score.change !== null
            ? formatSigned(t, latest.score.change)
            : '–',
        n: String(valued.length),
      };
    });
  });
  if (rows.length === 0) return null;
  return (
    <div className="table-wrapper change-table" data-qa="change-table">
      <Table
        id={`change-${caseId}`}
        caption={m.changeCaption}
        columns={[
          { key: 'instrument', labelText: m.instrument },
          { key: 'baseline', labelText: m.baseline },
          { key: 'followUp', labelText: m.followUp },
          { key: 'change', labelText: m.change },
          { key: 'n', labelText: m.n },
        ]}
        data={rows.map((r) => ({
          ...r,
          change: <span data-qa="change-value">{r.change}</span>,
          instrument: <span data-qa="change-instrument">{r.instrument}</span>,
        }))}
      />
      <p className="table-note">{m.changeNote}</p>
    </div>
  );
}
