import { z } from 'zod';
import type { Config, OidcConfig } from '../config.ts';
import { notFound } from '../http/errors.ts';
import { defineRoute } from '../http/route.ts';
import {
  beginLogin,
  callbackRequestUrl,
  clearTransactionCookie,
  finishLogin,
  OidcProviderError,
  readTransactionCookie,
  resolveOidcUser,
  safeReturnPath,
  sameState,
  setTransactionCookie,
} from './oidc.ts';
import { startSession } from './session.service.ts';

const tags = ['session'];

/** Both steps answer with a redirect (a browser navigation), never with JSON, once OIDC is configured. */
const Redirect = z.object({ location: z.string() });

/** Where the login page shows why signing in with the organisation account did not work. */
const loginError = (code: 'oidc_failed' | 'oidc_unavailable' | 'oidc_unknown_user' | 'oidc_no_membership') =>
  `/login?error=${code}`;

function requireOidc(config: Config): OidcConfig {
  if (!config.oidc) throw notFound('OpenID Connect login (not configured)');
  return config.oidc;
}

const StartQuery = z.object({
  returnTo: z
    .string()
    .transform((value, ctx) => {
      const path = safeReturnPath(value);
      if (path === null) {
        ctx.addIssue({ code: 'custom', message: 'returnTo must be a path on this site, such as /clients.' });
        return z.NEVER;
      }
      return path;
    })
    .optional()
    .describe('The page to return to after signing in: a path on this site (default /).'),
});

const start = defineRoute({
  method: 'GET',
  url: '/api/auth/oidc/start',
  summary: 'Sign in with the organisation account: redirects (302) to the OpenID Connect provider',
  tags,
  action: 'session.oidcStart',
  audit: 'OidcLoginStart',
  querystring: StartQuery,
  response: Redirect,
  redirect: true,
  async handler({ query, reply, request, app, now, audit }) {
    const oidc = requireOidc(app.config);
    let begun: Awaited<ReturnType<typeof beginLogin>>;
    try {
      begun = await beginLogin(app.config, oidc, query.returnTo ?? '/', now);
    } catch (err) {
      if (!(err instanceof OidcProviderError)) throw err;
      request.log.warn({ provider: err.detail }, 'OpenID Connect discovery failed');
      audit.outcome = 'failed';
      audit.metadata.result = err.result;
      return { location: loginError('oidc_unavailable') };
    }
    setTransactionCookie(reply, app.config, begun.transaction);
    audit.metadata.result = 'redirected';
    return { location: begun.location };
  },
});

const CallbackQuery = z
  .looseObject({
    code: z.string().optional(),
    state: z.string().optional(),
    iss: z.string().optional(),
    error: z.string().optional(),
  })
  .describe('The authorization response (RFC 6749 §4.1.2, RFC 9207).');

const callback = defineRoute({
  method: 'GET',
  url: '/api/auth/oidc/callback',
  summary: 'The OpenID Connect provider returns here: signs in and redirects (302) to the page asked for',
  tags,
  action: 'session.create',
  audit: 'OidcLoginFinish',
  querystring: CallbackQuery,
  response: Redirect,
  redirect: true,
  async handler({ trx, reply, request, app, now, audit }) {
    const oidc = requireOidc(app.config);
    const transaction = readTransactionCookie(request, app.config, now);
    // One attempt per transaction, whatever its result.
    clearTransactionCookie(reply, app.config);
    // Ids and result codes only: no tokens, no claims (the subject and e-mail stay out of the log).
    const refuse = (result: string, code: Parameters<typeof loginError>[0], userId?: string) => {
      audit.outcome = 'failed';
      audit.metadata.result = result;
      if (userId) audit.targetId = userId;
      return { location: loginError(code) };
    };

    if (!transaction) return refuse('missing_transaction', 'oidc_failed');
    const currentUrl = callbackRequestUrl(app.config, request.url);
    if (!sameState(currentUrl.searchParams.get('state'), transaction.state)) {
      return refuse('state_mismatch', 'oidc_failed');
    }
    let found: Awaited<ReturnType<typeof resolveOidcUser>>;
    try {
      const identity = await finishLogin(oidc, currentUrl, transaction);
      found = await resolveOidcUser(trx, identity, now);
    } catch (err) {
      // The provider's failures (and the userinfo request's) send the person back; the database's go on.
      if (!(err instanceof OidcProviderError)) throw err;
      request.log.warn({ provider: err.detail }, 'OpenID Connect login failed');
      return refuse(err.result, err.result === 'provider_unavailable' ? 'oidc_unavailable' : 'oidc_failed');
    }
    if (!found.ok) {
      return refuse(
        found.result,
        found.result === 'no_membership' ? 'oidc_no_membership' : 'oidc_unknown_user',
        found.userId,
      );
    }

    audit.targetId = found.userId;
    audit.metadata.result = found.linked ? 'account_linked' : 'signed_in';
    await startSession(trx, reply, app.config, {
      userId: found.userId,
      membershipId: found.membershipId,
      now,
    });
    return { location: transaction.returnTo };
  },
});

export const oidcRoutes = [start, callback];
