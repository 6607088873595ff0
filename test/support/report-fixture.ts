import { syntheticIdentityCode } from '../../src/modules/clients/identity-code.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { Role } from '../../src/server/policy/roles.ts';
import { makeOrganisation, makeUser } from './builders.ts';

/**
 * A small region written row by row for the report tests, so that every expected figure can be counted by
 * hand from the comments here. The period under test is 2025. "Finnish date" matters at midnight: Finland is
 * UTC+2 in winter, so 2024-12-31T22:00Z is already 1 January 2025 in Finland.
 *
 * Organisations: sote (runs teams T1 on the work ability pathway and T2), employment, social, kela, other
 * (another sote centre, team T3).
 */
export async function buildReportRegion(db: Db) {
  const sote = await makeOrganisation(db, { type: 'sote_centre', name: 'Raportti sote-keskus' });
  const employment = await makeOrganisation(db, {
    type: 'municipal_employment_services',
    name: 'Raportti työllisyys',
  });
  const social = await makeOrganisation(db, {
    type: 'working_age_social_services',
    name: 'Raportti sosiaalipalvelut',
  });
  const kela = await makeOrganisation(db, { type: 'kela', name: 'Raportti Kela' });
  const other = await makeOrganisation(db, { type: 'sote_centre', name: 'Raportti toinen sote' });

  const coordinator = await makeUser(db, sote.id, 'coordinator');
  const physician = await makeUser(db, sote.id, 'physician');
  const nurse = await makeUser(db, sote.id, 'nurse');
  const manager = await makeUser(db, sote.id, 'manager');
  const otherManager = await makeUser(db, other.id, 'manager');
  const otherCoordinator = await makeUser(db, other.id, 'coordinator');
  const advisor = await makeUser(db, employment.id, 'employment_advisor');

  const team = async (organisationId: string, name: string) =>
    (
      await db
        .insertInto('team')
        .values({ organisation_id: organisationId, name, created_by: null, updated_by: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const t1 = await team(sote.id, 'Työkyvyn tuen tiimi R1');
  const t2 = await team(sote.id, 'Tuetun työllistymisen tiimi R2');
  const t3 = await team(other.id, 'Toisen tiimi R3');

  const pathway = async (code: string) => {
    const p = await db.selectFrom('pathway').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const phases = await db
      .selectFrom('pathway_phase')
      .select(['id', 'ordinal'])
      .where('pathway_id', '=', p.id)
      .orderBy('ordinal')
      .execute();
    return { id: p.id, phase: (ordinal: number) => phases.find((ph) => ph.ordinal === ordinal)!.id };
  };
  const wat = await pathway('work_ability_team');
  const se = await pathway('supported_employment');

  const by = coordinator.id;
  const tracked = { created_by: by, updated_by: by };
  let individual = 900;
  const client = async (dateOfBirth: string, sex: 'male' | 'female', municipality: string) => {
    // Odd individual numbers are men's, even women's.
    if ((individual % 2 === 1) !== (sex === 'male')) individual++;
    const code = syntheticIdentityCode(dateOfBirth, individual++);
    return (
      await db
        .insertInto('client')
        .values({
          identity_code: code,
          date_of_birth: dateOfBirth,
          sex,
          first_name: 'Raportti',
          last_name: `Asiakas${individual}`,
          phone: null,
          email: null,
          street_address: null,
          postal_code: null,
          post_office: null,
          municipality,
          preferred_language: 'fi',
          contact_preference: 'letter',
          registering_organisation_id: sote.id,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };

  const referral = async (
    clientId: string,
    from: { id: string },
    teamId: string,
    receiving: { id: string },
    sentAt: string,
    status: 'sent' | 'received' | 'accepted' | 'redirected',
    unemployedSince: string | null,
    redirectedToId: string | null = null,
  ) => {
    let consentId: string | null = null;
    if (from.id !== receiving.id) {
      consentId = (
        await db
          .insertInto('consent')
          .values({
            client_id: clientId,
            controller_organisation_id: from.id,
            recipient_organisation_id: receiving.id,
            categories: ['assessment'],
            valid_from: '2024-01-01',
            valid_until: '2027-12-31',
            method: 'written',
            ...tracked,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    return (
      await db
        .insertInto('referral')
        .values({
          client_id: clientId,
          referring_organisation_id: from.id,
          receiving_team_id: teamId,
          receiving_organisation_id: receiving.id,
          screening_id: null,
          consent_id: consentId,
          reason: 'Työkyvyn arvio',
          status,
          sent_at: new Date(sentAt),
          return_reason: null,
          eligibility_justification: null,
          redirected_from_id: null,
          redirected_to_id: redirectedToId,
          unemployed_since: unemployedSince,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };

  const openCase = async (
    clientId: string,
    referralId: string | null,
    teamId: string,
    organisation: { id: string },
    path: { id: string; phase: (o: number) => string },
    phases: [ordinal: number, on: string][],
    closed: [on: string, outcome: string] | null,
  ) => {
    const [last] = phases.slice(-1) as [[number, string]];
    const caseId = (
      await db
        .insertInto('client_case')
        .values({
          client_id: clientId,
          referral_id: referralId,
          team_id: teamId,
          organisation_id: organisation.id,
          pathway_id: path.id,
          current_phase_id: path.phase(last[0]),
          phase_changed_on: last[1],
          opened_on: phases[0]![1],
          closed_on: closed?.[0] ?? null,
          outcome_code: closed?.[1] ?? null,
          closing_note: closed ? 'Päätetty' : null,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    let previous: string | null = null;
    let n = 0;
    for (const [ordinal, on] of phases) {
      await db
        .insertInto('case_phase_change')
        .values({
          case_id: caseId,
          organisation_id: organisation.id,
          from_phase_id: previous,
          to_phase_id: path.phase(ordinal),
          changed_on: on,
          created_at: new Date(Date.parse(`${on}T09:00:00Z`) + n++),
          created_by: by,
        })
        .execute();
      previous = path.phase(ordinal);
    }
    await member(caseId, organisation.id, `${phases[0]![1]}T09:00:00Z`);
    return caseId;
  };

  const member = async (caseId: string, organisationId: string, addedAt: string) =>
    db
      .insertInto('case_team_member')
      .values({
        case_id: caseId,
        organisation_id: organisationId,
        user_id: null,
        role: 'coordinator',
        added_at: new Date(addedAt),
        added_by: by,
        removed_at: null,
        removed_by: null,
        ...tracked,
      })
      .execute();

  const visit = async (
    clientId: string,
    caseId: string,
    professional: { id: string; organisationId: string },
    on: string,
    correctsId: string | null = null,
  ) =>
    (
      await db
        .insertInto('visit')
        .values({
          client_id: clientId,
          case_id: caseId,
          organisation_id: professional.organisationId,
          professional_user_id: professional.id,
          visit_on: on,
          mode: 'in_person',
          duration_minutes: 45,
          corrects_id: correctsId,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const consultation = async (
    clientId: string,
    caseId: string,
    asking: { id: string },
    createdAt: string,
    correctsId: string | null = null,
  ) =>
    (
      await db
        .insertInto('consultation')
        .values({
          client_id: clientId,
          case_id: caseId,
          organisation_id: asking.id,
          asker_role: 'employment_advisor',
          to_organisation_id: sote.id,
          to_user_id: null,
          topic: 'Työkyky',
          question: 'Kysymys',
          answer: null,
          answered_at: null,
          answered_by: null,
          corrects_id: correctsId,
          created_at: new Date(createdAt),
          updated_at: new Date(createdAt),
          created_by: by,
          updated_by: by,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const meeting = async (
    clientId: string,
    caseId: string,
    startsAt: string,
    organisationIds: string[],
    correctsId: string | null = null,
  ) => {
    const id = (
      await db
        .insertInto('network_meeting')
        .values({
          client_id: clientId,
          case_id: caseId,
          organisation_id: sote.id,
          starts_at: new Date(startsAt),
          duration_minutes: 60,
          client_participated: true,
          summary: null,
          signed_by: null,
          signed_at: null,
          corrects_id: correctsId,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('network_meeting_organisation')
      .values(organisationIds.map((organisation_id) => ({ meeting_id: id, organisation_id })))
      .execute();
    return id;
  };

  const instrumentId = async (code: string) =>
    (
      await db
        .selectFrom('instrument')
        .select('id')
        .where('code', '=', code)
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  const measurement = async (
    clientId: string,
    caseId: string,
    organisationId: string,
    code: string,
    offset: number,
    dueOn: string,
    status: 'due' | 'sent' | 'answered' | 'expired',
    answer?: { on: string; answers: Record<string, number | string>; scores: Record<string, number | null> },
  ) => {
    const instrument = await instrumentId(code);
    const id = (
      await db
        .insertInto('measurement')
        .values({
          case_id: caseId,
          client_id: clientId,
          organisation_id: organisationId,
          instrument_code: code,
          offset_months: offset,
          due_on: dueOn,
          status,
          instrument_id: status === 'answered' ? instrument : null,
          answered_at: status === 'answered' ? new Date(`${answer!.on}T10:00:00Z`) : null,
          ...tracked,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    if (answer) {
      await db
        .insertInto('measurement_response')
        .values({
          measurement_id: id,
          client_id: clientId,
          case_id: caseId,
          organisation_id: organisationId,
          instrument_id: instrument,
          link_id: null,
          source: 'professional',
          answers: JSON.stringify(answer.answers),
          scores: JSON.stringify(answer.scores),
          answered_on: answer.on,
          ...tracked,
        })
        .execute();
    }
  };

  const coord = { id: coordinator.id, organisationId: sote.id };
  const phys = { id: physician.id, organisationId: sote.id };
  const nurs = { id: nurse.id, organisationId: sote.id };
  const otherCoord = { id: otherCoordinator.id, organisationId: other.id };

  // c1: man born 1990-06-15 (34 at opening), Kuopio. Referred by employment on 10 Jan, unemployed since 2023 (two
  // years: long-term, not over three). Case on T1 opened 20 Jan, phases 1 → 2 (10 Feb) → 3 (1 Apr), closed 30 Jun
  // employed. Visits: coordinator 25 Jan and 1 Mar, physician 5 Feb. Consultations: employment twice, social once.
  // Employment on the case team from 1 Feb.
  const c1 = await client('1990-06-15', 'male', 'Kuopio');
  const r1 = await referral(c1, employment, t1, sote, '2025-01-10T08:00:00Z', 'accepted', '2023-01-01');
  const k1 = await openCase(
    c1,
    r1,
    t1,
    sote,
    wat,
    [
      [1, '2025-01-20'],
      [2, '2025-02-10'],
      [3, '2025-04-01'],
    ],
    ['2025-06-30', 'employed_open_market'],
  );
  await visit(c1, k1, coord, '2025-01-25');
  await visit(c1, k1, coord, '2025-03-01');
  await visit(c1, k1, phys, '2025-02-05');
  await consultation(c1, k1, employment, '2025-02-01T10:00:00Z');
  await consultation(c1, k1, employment, '2025-03-01T10:00:00Z');
  await consultation(c1, k1, social, '2025-02-15T10:00:00Z');
  await member(k1, employment.id, '2025-02-01T10:00:00Z');
  await measurement(c1, k1, sote.id, 'was', 0, '2025-01-20', 'answered', {
    on: '2025-01-22',
    answers: { was: 4 },
    scores: { was: 4 },
  });
  await measurement(c1, k1, sote.id, 'was', 3, '2025-04-20', 'answered', {
    on: '2025-04-22',
    answers: { was: 6 },
    scores: { was: 6 },
  });
  await measurement(c1, k1, sote.id, 'd3x10', 0, '2025-01-20', 'expired');
  await measurement(c1, k1, sote.id, 'prem', 3, '2025-04-20', 'answered', {
    on: '2025-04-25',
    answers: {
      coping: 5,
      useful: 4,
      decided_together: 5,
      information_understandable: 0,
      knows_continuation: 3,
      recommend: 9,
      comments: 'Hyvä palvelu',
    },
    scores: {},
  });

  // c2: woman born 2000-03-01 (24), Siilinjärvi. Referred by social on 15 Jan, unemployed since 2020 (over three
  // years). Case on T1 opened 1 Feb, phase 2 from 1 Mar, still open. Visits: coordinator 20 Feb (36 days after
  // the referral), physician 10 Mar. A network meeting on 15 Mar with Kela and employment (and sote itself).
  const c2 = await client('2000-03-01', 'female', 'Siilinjärvi');
  const r2 = await referral(c2, social, t1, sote, '2025-01-15T08:00:00Z', 'accepted', '2020-01-01');
  const k2 = await openCase(
    c2,
    r2,
    t1,
    sote,
    wat,
    [
      [1, '2025-02-01'],
      [2, '2025-03-01'],
    ],
    null,
  );
  await visit(c2, k2, coord, '2025-02-20');
  await visit(c2, k2, phys, '2025-03-10');
  await meeting(c2, k2, '2025-03-15T08:00:00Z', [kela.id, employment.id, sote.id]);
  await measurement(c2, k2, sote.id, 'was', 0, '2025-02-01', 'answered', {
    on: '2025-02-01',
    answers: { was: 3 },
    scores: { was: 3 },
  });
  await measurement(c2, k2, sote.id, 'was', 3, '2025-05-01', 'answered', {
    on: '2025-05-03',
    answers: { was: 4 },
    scores: { was: 4 },
  });
  await measurement(c2, k2, sote.id, 'was', 6, '2025-08-01', 'sent');
  await measurement(c2, k2, sote.id, 'prem', 3, '2025-05-01', 'expired');

  // c3: man born 1970-12-31 (53 at opening on 1 Nov 2024), Kuopio, no referral (unemployment not recorded).
  // Case on T1 opened 1 Nov 2024, phase 2 from 15 Jan 2025, closed 31 Mar 2025 to studies. Visits: coordinator
  // 15 Nov 2024 (before the period) and 10 Jan 2025. Consultations: social at 23:59 on 31 Dec 2024 Finnish time
  // (not in 2025), employment at 00:00 on 1 Jan 2025 Finnish time (in 2025). A meeting in Dec 2024 listed social,
  // corrected to Kela. Social joins the case team only in 2026 (after the period).
  const c3 = await client('1970-12-31', 'male', 'Kuopio');
  const k3 = await openCase(
    c3,
    null,
    t1,
    sote,
    wat,
    [
      [1, '2024-11-01'],
      [2, '2025-01-15'],
    ],
    ['2025-03-31', 'studies'],
  );
  await visit(c3, k3, coord, '2024-11-15');
  await visit(c3, k3, coord, '2025-01-10');
  await consultation(c3, k3, social, '2024-12-31T21:59:00Z');
  await consultation(c3, k3, employment, '2024-12-31T22:00:00Z');
  const wrongMeeting = await meeting(c3, k3, '2024-12-01T08:00:00Z', [social.id]);
  await meeting(c3, k3, '2024-12-01T08:00:00Z', [kela.id], wrongMeeting);
  await member(k3, social.id, '2026-01-15T10:00:00Z');
  await measurement(c3, k3, sote.id, 'was', 0, '2024-11-01', 'answered', {
    on: '2024-11-01',
    answers: { was: 5 },
    scores: { was: 5 },
  });
  await measurement(c3, k3, sote.id, 'was', 3, '2025-02-01', 'answered', {
    on: '2025-02-05',
    answers: { was: 8 },
    scores: { was: 8 },
  });

  // c4: woman born 1985-05-05 (40), Kuopio. Referred by employment on 2 May, unemployed since 1 Jan 2025 (under
  // 12 months). Case on T2, supported employment, opened 10 May, open. Visits: nurse 20 May (the first: 18
  // days), a coordinator visit on 1 Jun corrected to the physician on 3 Jun. Consultation: Kela, and its
  // correction (not a new contact).
  const c4 = await client('1985-05-05', 'female', 'Kuopio');
  const r4 = await referral(c4, employment, t2, sote, '2025-05-02T08:00:00Z', 'accepted', '2025-01-01');
  const k4 = await openCase(c4, r4, t2, sote, se, [[1, '2025-05-10']], null);
  await visit(c4, k4, nurs, '2025-05-20');
  const wrongVisit = await visit(c4, k4, coord, '2025-06-01');
  await visit(c4, k4, phys, '2025-06-03', wrongVisit);
  const kelaAsks = await consultation(c4, k4, kela, '2025-05-25T10:00:00Z');
  await consultation(c4, k4, kela, '2025-05-26T10:00:00Z', kelaAsks);
  await measurement(c4, k4, sote.id, 'was', 0, '2025-05-10', 'due');
  await measurement(c4, k4, sote.id, 'prem', 3, '2025-08-10', 'answered', {
    on: '2025-08-12',
    answers: {
      coping: 4,
      useful: 4,
      decided_together: 5,
      information_understandable: 5,
      knows_continuation: 5,
      recommend: 10,
    },
    scores: {},
  });

  // c5: another organisation's case (T3): never in the sote report.
  const c5 = await client('1960-01-01', 'male', 'Kuopio');
  const r5 = await referral(c5, employment, t3, other, '2025-01-02T08:00:00Z', 'accepted', '2024-12-01');
  const k5 = await openCase(c5, r5, t3, other, wat, [[1, '2025-01-05']], null);
  await visit(c5, k5, otherCoord, '2025-01-06');
  await consultation(c5, k5, employment, '2025-01-07T10:00:00Z');
  await measurement(c5, k5, other.id, 'prem', 3, '2025-04-05', 'answered', {
    on: '2025-04-06',
    answers: {
      coping: 1,
      useful: 1,
      decided_together: 1,
      information_understandable: 1,
      knows_continuation: 1,
      recommend: 0,
    },
    scores: {},
  });

  // c6: a sote case closed in 2024: outside the period altogether.
  const c6 = await client('1995-01-01', 'male', 'Kuopio');
  const k6 = await openCase(
    c6,
    null,
    t1,
    sote,
    wat,
    [
      [1, '2023-01-01'],
      [2, '2023-06-01'],
    ],
    ['2024-06-30', 'moved_away'],
  );
  await visit(c6, k6, coord, '2023-02-01');

  // c7: referred by employment at 00:30 on 1 Jan 2025 Finnish time (still 2024 in UTC), not yet received.
  const c7 = await client('1992-02-02', 'female', 'Kuopio');
  await referral(c7, employment, t1, sote, '2024-12-31T22:30:00Z', 'sent', null);

  // c8: Kela's referral to T1 on 1 Mar was redirected to T2 on 5 Mar: counted once, as the referral to T2.
  const c8 = await client('1988-08-08', 'male', 'Kuopio');
  const redirectedTo = await referral(c8, kela, t2, sote, '2025-03-05T08:00:00Z', 'received', null);
  await referral(c8, kela, t1, sote, '2025-03-01T08:00:00Z', 'redirected', null, redirectedTo);

  // The stakeholder survey: two answers about T1 in 2025; one in 2024 and one about another organisation's team.
  const stakeholder = await instrumentId('stakeholder_survey');
  const answer = (teamId: string, organisationId: string, on: string, a: [number, number, number]) =>
    db
      .insertInto('stakeholder_response')
      .values({
        team_id: teamId,
        organisation_id: organisationId,
        respondent_organisation_type: 'municipal_employment_services',
        instrument_id: stakeholder,
        answers: JSON.stringify({
          recommend_continuing: a[0],
          effective_for_clients: a[1],
          improved_cooperation: a[2],
          comments: 'Kiitos',
        }),
        answered_on: on,
      })
      .execute();
  await answer(t1, sote.id, '2025-06-01', [5, 4, 4]);
  await answer(t1, sote.id, '2025-06-02', [5, 5, 3]);
  await answer(t1, sote.id, '2024-06-01', [1, 1, 1]);
  await answer(t3, other.id, '2025-06-01', [2, 2, 2]);

  const users: Record<string, { email: string; password: string; role: Role }> = {
    coordinator,
    physician,
    nurse,
    manager,
    otherManager,
    advisor,
  };
  return {
    organisations: { sote, employment, social, kela, other },
    teams: { t1, t2, t3 },
    pathways: { wat, se },
    clients: { c1, c2, c3, c4, c5, c6, c7, c8 },
    users,
  };
}
