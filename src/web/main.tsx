import '@fontsource/source-sans-3/300.css';
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, rememberCsrfToken } from './api.ts';
import { App } from './app.tsx';
import { sessionKey } from './auth/queries.ts';
import { markSessionEnded } from './auth/session.tsx';
import { LanguageProvider } from './i18n/language.tsx';

/**
 * A 401 anywhere means the session ended (idle 30 min, absolute 12 h, or revoked): back to the login.
 * A refused CSRF token means the session changed in another tab: the write is not retried (it could act
 * as another user); the session is reloaded so that the page shows who is signed in now.
 */
function onError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'unauthenticated') markSessionEnded();
  if (error.code === 'unauthenticated' || error.code === 'csrf_failed') {
    rememberCsrfToken(null);
    // Nothing read in the ended session is kept on the page.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Client errors (404 for what one may not see, 403, 400) are answers, not glitches: never retried.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </LanguageProvider>
  </StrictMode>,
);
