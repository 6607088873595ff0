import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/policy/actor.ts';
import { entryPermissions, requireCorrectable, requireEditable } from './entry-rules.ts';

const actor: Actor = {
  userId: 'u1',
  membershipId: 'm',
  organisationId: 'o1',
  role: 'coordinator',
  sessionTokenHash: 'h',
};
const made = new Date('2026-03-02T10:00:00Z');
const entry = { organisation_id: 'o1', created_by: 'u1', created_at: made, corrected_by_id: null };
const later = (hours: number) => new Date(made.getTime() + hours * 3_600_000);

describe('entry edit window', () => {
  it('lets the author edit for 24 hours', () => {
    expect(() => requireEditable(entry, actor, later(23.9))).not.toThrow();
    expect(entryPermissions(entry, actor, later(23.9))).toEqual({ edit: true, correct: true });
  });
  it('closes after 24 hours with 409 edit_window_closed', () => {
    expect(() => requireEditable(entry, actor, later(24))).toThrow(
      expect.objectContaining({ statusCode: 409, code: 'edit_window_closed' }),
    );
    expect(entryPermissions(entry, actor, later(24)).edit).toBe(false);
  });
  it('is the author’s alone; a colleague corrects instead', () => {
    const colleague = { ...actor, userId: 'u2' };
    expect(() => requireEditable(entry, colleague, later(1))).toThrow(
      expect.objectContaining({ statusCode: 403 }),
    );
    expect(() => requireCorrectable(entry, colleague)).not.toThrow();
    expect(() => requireCorrectable(entry, { ...actor, organisationId: 'o2' })).toThrow(
      expect.objectContaining({ statusCode: 403 }),
    );
  });
  it('refuses both on an entry that has been corrected', () => {
    const corrected = { ...entry, corrected_by_id: 'c1' };
    expect(() => requireEditable(corrected, actor, later(1))).toThrow(
      expect.objectContaining({ code: 'already_corrected' }),
    );
    expect(() => requireCorrectable(corrected, actor)).toThrow(
      expect.objectContaining({ code: 'already_corrected' }),
    );
  });
});
