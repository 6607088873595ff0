import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import { invalidField, notFound } from '../../server/http/errors.ts';

/** Employers of one keeping organisation, with open openings and the latest contact. */
function employerQuery(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('employer as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .where('e.organisation_id', '=', organisationId)
    .selectAll('e')
    .select((eb) => [
      'o.name as organisation_name',
      eb
        .selectFrom('job_opening as jo')
        .whereRef('jo.employer_id', '=', 'e.id')
        .where('jo.status', '=', 'open')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('open_openings'),
      eb
        .selectFrom('employer_contact as ec')
        .whereRef('ec.employer_id', '=', 'e.id')
        .select(sql<string>`max(ec.contacted_on)::text`.as('d'))
        .as('last_contact_on'),
    ]);
}
export type EmployerWithCounts = Awaited<ReturnType<typeof findEmployer>> & object;

/** The register is the keeping organisation's: another organisation's employer is not found. */
export function findEmployer(trx: Trx, organisationId: string, id: string) {
  return employerQuery(trx, organisationId).where('e.id', '=', id).executeTakeFirst();
}

export function listEmployers(
  trx: Trx,
  organisationId: string,
  filter: { q?: string | undefined; includeInactive: boolean },
) {
  let q = employerQuery(trx, organisationId);
  if (!filter.includeInactive) q = q.where('e.active', '=', true);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(e.name)`, 'like', like), eb('e.business_id', 'like', like)]));
  }
  return q.orderBy(sql`lower(e.name)`).limit(500).execute();
}

export async function requireEmployer(trx: Trx, organisationId: string, id: string) {
  const row = await findEmployer(trx, organisationId, id);
  if (!row) throw notFound('employer');
  return row;
}

/** An employer named in a body: must be an active employer in the organisation's register (400 otherwise). */
export async function requireOwnEmployer(trx: Trx, organisationId: string, id: string, field: string) {
  const row = await trx
    .selectFrom('employer')
    .select(['id', 'active'])
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row?.active)
    throw invalidField(field, 'unknown_employer', 'Choose an active employer of your register.');
  return row;
}

export async function requireOwnOpening(trx: Trx, organisationId: string, id: string, field: string) {
  const row = await trx
    .selectFrom('job_opening')
    .select(['id', 'employer_id', 'status'])
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw invalidField(field, 'unknown_opening', 'No such job opening in your register.');
  return row;
}

/** A contact person of the employer, in the organisation's register. */
export async function requireContactPerson(trx: Trx, employerId: string, id: string, field: string) {
  const row = await trx
    .selectFrom('employer_contact_person')
    .selectAll()
    .where('id', '=', id)
    .where('employer_id', '=', employerId)
    .executeTakeFirst();
  if (!row?.active)
    throw invalidField(field, 'unknown_contact_person', 'Choose an active contact person of this employer.');
  return row;
}

export function listContactPersons(trx: Trx, employerId: string) {
  return trx
    .selectFrom('employer_contact_person')
    .selectAll()
    .where('employer_id', '=', employerId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
}

export function listOpenings(
  trx: Trx,
  organisationId: string,
  filter: { employerId?: string | undefined; status: 'open' | 'filled' | 'closed' | 'all' },
) {
  let q = trx
    .selectFrom('job_opening as jo')
    .innerJoin('employer as e', 'e.id', 'jo.employer_id')
    .selectAll('jo')
    .select('e.name as employer_name')
    .where('jo.organisation_id', '=', organisationId);
  if (filter.employerId) q = q.where('jo.employer_id', '=', filter.employerId);
  if (filter.status !== 'all') q = q.where('jo.status', '=', filter.status);
  return q.orderBy('jo.found_on', 'desc').limit(500).execute();
}
export type OpeningWithEmployer = Awaited<ReturnType<typeof listOpenings>>[number];

export function findOpening(trx: Trx, organisationId: string, id: string) {
  return trx
    .selectFrom('job_opening as jo')
    .innerJoin('employer as e', 'e.id', 'jo.employer_id')
    .selectAll('jo')
    .select('e.name as employer_name')
    .where('jo.organisation_id', '=', organisationId)
    .where('jo.id', '=', id)
    .executeTakeFirst();
}

export function listSupportUses(trx: Trx, employerId: string) {
  return trx
    .selectFrom('employer_support_use')
    .selectAll()
    .where('employer_id', '=', employerId)
    .orderBy('started_on', 'desc')
    .execute();
}

export function listContacts(
  trx: Trx,
  organisationId: string,
  filter: {
    from?: string | undefined;
    to?: string | undefined;
    coachUserId?: string | undefined;
    employerId?: string | undefined;
    limit: number;
  },
) {
  let q = trx
    .selectFrom('employer_contact as ec')
    .innerJoin('employer as e', 'e.id', 'ec.employer_id')
    .innerJoin('app_user as u', 'u.id', 'ec.coach_user_id')
    .leftJoin('employer_contact_person as cp', 'cp.id', 'ec.contact_person_id')
    .leftJoin('coaching as k', 'k.id', 'ec.coaching_id')
    .leftJoin('client as c', 'c.id', 'k.client_id')
    .selectAll('ec')
    .select([
      'e.name as employer_name',
      'u.first_name as coach_first_name',
      'u.last_name as coach_last_name',
      'cp.name as contact_person_name',
      'k.client_id',
      'c.first_name as client_first_name',
      'c.last_name as client_last_name',
    ])
    .where('ec.organisation_id', '=', organisationId);
  if (filter.from) q = q.where('ec.contacted_on', '>=', filter.from);
  if (filter.to) q = q.where('ec.contacted_on', '<=', filter.to);
  if (filter.coachUserId) q = q.where('ec.coach_user_id', '=', filter.coachUserId);
  if (filter.employerId) q = q.where('ec.employer_id', '=', filter.employerId);
  return q.orderBy('ec.contacted_on', 'desc').orderBy('ec.created_at', 'desc').limit(filter.limit).execute();
}
export type ContactWithNames = Awaited<ReturnType<typeof listContacts>>[number];

export function findContact(trx: Trx, organisationId: string, id: string) {
  return trx
    .selectFrom('employer_contact as ec')
    .innerJoin('employer as e', 'e.id', 'ec.employer_id')
    .innerJoin('app_user as u', 'u.id', 'ec.coach_user_id')
    .leftJoin('employer_contact_person as cp', 'cp.id', 'ec.contact_person_id')
    .leftJoin('coaching as k', 'k.id', 'ec.coaching_id')
    .leftJoin('client as c', 'c.id', 'k.client_id')
    .selectAll('ec')
    .select([
      'e.name as employer_name',
      'u.first_name as coach_first_name',
      'u.last_name as coach_last_name',
      'cp.name as contact_person_name',
      'k.client_id',
      'c.first_name as client_first_name',
      'c.last_name as client_last_name',
    ])
    .where('ec.organisation_id', '=', organisationId)
    .where('ec.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The organisation's coaches for the weekly measure: its active job coaches and whoever made contacts. */
export async function contactRateFacts(trx: Trx, organisationId: string, from: string, to: string) {
  const contacts = await trx
    .selectFrom('employer_contact')
    .select(['coach_user_id', 'contacted_on'])
    .where('organisation_id', '=', organisationId)
    .where('contacted_on', '>=', from)
    .where('contacted_on', '<=', to)
    .execute();
  const coaches = await trx
    .selectFrom('app_user as u')
    .select(['u.id', 'u.first_name', 'u.last_name'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('membership as ms')
            .whereRef('ms.user_id', '=', 'u.id')
            .where('ms.organisation_id', '=', organisationId)
            .where('ms.role', '=', 'job_coach')
            .where('ms.active', '=', true),
        ),
        eb(
          'u.id',
          'in',
          contacts.length > 0
            ? [...new Set(contacts.map((c) => c.coach_user_id))]
            : ['00000000-0000-0000-0000-000000000000'],
        ),
      ]),
    )
    .orderBy('u.last_name')
    .orderBy('u.first_name')
    .execute();
  return { contacts, coaches };
}
