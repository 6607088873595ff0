import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { Heading, InlineAlert, LoadingSpinner, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import { errorMessage } from '../i18n/errors.ts';
import { useT } from '../i18n/language.tsx';

let focusedLocationKey = 'default';

/**
 * The page's one h1. After a navigation it takes the focus (screen readers announce the new page, the
 * keyboard continues from the top of the content) and names the browser tab.
 */
export function PageHeading({ children, 'data-qa': dataQa }: { children: string; 'data-qa'?: string }) {
  const t = useT();
  const location = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t.common.appName}`;
  }, [children, t]);
  useEffect(() => {
    if (location.key !== focusedLocationKey && ref.current) {
      focusedLocationKey = location.key;
      ref.current.focus();
    }
  }, [location.key]);
  return (
    <Heading
      variant="h1"
      ref={ref}
      tabIndex={-1}
      className="page-heading"
      data-qa={dataQa ?? 'page-heading'}
      mb="m"
    >
      {children}
    </Heading>
  );
}

export function Loading() {
  const t = useT();
  return (
    <LoadingSpinner text={t.common.loading} textAlign="right" variant="small" data-qa="loading" mb="m" />
  );
}

/** A failed load, in words, with the way forward. */
export function LoadError({ error }: { error: unknown }) {
  const t = useT();
  return (
    <div role="alert" data-qa="load-error">
      <InlineAlert status="error" labelText={t.common.loadFailed} mb="m">
        {errorMessage(t, error)}
      </InlineAlert>
    </div>
  );
}

export function NotPermitted() {
  const t = useT();
  return (
    <>
      <PageHeading>{t.common.notPermittedTitle}</PageHeading>
      <Paragraph mb="m">{t.common.notPermitted}</Paragraph>
      <RouterLink asComponent={Link} to="/">
        {t.common.toFrontPage}
      </RouterLink>
    </>
  );
}

/** Shows a page only to roles that may take its action; the server checks again on every request. */
export function RequireAction({ action, children }: { action: string; children: ReactNode }) {
  const can = useCan();
  return can(action) ? children : <NotPermitted />;
}

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t.common.notFoundTitle}</PageHeading>
      <Paragraph mb="m">{t.common.notFound}</Paragraph>
      <RouterLink asComponent={Link} to="/">
        {t.common.toFrontPage}
      </RouterLink>
    </>
  );
}

/** A white box with a heading level 2, as Suomi.fi services group their content. */
export function Section({
  title,
  children,
  actions,
  'data-qa': dataQa,
  id,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  'data-qa'?: string;
  id?: string;
}) {
  const headingId = `${id ?? dataQa ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId} data-qa={dataQa} id={id}>
      <div className="panel-header">
        <Heading variant="h2" id={headingId}>
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Shown instead of a page that failed to render: said in words, with the way back. */
export function RouteError() {
  const t = useT();
  return (
    <main id="main" className="app-main" data-qa="route-error">
      <Heading variant="h1" mb="m">
        {t.common.errorTitle}
      </Heading>
      <Paragraph mb="m">{t.common.errorText}</Paragraph>
      <a href="/">{t.common.toFrontPage}</a>
    </main>
  );
}
