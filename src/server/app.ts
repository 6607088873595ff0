import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './http/app-context.ts';
import { AppError, registerErrorHandling } from './http/errors.ts';
import { apiDocsRoutes } from './http/openapi.routes.ts';
import { registerRoutes } from './http/route.ts';
import { allRoutes } from './routes.ts';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.log,
    // Believing X-Forwarded-For from anyone would let a client pick its own address past the login limit.
    // Fastify refuses a bare hop count (fails closed), so the hops are given as a trust function.
    trustProxy:
      ctx.config.trustProxyHops > 0
        ? (_address: string, hop: number) => hop < ctx.config.trustProxyHops
        : false,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const indexPath = path.join(WEB_ROOT, 'index.html');
  const indexHtml = fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : undefined;
  registerErrorHandling(app, indexHtml);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // styled-components (Suomi.fi components) inserts style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: ctx.config.cookieSecure,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many attempts. Try again in ${context.after}.`, {
        retryAfter: context.after,
      }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Työkykypolku API',
        version: '0.1.0',
        description:
          'Every endpoint names its policy action and audit event. Errors are `{"error":{"code","message","details"}}`. ' +
          'State-changing requests need the `x-csrf-token` header (from GET /api/auth/session).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerRoutes(app, ctx, [...allRoutes, ...apiDocsRoutes]);

  if (indexHtml !== undefined) {
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false, index: false });
    app.get('/', (_request, reply) =>
      reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml),
    );
  }
  return app;
}
