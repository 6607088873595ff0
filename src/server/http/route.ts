import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Disclosure } from '../audit/audit.repository.ts';
import { insertAuditEvent } from '../audit/audit.repository.ts';
import type { AuditOutcome } from '../audit/audit.table.ts';
import type { AuditEvent } from '../audit/events.ts';
import { authenticate, CSRF_COOKIE, CSRF_HEADER } from '../auth/session.service.ts';
import type { Trx } from '../db/database.ts';
import { type ACTIONS, type Action, ruleOf } from '../policy/actions.ts';
import type { Actor } from '../policy/actor.ts';
import { type ClientSubject, loadClientFacts } from '../policy/client-access.ts';
import type { Role } from '../policy/roles.ts';
import { type Decision, decide } from '../policy/rules.ts';
import type { AppContext } from './app-context.ts';
import { AppError, forbidden, notFound, unauthenticated } from './errors.ts';
import { ErrorResponse } from './schemas.ts';

type Scope<A extends Action> = (typeof ACTIONS)[A]['scope'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the handler adds to its audit row: ids and counts only, never names or free text. */
export interface AuditNotes {
  targetId?: string;
  clientIds: string[];
  metadata: Record<string, string | number | boolean | null | string[]>;
  /** Rows of another organisation shown in a list (the disclosure log needs each one). */
  disclosures: Omit<Disclosure, 'userId' | 'toOrganisationId'>[];
  /** Set by the endpoint that opens a break-glass access, so the review list finds it. */
  breakGlass?: boolean;
  /** Set by a handler that answers (a redirect back to the login page) but refused the request. */
  outcome?: 'denied' | 'failed';
}

export interface HandlerContext<A extends Action, P, Q, B> {
  trx: Trx;
  actor: Scope<A> extends 'public' ? Actor | null : Actor;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  app: AppContext;
  now: Date;
  audit: AuditNotes;
  decision: Decision & { allowed: true };
}

type SubjectLoader<A extends Action, P, Q, B> = (
  ctx: Omit<HandlerContext<A, P, Q, B>, 'decision' | 'audit'>,
) => Promise<ClientSubject | null>;

type Schema = z.ZodType;
type In<S> = S extends Schema ? z.infer<S> : undefined;

interface BaseSpec<A extends Action, P, Q, B, R extends Schema> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  /** Required: the policy decides on this action. */
  action: A;
  /** Required: every call is written to the audit log under this event, denials included. */
  audit: AuditEvent;
  params?: P;
  querystring?: Q;
  body?: B;
  response: R;
  status?: 200 | 201;
  /** Purpose of use for the access log; defaults by the action's scope. */
  purpose?: string;
  /**
   * A non-JSON response (CSV, a file): the handler returns a string or Buffer sent with this content type,
   * unless the handler sets a more exact one itself with reply.type (a stored file's own type).
   */
  contentType?: string;
  /** Bytes of request body accepted; the app's default (1 MB) otherwise. For file uploads as base64 JSON. */
  bodyLimit?: number;
  /**
   * A browser navigation (the OpenID Connect steps): the handler returns `{ location }` and the answer is
   * a 302 to it, sent after the commit (reply.redirect in a handler would answer before it).
   */
  redirect?: true;
  rateLimit?: { max: number; timeWindow: string };
  handler: (ctx: HandlerContext<A, In<P>, In<Q>, In<B>>) => Promise<z.input<R>>;
}

/** Client-scoped actions must say which client (and record) they touch; other scopes must not. */
export type RouteSpec<A extends Action, P, Q, B, R extends Schema> = BaseSpec<A, P, Q, B, R> &
  (Scope<A> extends 'client' ? { subject: SubjectLoader<A, In<P>, In<Q>, In<B>> } : { subject?: never });

