import { finnishDate } from './client-access.ts';

export type ConsentStatus = 'active' | 'upcoming' | 'expired' | 'withdrawn';

/** A consent discloses data only on the Finnish calendar days it covers, and never after withdrawal. */
export function consentStatus(
  c: { valid_from: string; valid_until: string; withdrawn_at: Date | null },
  now: Date,
): ConsentStatus {
  if (c.withdrawn_at) return 'withdrawn';
  const today = finnishDate(now);
  if (today < c.valid_from) return 'upcoming';
  if (today > c.valid_until) return 'expired';
  return 'active';
}
