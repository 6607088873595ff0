import '../plans/plans.css';
import { Link } from 'react-router';
import { Button, InlineAlert, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { type OutboxMessage, useOutbox } from './queries.ts';

/** The links in a message, so that the demo can open the client's questionnaire from here. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/https?:\/\/\S+/g)].map((m) => m[0].replace(/[.,)]+$/, ''));
}

/** The path of a link, opened on this server: the demo's public address may differ from where it runs. */
function localPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * Messages to clients (admin). In the demo, with no SMTP server, they are written to the outbox folder and
 * their contents shown here, standing in for the client's phone and mailbox.
 */
export function OutboxPage() {
  const { t } = useI18n();
  const o = t.plans.outbox;
  const outbox = useOutbox();
  const rows = outbox.data?.messages ?? [];

  return (
    <div data-qa="outbox-page">
      <PageHeading data-qa="outbox-heading">{o.title}</PageHeading>
      <Paragraph mb="m">{o.intro}</Paragraph>
      <p className="page-actions link-row">
        <RouterLink asComponent={Link} to="/admin/instruments">
          {t.plans.instruments.title}
        </RouterLink>
        <RouterLink asComponent={Link} to="/admin/measurement-schedule">
          {t.plans.schedule.title}
        </RouterLink>
      </p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <LoadError error={outbox.error} />
      ) : (
        <>
          {outbox.data.showsContents ? (
            <InlineAlert labelText={o.demoTitle} mb="m">
              {o.demoText}
            </InlineAlert>
          ) : (
            <InlineAlert labelText={o.hiddenTitle} mb="m">
              {o.hiddenText}
            </InlineAlert>
          )}
          <div className="page-actions">
            <Button variant="secondary" onClick={() => void outbox.refetch()} data-qa="outbox-refresh">
              {o.refresh}
            </Button>
          </div>
          {rows.length === 0 ? (
            <Paragraph data-qa="outbox-empty">{o.empty}</Paragraph>
          ) : (
            <div className="table-wrapper panel" data-qa="outbox-table">
              <Table
                caption={o.caption(rows.length)}
                columns={[
                  { key: 'created', labelText: o.created },
                  { key: 'kind', labelText: o.kind },
                  { key: 'recipient', labelText: o.recipient },
                  { key: 'message', labelText: o.message },
                  { key: 'delivery', labelText: o.delivery },
                ]}
                data={rows.map((m) => ({
                  id: m.id,
                  created: <span className="nowrap">{formatDateTime(m.createdAt, t)}</span>,
                  kind: (
                    <span data-qa="outbox-kind" data-kind={m.kind}>
                      {(o.kinds as Record<string, string>)[m.kind] ?? m.kind}
                    </span>
                  ),
                  recipient: (
                    <>
                      {o.channels[m.channel]}: <span data-qa="outbox-recipient">{m.recipient}</span>
                      <br />
                      <span className="muted">{t.plans.questionnaire.languageNames[m.language]}</span>
                    </>
                  ),
                  message: <MessageCell message={m} />,
                  delivery: <Delivery message={m} />,
                }))}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}

function MessageCell({ message: m }: { message: OutboxMessage }) {
  const { t } = useI18n();
  const o = t.plans.outbox;
  return (
    <div className="outbox-message" data-qa="outbox-message">
      <strong>{m.subject}</strong>
      {m.body !== null && (
        <>
          <p className="outbox-message__body preserve-lines">{m.body}</p>
          {linksIn(m.body).map((url) => (
            <a key={url} href={localPath(url)} target="_blank" rel="noreferrer" data-qa="outbox-link">
              {o.openLink}
            </a>
          ))}
        </>
      )}
    </div>
  );
}

function Delivery({ message: m }: { message: OutboxMessage }) {
  const { t } = useI18n();
  const o = t.plans.outbox;
  if (m.sentAt) {
    return (
      <span className="status status--active" data-qa="outbox-delivery">
        {o.sent(formatDateTime(m.sentAt, t), m.delivery === 'smtp' ? o.smtp : o.file)}
      </span>
    );
  }
  if (m.error) {
    return (
      <span className="status status--failed" data-qa="outbox-delivery">
        {o.failed(m.attempts)}: {m.error}
      </span>
    );
  }
  return (
    <span className="status status--upcoming" data-qa="outbox-delivery">
      {o.queued}
    </span>
  );
}
