import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { ManualClock } from '../../src/server/clock.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { DatabaseHandle, Engine } from '../../src/server/db/engine.ts';
import { createTestDatabase } from './databases.ts';

export interface TestContext {
  engine: Engine;
  handle: DatabaseHandle;
  db: Db;
  app: FastifyInstance;
  clock: ManualClock;
  config: Config;
}

/** The fixed clock every test starts from (a Monday noon in Finland). */
export const TEST_START = '2026-03-02T10:00:00Z';

export async function createTestContext(
  engine: Engine,
  env: Record<string, string> = {},
): Promise<TestContext> {
  const handle = await createTestDatabase(engine);
  const clock = new ManualClock(TEST_START);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', ...env });
  const app = await buildApp({ db: handle.db, engine, config, clock, log: pino({ level: 'silent' }) });
  await app.ready();
  return { engine, handle, db: handle.db, app, clock, config };
}

/** beforeAll/afterAll for a suite: one database and app per test file (per engine). */
export function useTestContext(engine: Engine, env?: Record<string, string>): () => TestContext {
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    ctx = await createTestContext(engine, env);
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.handle.close();
  });
  return () => {
    if (!ctx) throw new Error('test context not ready');
    return ctx;
  };
}

type Json = Record<string, unknown> | unknown[];

/** A browser-like API caller: keeps cookies, sends the CSRF header on writes. */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(method: string, url: string, body?: Json, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.csrfToken) await this.request('GET', '/api/auth/session');
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      ...(body !== undefined ? { payload: body } : {}),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = parseJson(res);
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrfToken = String(json.csrfToken);
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely and assert their shape.
    return { status: res.statusCode, body: json as any, headers: res.headers, raw: res };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: Json = {}) {
    return this.request('POST', url, body);
  }
  put(url: string, body: Json) {
    return this.request('PUT', url, body);
  }
  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200)
      throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

function parseJson(res: LightMyRequestResponse): unknown {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('json')) return res.body;
  try {
    return res.json();
  } catch {
    return res.body;
  }
}
