import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { requireEmployer } from './employer.repository.ts';
import type {
  ContactPersonInput,
  ContactPersonUpdateInput,
  EmployerInput,
  EmployerUpdateInput,
  JobOpeningInput,
  JobOpeningUpdateInput,
  SupportUseInput,
} from './employer.schema.ts';

const tracked = (actor: Actor, now: Date) => ({
  created_by: actor.userId,
  updated_by: actor.userId,
  created_at: now,
  updated_at: now,
});

/** The employer already in the register with this business ID (other than `exceptId`), as a 409 to throw. */
async function existingEmployer(trx: Trx, organisationId: string, businessId: string, exceptId?: string) {
  let q = trx
    .selectFrom('employer')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('business_id', '=', businessId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const other = await q.executeTakeFirst();
  return other
    ? conflict('employer_exists', 'This business ID is already in your register.', { employerId: other.id })
    : null;
}

// Two saves at the same moment: the unique index lets one through (the transaction is aborted, so no lookup).
const raceLost = () => conflict('employer_exists', 'This business ID is already in your register.');

/** An employer joins the register of the actor's organisation, once per business ID. */
export async function createEmployer(trx: Trx, actor: Actor, input: EmployerInput, now: Date) {
  const exists = await existingEmployer(trx, actor.organisationId, input.businessId);
  if (exists) throw exists;
  try {
    const { id } = await trx
      .insertInto('employer')
      .values({
        organisation_id: actor.organisationId,
        business_id: input.businessId,
        name: input.name,
        municipality: input.municipality,
        industry: input.industry,
        notes: input.notes,
        ...tracked(actor, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'employer_business_id_unique')) throw raceLost();
    throw err;
  }
}

export async function updateEmployer(
  trx: Trx,
  actor: Actor,
  id: string,
  input: EmployerUpdateInput,
  now: Date,
) {
  const current = await requireEmployer(trx, actor.organisationId, id);
  const exists = await existingEmployer(trx, actor.organisationId, input.businessId, id);
  if (exists) throw exists;
  try {
    const updated = await trx
      .updateTable('employer')
      .set({
        business_id: input.businessId,
        name: input.name,
        municipality: input.municipality,
        industry: input.industry,
        notes: input.notes,
        active: input.active,
        version: input.version + 1,
        updated_by: actor.userId,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    await requireUpdated(updated, async () => ({ version: current.version }), 'employer');
  } catch (err) {
    if (isUniqueViolation(err, 'employer_business_id_unique')) throw raceLost();
    throw err;
  }
}

export async function addContactPerson(
  trx: Trx,
  actor: Actor,
  employerId: string,
  input: ContactPersonInput,
  now: Date,
) {
  await requireEmployer(trx, actor.organisationId, employerId);
  const { id } = await trx
    .insertInto('employer_contact_person')
    .values({
      employer_id: employerId,
      organisation_id: actor.organisationId,
      name: input.name,
      title: input.title,
      email: input.email ?? null,
      phone: input.phone?.trim() || null,
      ...tracked(actor, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateContactPerson(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ContactPersonUpdateInput,
  now: Date,
) {
  const current = await trx
    .selectFrom('employer_contact_person')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (!current) throw notFound('contact person');
  const updated = await trx
    .updateTable('employer_contact_person')
    .set({
      name: input.name,
      title: input.title,
      email: input.email ?? null,
      phone: input.phone?.trim() || null,
      active: input.active,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: current.version }), 'contact person');
  return current.employer_id;
}

export async function createOpening(
  trx: Trx,
  actor: Actor,
  employerId: string,
  input: JobOpeningInput,
  now: Date,
) {
  await requireEmployer(trx, actor.organisationId, employerId);
  const foundOn = pastOrToday('body.foundOn', input.foundOn, now);
  if (input.closesOn && input.closesOn < foundOn)
    throw invalidField('body.closesOn', 'before_found', 'The closing date is before the opening was found.');
  const { id } = await trx
    .insertInto('job_opening')
    .values({
      employer_id: employerId,
      organisation_id: actor.organisationId,
      title: input.title,
      description: input.description,
      hours_per_week: input.hoursPerWeek ?? null,
      open_labour_market: input.openLabourMarket,
      found_on: foundOn,
      closes_on: input.closesOn ?? null,
      ...tracked(actor, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateOpening(
  trx: Trx,
  actor: Actor,
  id: string,
  input: JobOpeningUpdateInput,
  now: Date,
) {
  const current = await trx
    .selectFrom('job_opening')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (!current) throw notFound('job opening');
  const foundOn = input.foundOn ? pastOrToday('body.foundOn', input.foundOn, now) : current.found_on;
  if (input.closesOn && input.closesOn < foundOn)
    throw invalidField('body.closesOn', 'before_found', 'The closing date is before the opening was found.');
  const updated = await trx
    .updateTable('job_opening')
    .set({
      title: input.title,
      description: input.description,
      hours_per_week: input.hoursPerWeek ?? null,
      open_labour_market: input.openLabourMarket,
      found_on: foundOn,
      closes_on: input.closesOn ?? null,
      status: input.status,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: current.version }), 'job opening');
}

/** A support used with the employer, optionally for one of its job starts or work trials. */
export async function addSupportUse(
  trx: Trx,
  actor: Actor,
  employerId: string,
  input: SupportUseInput,
  now: Date,
) {
  await requireEmployer(trx, actor.organisationId, employerId);
  const code = await trx
    .selectFrom('employment_support_type')
    .select('code')
    .where('code', '=', input.supportCode)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!code)
    throw invalidField('body.supportCode', 'unknown_support', 'Choose one of the employment supports.');
  if (input.placementId) {
    const p = await trx
      .selectFrom('job_placement')
      .select(['employer_id', 'organisation_id'])
      .where('id', '=', input.placementId)
      .executeTakeFirst();
    if (p?.employer_id !== employerId || p.organisation_id !== actor.organisationId) {
      throw invalidField('body.placementId', 'unknown_placement', 'No such job start with this employer.');
    }
  }
  if (input.workTrialId) {
    const w = await trx
      .selectFrom('work_trial')
      .select(['employer_id', 'organisation_id'])
      .where('id', '=', input.workTrialId)
      .executeTakeFirst();
    if (w?.employer_id !== employerId || w.organisation_id !== actor.organisationId) {
      throw invalidField('body.workTrialId', 'unknown_work_trial', 'No such work trial with this employer.');
    }
  }
  const { id } = await trx
    .insertInto('employer_support_use')
    .values({
      employer_id: employerId,
      organisation_id: actor.organisationId,
      support_code: input.supportCode,
      placement_id: input.placementId ?? null,
      work_trial_id: input.workTrialId ?? null,
      started_on: input.startedOn,
      ended_on: input.endedOn ?? null,
      note: input.note,
      ...tracked(actor, now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
