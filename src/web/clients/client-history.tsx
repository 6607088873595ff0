import { Paragraph, Table } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import { clientFieldLabel } from './client-form.tsx';
import { useClientHistory } from './queries.ts';

/** first_name → firstName: history names the stored columns. */
function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Who changed the basic data, when and which fields; the earlier values stay in the database. */
export function ClientHistorySection({ clientId }: { clientId: string }) {
  const t = useT();
  const history = useClientHistory(clientId);
  const rows = [...(history.data ?? [])].reverse();
  return (
    <Section title={t.clients.historyTitle} data-qa="client-history" id="history">
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadError error={history.error} />
      ) : rows.length === 0 ? (
        <Paragraph data-qa="client-history-empty">{t.clients.historyEmpty}</Paragraph>
      ) : (
        <div className="table-wrapper">
          <Table
            caption={t.clients.historyCaption}
            columns={[
              { key: 'version', labelText: t.clients.historyColumns.version, textAlign: 'right' },
              { key: 'changedAt', labelText: t.clients.historyColumns.changedAt },
              { key: 'changedBy', labelText: t.clients.historyColumns.changedBy },
              { key: 'changedFields', labelText: t.clients.historyColumns.changedFields },
            ]}
            data={rows.map((r) => ({
              id: String(r.version),
              version: String(r.version),
              changedAt: <span className="nowrap">{formatDateTime(r.changedAt, t)}</span>,
              changedBy: r.changedBy ?? t.common.notRecorded,
              changedFields: r.changedFields.map((f) => clientFieldLabel(t, camel(f))).join(', '),
            }))}
          />
        </div>
      )}
    </Section>
  );
}
