import type { TestContext } from './app.ts';
import { makeOrganisation } from './builders.ts';
import { clientPathWorld, login, makeTeam, referAndAccept } from './client-path.ts';

/**
 * The supported-employment network: the client path's world (A registers the client, B runs the case on the
 * supported-employment pathway), a coaching organisation J on the case team with two job coaches and a coaching
 * team, and K, another coaching organisation with no care relationship to the client.
 */
export async function coachingWorld(ctx: TestContext) {
  const w = await clientPathWorld(ctx);
  const orgJ = await makeOrganisation(ctx.db, { type: 'foundation' });
  const orgK = await makeOrganisation(ctx.db, { type: 'ngo' });
  const coach = await login(ctx, orgJ.id, 'job_coach');
  const coach2 = await login(ctx, orgJ.id, 'job_coach');
  const managerJ = await login(ctx, orgJ.id, 'manager');
  const otherCoach = await login(ctx, orgK.id, 'job_coach');
  const coachingTeam = await makeTeam(ctx.db, orgJ.id, [coach.user.id, coach2.user.id], 'IPS-tiimi');
  const { caseId } = await referAndAccept(ctx, w, w.client.id, { pathwayCode: 'supported_employment' });
  const added = await w.b.api.post(`/api/cases/${caseId}/team-members`, {
    organisationId: orgJ.id,
    userId: coach.user.id,
    role: 'job_coach',
  });
  if (added.status !== 201)
    throw new Error(`adding the coaching organisation failed: ${JSON.stringify(added.body)}`);
  return { ...w, orgJ, orgK, coach, coach2, managerJ, otherCoach, coachingTeam, caseId };
}
export type CoachingWorld = Awaited<ReturnType<typeof coachingWorld>>;

/** An employer in J's register with a supervisor who has an e-mail address. */
export async function employerOf(w: CoachingWorld, businessId = '0112038-9') {
  const employer = await w.coach.api.post('/api/employers', {
    businessId,
    name: 'Testikonepaja Oy',
    municipality: 'Kuopio',
  });
  if (employer.status !== 201) throw new Error(`employer failed: ${JSON.stringify(employer.body)}`);
  const supervisor = await w.coach.api.post(`/api/employers/${employer.body.id}/contact-persons`, {
    name: 'Seppo Esimies',
    title: 'Työnjohtaja',
    email: 'seppo.esimies@example.com',
  });
  if (supervisor.status !== 201) throw new Error(`contact person failed: ${JSON.stringify(supervisor.body)}`);
  return { employerId: employer.body.id as string, supervisorId: supervisor.body.id as string };
}

/** J's coach takes the client of the world's case into IPS coaching. */
export async function startTestCoaching(w: CoachingWorld, body: Record<string, unknown> = {}) {
  const res = await w.coach.api.post(`/api/cases/${w.caseId}/coachings`, {
    intensity: 'intensive',
    model: 'ips',
    teamId: w.coachingTeam.id,
    ...body,
  });
  if (res.status !== 201) throw new Error(`coaching failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; profile: { version: number } };
}

/** Coaching runs for weeks: the suites move the clock on by days, so sessions are set to outlast them. */
export const COACHING_TEST_ENV = { SESSION_IDLE_MINUTES: '525600', SESSION_ABSOLUTE_HOURS: '8760' };

/** Moves the test clock on by whole days (sessions stay valid under COACHING_TEST_ENV). */
export function laterDays(ctx: TestContext, days: number) {
  ctx.clock.advance(days * 86_400_000);
}
