import { AppError, type FieldIssue } from './errors.ts';

/**
 * Runs a service written for its own form inside a bigger one: field names it reports (`body.phone`) are
 * moved under the part of the bigger form that holds them (`body.newClient.phone`).
 */
export async function withFieldPrefix<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      const { issues } = err.details as { issues: FieldIssue[] };
      throw new AppError(400, err.code, err.message, {
        issues: issues.map((i) => ({ ...i, field: i.field.replace(/^body\./, prefix) })),
      });
    }
    throw err;
  }
}