export interface Route {
  action: Action;
  audit: AuditEvent;
  method: Method;
  url: string;
  register(app: FastifyInstance, ctx: AppContext): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Probes and the anonymous "am I signed in?" check concern no person.
const UNLOGGED_ANONYMOUS = new Set<Action>(['system.health', 'system.apiDocs', 'session.read']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function defaultPurpose(action: Action): string {
  const scope = ruleOf(action).scope;
  if (scope === 'client' || action.startsWith('client.') || action.startsWith('consent.'))
    return 'client_care';
  return scope === 'public' || scope === 'authenticated' ? 'service_use' : 'administration';
}

/**
 * The one way to declare an endpoint: validate → transaction → authenticate → authorize → handler →
 * presenter (the response schema) → audit. Another organisation's client data answers 404.
 */
export function defineRoute<
  A extends Action,
  R extends Schema,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<A, P, Q, B, R>): Route {
  const rule = ruleOf(spec.action);
  const resource = spec.action.split('.')[0] ?? spec.action;
  return {
    action: spec.action,
    audit: spec.audit,
    method: spec.method,
    url: spec.url,
    register(fastify, app) {
      const status = spec.status ?? 200;
      fastify.withTypeProvider<ZodTypeProvider>().route({
        method: spec.method,
        url: spec.url,
        ...(spec.rateLimit ? { config: { rateLimit: spec.rateLimit } } : {}),
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        schema: {
          summary: spec.summary,
          tags: spec.tags,
          description: `Action \`${spec.action}\`, audit event \`${spec.audit}\`.`,
          ...(spec.params ? { params: spec.params } : {}),
          ...(spec.querystring ? { querystring: spec.querystring } : {}),
          ...(spec.body ? { body: spec.body } : {}),
          response: {
            ...(spec.contentType || spec.redirect ? {} : { [status]: spec.response }),
            '4XX': ErrorResponse,
          },
        },
        handler: async (request, reply) => {
          const now = app.clock.now();
          const audit: AuditNotes = { clientIds: [], metadata: {}, disclosures: [] };
          let actor: Actor | null = null;
          let outcome: AuditOutcome | null = null;
          let breakGlass = false;
          // Anonymous calls are logged only where they are about someone (a login attempt, a link).
          const logged = () =>
            actor !== null || (rule.scope === 'public' && !UNLOGGED_ANONYMOUS.has(spec.action));
          const row = () => ({
            user_id: actor?.userId ?? null,
            organisation_id: actor?.organisationId ?? null,
            role: actor?.role ?? null,
            event: spec.audit,
            action: spec.action,
            resource,
            client_ids: [...new Set(audit.clientIds)],
            target_id: audit.targetId ?? null,
            outcome: outcome ?? 'failed',
            purpose: breakGlass ? 'break_glass' : (spec.purpose ?? defaultPurpose(spec.action)),
            break_glass: breakGlass || audit.breakGlass === true,
            request_id: request.id,
            ip: request.ip,
            metadata: audit.metadata,
            occurred_at: now,
          });
          try {
            const result = await app.db.transaction().execute(async (trx) => {
              const session = await authenticate(trx, request, app.config, now);
              actor = session?.actor ?? null;
              if (rule.scope !== 'public' && !actor) throw unauthenticated();
              if (!SAFE_METHODS.has(request.method)) {
                const header = request.headers[CSRF_HEADER];
                const expected = session ? session.csrfToken : request.cookies[CSRF_COOKIE];
                if (!sameToken(typeof header === 'string' ? header : undefined, expected)) {
                  throw new AppError(
                    403,
                    'csrf_failed',
                    'The form has expired. Reload the page and try again.',
                  );
                }
              }
              const base = {
                trx,
                actor: actor as HandlerContext<A, In<P>, In<Q>, In<B>>['actor'],
                params: request.params as In<P>,
                query: request.query as In<Q>,
                body: request.body as In<B>,
                request,
                reply,
                app,
                now,
              };
              let decision: Decision;
              let subject: ClientSubject | null = null;
              if (rule.scope === 'client' && actor) {
                subject = await (spec.subject as SubjectLoader<A, In<P>, In<Q>, In<B>>)(base);
                if (subject) audit.clientIds.push(subject.clientId);
                if (!(rule.roles as readonly Role[]).includes(actor.role)) {
                  // A role that never has this action is told so (403), whether or not the client exists.
                  decision = decide(actor, spec.action);
                } else {
                  if (!subject) throw notFound();
                  const facts = await loadClientFacts(trx, actor, subject, now);
                  if (!facts) throw notFound();
                  decision = decide(actor, spec.action, facts);
                  if (decision.allowed && facts.controllerOrganisationId !== actor.organisationId) {
                    audit.disclosures.push({
                      clientId: facts.clientId,
                      fromOrganisationId: facts.controllerOrganisationId,
                      categories: [subject.record?.category ?? 'basic'],
                      basis: decision.basis,
                      consentId: decision.consentId ?? null,
                    });
                  }
                }
              } else {
                decision = decide(actor, spec.action);
              }
              if (!decision.allowed) {
                outcome = 'denied';
                audit.metadata.denial = decision.reason;
                // Client data of another organisation must not reveal that it exists; a role denial reveals nothing.
                throw rule.scope === 'client' && decision.reason !== 'role' ? notFound() : forbidden();
              }
              breakGlass = decision.basis === 'break_glass';
              const output = await spec.handler({ ...base, audit, decision });
              outcome = audit.outcome ?? 'allowed';
              if (logged()) await insertAuditEvent(trx, row(), disclosuresOf(audit, actor));
              return output;
            });
            if (spec.redirect) return reply.redirect((result as { location: string }).location, 302);
            reply.status(status);
            if (spec.contentType && !reply.hasHeader('content-type')) reply.type(spec.contentType);
            // The response schema (the presenter's contract) validates it on the way out.
            return result as unknown as undefined;
          } catch (err) {
            // The transaction rolled back; denials and failures are logged on their own.
            if (logged() && outcome !== 'allowed') {
              if (outcome === null && err instanceof AppError && err.statusCode === 404)
                audit.metadata.notFound = true;
              await insertAuditEvent(app.db, row(), []).catch((logErr) =>
                request.log.error({ err: logErr }, 'could not write the audit row of a failed request'),
              );
            }
            throw err;
          }
        },
      });
    },
  };
}

function disclosuresOf(audit: AuditNotes, actor: Actor | null): Disclosure[] {
  if (!actor) return [];
  return audit.disclosures
    .filter((d) => d.fromOrganisationId !== actor.organisationId)
    .map((d) => ({ ...d, userId: actor.userId, toOrganisationId: actor.organisationId }));
}

export function registerRoutes(app: FastifyInstance, ctx: AppContext, routes: readonly Route[]): void {
  for (const route of routes) route.register(app, ctx);
}
