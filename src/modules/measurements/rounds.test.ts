import { describe, expect, it } from 'vitest';
import { chooseChannel } from './measurement.service.ts';
import { addDays, addMonths, roundName } from './rounds.ts';

describe('rounds', () => {
  it('names the baseline and follow-ups by months', () => {
    expect([0, 3, 6, 12].map(roundName)).toEqual(['baseline', '3m', '6m', '12m']);
  });

  it('adds months as people count them, clamping to the last day of the month', () => {
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-02', -30)).toBe('2026-01-31');
  });
});

describe('the channel of a link', () => {
  const client = (
    email: string | null,
    phone: string | null,
    pref: 'sms' | 'email' | 'phone' | 'letter',
  ) => ({
    email,
    phone,
    contact_preference: pref,
    preferred_language: 'fi' as const,
  });

  it('follows the client’s preference when the detail exists', () => {
    expect(chooseChannel(client('a@x.fi', '040', 'sms'))).toEqual({ channel: 'sms', recipient: '040' });
    expect(chooseChannel(client('a@x.fi', '040', 'phone'))).toEqual({ channel: 'sms', recipient: '040' });
    expect(chooseChannel(client('a@x.fi', '040', 'email'))).toEqual({
      channel: 'email',
      recipient: 'a@x.fi',
    });
  });

  it('falls back to what exists, e-mail first; nothing when neither exists', () => {
    expect(chooseChannel(client('a@x.fi', null, 'sms'))).toEqual({ channel: 'email', recipient: 'a@x.fi' });
    expect(chooseChannel(client(null, '040', 'letter'))).toEqual({ channel: 'sms', recipient: '040' });
    expect(chooseChannel(client('a@x.fi', '040', 'letter'))).toEqual({
      channel: 'email',
      recipient: 'a@x.fi',
    });
    expect(chooseChannel(client(' ', null, 'email'))).toBeNull();
  });

  it('honours an explicit choice only when the detail exists', () => {
    expect(chooseChannel(client('a@x.fi', '040', 'email'), 'sms')).toEqual({
      channel: 'sms',
      recipient: '040',
    });
    expect(chooseChannel(client('a@x.fi', null, 'email'), 'sms')).toBeNull();
  });
});
