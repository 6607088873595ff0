export type WorkTrialStatus = 'planned' | 'ongoing' | 'ended' | 'interrupted';

/** A work trial's state on a day: by its dates, unless it was interrupted. */
export function workTrialStatus(
  t: { starts_on: string; ends_on: string; interrupted_on: string | null },
  today: string,
): WorkTrialStatus {
  if (t.interrupted_on && t.interrupted_on <= today) return 'interrupted';
  if (today < t.starts_on) return 'planned';
  if (today > t.ends_on) return 'ended';
  return 'ongoing';
}

/** The mid-point of the trial period, when the mid-point feedback is due. */
export function midpointOf(startsOn: string, endsOn: string): string {
  const a = Date.parse(`${startsOn}T00:00:00Z`);
  const b = Date.parse(`${endsOn}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}
