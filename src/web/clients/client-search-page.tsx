import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Paragraph, RouterLink, Table, TextInput, VisuallyHidden } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import { useT } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { BreakGlassSection } from './break-glass-section.tsx';
import { useClientSearch } from './queries.ts';

/** Find a client by name or identity code among those the organisation has a care relationship with. */
export function ClientSearchPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [error, setError] = useState<string | null>(null);
  const search = useClientSearch(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (value.length < 2) {
      setError(t.clients.searchTooShort);
      document.getElementById('client-search-q')?.focus();
      return;
    }
    setError(null);
    setParams({ q: value });
  }

  const results = search.data ?? [];
  return (
    <div data-qa="client-search-page">
      <PageHeading data-qa="client-search-heading">{t.clients.searchTitle}</PageHeading>
      {can('client.create') && (
        <p className="page-actions">
          <RouterLink asComponent={Link} to="/clients/new" data-qa="register-client-link">
            {t.clients.registerLink}
          </RouterLink>
        </p>
      )}
      <search className="panel">
        <form className="search-form" onSubmit={submit} noValidate data-qa="client-search-form">
          <TextInput
            id="client-search-q"
            labelText={t.clients.searchLabel}
            hintText={t.clients.searchHint}
            value={text}
            onChange={(v) => setText(String(v ?? ''))}
            status={error ? 'error' : 'default'}
            statusText={error ?? undefined}
            autoComplete="off"
            fullWidth
            data-qa="client-search-input"
          />
          <Button type="submit" data-qa="client-search-submit">
            {t.clients.searchSubmit}
          </Button>
        </form>
      </search>
      {q.length >= 2 && (
        <section className="search-results" aria-label={t.clients.searchResults}>
          <VisuallyHidden role="status">
            {search.data
              ? results.length > 0
                ? t.clients.resultsCaption(q, results.length)
                : t.clients.noResults(q)
              : ''}
          </VisuallyHidden>
          {search.isPending ? (
            <Loading />
          ) : search.isError ? (
            <LoadError error={search.error} />
          ) : results.length === 0 ? (
            <Paragraph mb="l" data-qa="client-search-empty">
              {t.clients.noResults(q)}
            </Paragraph>
          ) : (
            <div className="table-wrapper" data-qa="client-search-results">
              <Table
                caption={t.clients.resultsCaption(q, results.length)}
                columns={[
                  { key: 'name', labelText: t.clients.columns.name },
                  { key: 'identityCode', labelText: t.clients.columns.identityCode },
                  { key: 'dateOfBirth', labelText: t.clients.columns.dateOfBirth },
                  { key: 'age', labelText: t.clients.columns.age, textAlign: 'right' },
                  { key: 'municipality', labelText: t.clients.columns.municipality },
                ]}
                data={results.map((c) => ({
                  id: c.id,
                  name: (
                    <RouterLink asComponent={Link} to={`/clients/${c.id}`} data-qa="client-link">
                      {c.lastName}, {c.firstName}
                    </RouterLink>
                  ),
                  identityCode: c.identityCode,
                  dateOfBirth: formatDate(c.dateOfBirth),
                  age: String(c.age),
                  municipality: c.municipality,
                }))}
                mb="l"
              />
            </div>
          )}
        </section>
      )}
      {can('client.breakGlass') && <BreakGlassSection />}
    </div>
  );
}
