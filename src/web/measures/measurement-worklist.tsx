import { useState } from 'react';
import { Link } from 'react-router';
import { Checkbox, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { localText, roundLabel } from './local.ts';
import { useMeasurementWorklist } from './queries.ts';

const roundMonths = (round: string) => (round === 'baseline' ? 0 : Number.parseInt(round, 10) || 0);

/** Measures due now or within a week: a link to send or a result to record, by the client's page. */
export function MeasurementWorklist() {
  const { t, lang } = useI18n();
  const w = t.plans.worklist;
  const [mine, setMine] = useState(true);
  const worklist = useMeasurementWorklist(mine);
  const rows = worklist.data ?? [];

  return (
    <Section title={w.title} data-qa="measurement-worklist" id="measurement-worklist">
      <Paragraph mb="s">{w.intro}</Paragraph>
      <Checkbox
        checked={mine}
        onClick={({ checkboxState }) => setMine(checkboxState)}
        data-qa="measurement-worklist-mine"
      >
        {w.mine}
      </Checkbox>
      <div className="worklist-body">
        {worklist.isPending ? (
          <Loading />
        ) : worklist.isError ? (
          <LoadError error={worklist.error} />
        ) : rows.length === 0 ? (
          <Paragraph data-qa="measurement-worklist-empty">{w.empty}</Paragraph>
        ) : (
          <div className="table-wrapper" data-qa="measurement-worklist-table">
            <Table
              caption={w.caption(rows.length)}
              columns={[
                { key: 'client', labelText: w.client },
                { key: 'instrument', labelText: t.plans.measures.instrument },
                { key: 'round', labelText: t.plans.measures.round },
                { key: 'due', labelText: t.plans.measures.due },
                { key: 'todo', labelText: w.todo },
              ]}
              data={rows.map((r) => ({
                id: r.id,
                client: (
                  <RouterLink
                    asComponent={Link}
                    to={`/clients/${r.clientId}#measures`}
                    data-qa="worklist-client"
                  >
                    {r.clientName}
                  </RouterLink>
                ),
                instrument: <span data-qa="worklist-instrument">{localText(r.instrumentName, lang)}</span>,
                round: roundLabel(t, roundMonths(r.round)),
                due: (
                  <span className="nowrap">
                    {formatDate(r.dueOn)}
                    {r.overdueDays > 0 && <span className="overdue"> ({w.overdue(r.overdueDays)})</span>}
                  </span>
                ),
                todo:
                  r.status === 'expired'
                    ? w.expired
                    : r.kind === 'questionnaire'
                      ? w.sendLink
                      : w.recordResult,
              }))}
            />
          </div>
        )}
      </div>
    </Section>
  );
}
