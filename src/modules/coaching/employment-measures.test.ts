import { describe, expect, it } from 'vitest';
import {
  caseloadOverLimit,
  countsAsJobStart,
  daysToFirstEmployerContact,
  daysToFirstJobStart,
  jobTenureDays,
  median,
} from './employment-measures.ts';

describe('job start', () => {
  it('counts from 4 hours of paid work a week', () => {
    expect(countsAsJobStart(3.5)).toBe(false);
    expect(countsAsJobStart(4)).toBe(true);
    expect(countsAsJobStart(37.5)).toBe(true);
  });
});

describe('time to the first employer contact', () => {
  it('counts days from the coaching start to the earliest contact for the client', () => {
    expect(daysToFirstEmployerContact('2026-03-02', ['2026-04-10', '2026-03-20', '2026-03-25'])).toBe(18);
  });
  it('is 0 on the start day and null before any contact', () => {
    expect(daysToFirstEmployerContact('2026-03-02', ['2026-03-02'])).toBe(0);
    expect(daysToFirstEmployerContact('2026-03-02', [])).toBeNull();
  });
  it('ignores contacts before the coaching started', () => {
    expect(daysToFirstEmployerContact('2026-03-02', ['2026-02-20', '2026-03-12'])).toBe(10);
  });
  it('crosses months and years by the calendar', () => {
    expect(daysToFirstEmployerContact('2025-12-20', ['2026-01-19'])).toBe(30);
    expect(daysToFirstEmployerContact('2028-02-28', ['2028-03-01'])).toBe(2);
  });
});

describe('time to the first job start', () => {
  it('counts only starts of 4 hours a week or more', () => {
    const placements = [
      { startedOn: '2026-04-01', hoursPerWeek: 2 },
      { startedOn: '2026-05-01', hoursPerWeek: 4 },
    ];
    expect(daysToFirstJobStart('2026-03-02', placements)).toBe(60);
    expect(daysToFirstJobStart('2026-03-02', [{ startedOn: '2026-04-01', hoursPerWeek: 3.9 }])).toBeNull();
  });
});

describe('job tenure', () => {
  it('runs to the end date, or to today while the job lasts', () => {
    expect(jobTenureDays('2026-03-02', '2026-06-02', '2026-12-31')).toBe(92);
    expect(jobTenureDays('2026-03-02', null, '2026-03-09')).toBe(7);
  });
  it('is 0 for a job that starts later', () => {
    expect(jobTenureDays('2026-04-01', null, '2026-03-09')).toBe(0);
  });
});

describe('caseload and median', () => {
  it('warns above 20 active clients', () => {
    expect(caseloadOverLimit(20)).toBe(false);
    expect(caseloadOverLimit(21)).toBe(true);
  });
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 2, 4, 8])).toBe(6);
  });
});
