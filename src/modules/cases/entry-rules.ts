import { AppError, conflict } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';

/** The author may fix a visit, consultation or meeting entry for 24 hours; after that only a correction. */
export const EDIT_WINDOW_MS = 24 * 3_600_000;

export interface EntryFacts {
  organisation_id: string;
  created_by: string;
  created_at: Date;
  /** The correction that replaced this entry, if any. */
  corrected_by_id: string | null;
}

export function editableUntil(entry: Pick<EntryFacts, 'created_at'>): Date {
  return new Date(entry.created_at.getTime() + EDIT_WINDOW_MS);
}

/** What the caller may do with an entry, sent with it so that the UI does not repeat the rule. */
export function entryPermissions(entry: EntryFacts, actor: Actor, now: Date) {
  const current = entry.corrected_by_id === null;
  return {
    edit: current && entry.created_by === actor.userId && now < editableUntil(entry),
    correct: current && entry.organisation_id === actor.organisationId,
  };
}

const alreadyCorrected = (entry: EntryFacts) =>
  conflict(
    'already_corrected',
    'This entry has already been corrected. Correct the latest version instead.',
    {
      correctionId: entry.corrected_by_id,
    },
  );

/** Editing in place keeps the record's history (record_version); it is the author's, within the window. */
export function requireEditable(entry: EntryFacts, actor: Actor, now: Date): void {
  if (entry.corrected_by_id) throw alreadyCorrected(entry);
  if (entry.created_by !== actor.userId) {
    throw new AppError(403, 'not_author', 'Only the author can edit an entry. Others add a correction.');
  }
  if (now >= editableUntil(entry)) {
    throw conflict(
      'edit_window_closed',
      'An entry can be edited for 24 hours after it was made. Add a correction instead; the original stays visible.',
      { editableUntil: editableUntil(entry).toISOString() },
    );
  }
}

/**
 * A correction is a new entry pointing to the original; both stay visible. The organisation that wrote the
 * entry controls it, so any of its professionals may correct it (the author may have left).
 */
export function requireCorrectable(entry: EntryFacts, actor: Actor): void {
  if (entry.corrected_by_id) throw alreadyCorrected(entry);
  if (entry.organisation_id !== actor.organisationId) {
    throw new AppError(403, 'not_controller', 'Only the organisation that made the entry can correct it.');
  }
}
