import { ApiError, type FieldIssue } from '../api.ts';
import type { Messages } from './fi.ts';
import { lookup } from './language.tsx';

/** An error for people: the translated code, else the server's own message. */
export function errorMessage(t: Messages, error: unknown): string {
  if (error instanceof ApiError) return lookup(t.errors.codes, error.code) ?? error.message;
  return t.errors.unexpected;
}

/** `body.memberships.0.role` → `memberships.0.role`: the name a form knows its field by. */
export function issueField(issue: FieldIssue): string {
  return issue.field.replace(/^(body|querystring|params)\./, '');
}

/** One invalid field's message: the specific code, then the field's own rule, then the kind of problem. */
export function issueMessage(t: Messages, issue: FieldIssue): string {
  const field = issueField(issue);
  const base = field.split('.')[0] ?? field;
  return (
    lookup(t.errors.codes, issue.code) ??
    (issue.code === 'required' ? undefined : lookup(t.errors.fields, base)) ??
    lookup(t.errors.issues, issue.code) ??
    issue.message
  );
}
