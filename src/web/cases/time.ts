/**
 * Meeting times are typed in Finnish time (9.30 on 2.3.2026) and sent as an instant with its offset, whatever
 * the browser's zone.
 */
const ZONE = 'Europe/Helsinki';

/** 9.30, 09:30 or 9 → [9, 30]; null when it is not a time of day. */
export function parseTime(text: string): [number, number] | null {
  const m = /^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return [hours, minutes];
}

function helsinkiWallClock(instant: number): number {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** 2026-03-02 and [9, 30] in Finland → 2026-03-02T09:30:00+02:00. */
export function helsinkiDateTime(dateIso: string, [hours, minutes]: [number, number]): string {
  const [y, mo, d] = dateIso.split('-').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, hours, minutes);
  const offsetMinutes = Math.round((helsinkiWallClock(guess) - guess) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dateIso}T${pad(hours)}:${pad(minutes)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant → [2026-03-02, 9.30] in Finnish time, for editing a meeting. */
export function helsinkiParts(iso: string): { date: string; time: string } {
  const wall = new Date(helsinkiWallClock(new Date(iso).getTime()));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${wall.getUTCHours()}.${pad(wall.getUTCMinutes())}`,
  };
}
