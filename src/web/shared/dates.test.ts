import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { fi } from '../i18n/fi.ts';
import { addYears, finnishToIso, formatDate, formatDateTime, isoToFinnish, todayIso } from './dates.ts';

describe('dates', () => {
  it('reads a typed Finnish date only when it is a real day', () => {
    expect(finnishToIso('2.3.2026')).toBe('2026-03-02');
    expect(finnishToIso(' 29.02.2028 ')).toBe('2028-02-29');
    expect(finnishToIso('29.2.2026')).toBeNull();
    expect(finnishToIso('31.4.2026')).toBeNull();
    expect(finnishToIso('2026-03-02')).toBeNull();
    expect(finnishToIso('')).toBeNull();
  });

  it('shows calendar dates without a time-zone shift', () => {
    expect(isoToFinnish('2026-03-02')).toBe('2.3.2026');
    expect(formatDate('2026-12-31')).toBe('31.12.2026');
    expect(formatDate(null)).toBe('');
  });

  it('uses the Finnish day and time, whatever the browser zone', () => {
    // 22.30 UTC on 1 March is already 2 March in Finland (UTC+2).
    expect(todayIso(new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
    expect(formatDate('2026-03-01T22:30:00Z')).toBe('2.3.2026');
    expect(formatDateTime('2026-03-01T22:30:00Z', fi)).toBe('2.3.2026 klo 00.30');
    expect(formatDateTime('2026-07-01T09:05:00Z', en)).toBe('1.7.2026 12:05');
  });

  it('moves a date by whole years', () => {
    expect(addYears('2026-03-02', 1)).toBe('2027-03-02');
  });
});
