import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** An error the client may see: code for the UI to translate, message for people reading the API. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode | string;
  readonly details: unknown;
  constructor(statusCode: number, code: ErrorCode | string, message: string, details?: unknown) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (issues: FieldIssue[], message = 'The request has invalid fields.') =>
  new AppError(400, 'validation_failed', message, { issues });
export const invalidField = (field: string, code: string, message: string) =>
  badRequest([{ field, code, message }], message);
export const unauthenticated = (message = 'Sign in first.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (what = 'record') => new AppError(404, 'not_found', `No such ${what}.`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const staleVersion = (currentVersion: number) =>
  new AppError(
    409,
    'stale_version',
    'Someone else saved this record after you opened it. Reload to see their changes; your input was not saved.',
    { currentVersion },
  );

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const fastifyCodes: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * One place turns every failure into `{"error":{code,message,details}}`; never a stack trace. Fastify
 * takes one not-found handler, so the single-page app's `indexHtml` (when built) is answered from here
 * to browser navigations outside /api/.
 */
export function registerErrorHandling(app: FastifyInstance, indexHtml?: string): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: FieldIssue[] = err.validation.map((v) => ({
        field: [err.validationContext ?? 'body', ...String(v.instancePath).split('/').filter(Boolean)].join(
          '.',
        ),
        code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code ?? String(v.keyword),
        message: v.message ?? 'Invalid value',
      }));
      return reply.status(400).send(body('validation_failed', 'The request has invalid fields.', { issues }));
    }
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'application error');
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply
        .status(500)
        .send(body('internal', 'Something went wrong on the server. It has been logged.'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fastifyCodes[status] ?? 'validation_failed';
      return reply.status(status).send(body(code, err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal', 'Something went wrong on the server. It has been logged.'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (indexHtml !== undefined && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
    }
    return reply
      .status(404)
      .send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
