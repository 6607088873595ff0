import { notFound, staleVersion } from '../http/errors.ts';

/**
 * Optimistic locking: an update names the version it started from. When nothing was updated, the
 * record either does not exist (404) or someone saved it first (409 with the current version).
 */
export async function requireUpdated<R>(
  updated: R | undefined,
  currentVersion: () => Promise<{ version: number } | undefined>,
  what = 'record',
): Promise<R> {
  if (updated) return updated;
  const current = await currentVersion();
  if (!current) throw notFound(what);
  throw staleVersion(current.version);
}

/** Unique-violation from either engine, so a service can turn it into a clear 409. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return false;
  return !constraint || e.constraint === constraint || Boolean(e.message?.includes(constraint));
}
