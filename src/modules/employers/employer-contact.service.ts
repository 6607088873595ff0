import type { Trx } from '../../server/db/database.ts';
import { conflict, invalidField } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import type { RecordAccess } from '../../server/policy/client-access.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { contactsPerCoachPerWeek } from './contact-rate.ts';
import { contactRateFacts, requireContactPerson, requireOwnEmployer } from './employer.repository.ts';
import type { EmployerContactInput } from './employer.schema.ts';

/**
 * The coach's contact with an employer, recorded as the coach's own. A contact about a client names the client's
 * active coaching in the organisation (which the coach must be allowed to read), and may say the client was named
 * only when the client's disclosure choice allows it.
 */
export async function recordEmployerContact(
  trx: Trx,
  actor: Actor,
  input: EmployerContactInput,
  access: RecordAccess,
  now: Date,
): Promise<{ id: string; clientId: string | null }> {
  await requireOwnEmployer(trx, actor.organisationId, input.employerId, 'body.employerId');
  if (input.contactPersonId)
    await requireContactPerson(trx, input.employerId, input.contactPersonId, 'body.contactPersonId');
  const contactedOn = pastOrToday('body.contactedOn', input.contactedOn, now);
  let clientId: string | null = null;
  if (input.coachingId) {
    const k = await trx
      .selectFrom('coaching as k')
      .leftJoin('vocational_profile as vp', 'vp.coaching_id', 'k.id')
      .select(['k.client_id', 'k.organisation_id', 'k.started_on', 'k.ended_on', 'vp.disclose_name'])
      .where('k.id', '=', input.coachingId)
      .where('k.organisation_id', '=', actor.organisationId)
      .executeTakeFirst();
    const readable =
      k &&
      (await access.allows('coaching.read', {
        clientId: k.client_id,
        controllerOrganisationId: k.organisation_id,
        category: 'employment_support',
      }));
    if (!k || !readable || k.ended_on) {
      throw invalidField(
        'body.coachingId',
        'unknown_coaching',
        'Choose an active coaching of your organisation.',
      );
    }
    if (contactedOn < k.started_on) {
      throw invalidField('body.contactedOn', 'before_coaching', `The coaching started on ${k.started_on}.`);
    }
    if (input.clientNameDisclosed && !k.disclose_name) {
      throw conflict(
        'disclosure_not_allowed',
        'The client has not agreed to be named to employers. Record the contact without the name.',
      );
    }
    clientId = k.client_id;
  } else if (input.clientNameDisclosed) {
    throw invalidField(
      'body.clientNameDisclosed',
      'no_client',
      'Name the client’s coaching, or leave the client out.',
    );
  }
  const { id } = await trx
    .insertInto('employer_contact')
    .values({
      employer_id: input.employerId,
      organisation_id: actor.organisationId,
      coach_user_id: actor.userId,
      contact_person_id: input.contactPersonId ?? null,
      coaching_id: input.coachingId ?? null,
      client_name_disclosed: input.clientNameDisclosed,
      contacted_on: contactedOn,
      mode: input.mode,
      purpose: input.purpose,
      outcome: input.outcome,
      note: input.note,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, clientId };
}

/** IPS job development measure for the organisation's coaches over a period. */
export async function contactRate(trx: Trx, organisationId: string, from: string, to: string) {
  const { contacts, coaches } = await contactRateFacts(trx, organisationId, from, to);
  const rates = contactsPerCoachPerWeek(
    contacts.map((c) => ({ coachUserId: c.coach_user_id, contactedOn: c.contacted_on })),
    coaches.map((c) => c.id),
    from,
    to,
  );
  const names = new Map(coaches.map((c) => [c.id, `${c.first_name} ${c.last_name}`]));
  return rates.map((r) => ({
    userId: r.coachUserId,
    name: names.get(r.coachUserId) ?? '',
    contacts: r.contacts,
    perWeek: r.perWeek,
    meetsTarget: r.meetsTarget,
    weeks: r.weeks,
  }));
}
