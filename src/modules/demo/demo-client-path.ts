import { randomUUID } from 'node:crypto';
import type { Database, Db, Trx } from '../../server/db/database.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import type { Role } from '../../server/policy/roles.ts';

/**
 * The client path of the demo region, written straight to the tables in a few batched inserts so that the demo
 * starts fast: every phase of every pathway has a client, referrals are in every status, cases have visits,
 * consultations (some unanswered), network meetings (some coming) and a team from several organisations, and
 * some cases are closed with an outcome — enough for the reports. Dates count back from `now`.
 */

type TeamKey = 'ttt' | 'employment' | 'coaching';
type Scenario =
  | { kind: 'case'; team: TeamKey; phase: number; stale?: boolean; outcome?: string }
  | { kind: 'referral'; team: TeamKey; status: 'sent' | 'received' | 'returned' | 'redirected' }
  | { kind: 'screening'; outcome: 'no_action' | 'refer_assessment' };

const PATHWAY_OF: Record<TeamKey, string> = {
  ttt: 'work_ability_team',
  employment: 'multi_agency_employment',
  coaching: 'supported_employment',
};

const open = (team: TeamKey, phases: number) =>
  Array.from({ length: phases }, (_, i): Scenario => ({ kind: 'case', team, phase: i + 1 }));

const SCENARIOS: Scenario[] = [
  ...open('ttt', 6),
  ...open('employment', 3),
  ...open('coaching', 5),
  { kind: 'case', team: 'ttt', phase: 2, stale: true },
  { kind: 'case', team: 'ttt', phase: 3 },
  { kind: 'case', team: 'ttt', phase: 4 },
  { kind: 'case', team: 'employment', phase: 2, stale: true },
  { kind: 'case', team: 'coaching', phase: 3, stale: true },
  { kind: 'case', team: 'ttt', phase: 6, outcome: 'employed_open_market' },
  { kind: 'case', team: 'ttt', phase: 5, outcome: 'rehabilitation_kela' },
  { kind: 'case', team: 'ttt', phase: 3, outcome: 'pension_process' },
  { kind: 'case', team: 'ttt', phase: 2, outcome: 'client_ended' },
  { kind: 'case', team: 'employment', phase: 3, outcome: 'employed_pay_subsidy' },
  { kind: 'case', team: 'employment', phase: 3, outcome: 'studies' },
  { kind: 'case', team: 'coaching', phase: 5, outcome: 'employed_open_market' },
  { kind: 'case', team: 'coaching', phase: 2, outcome: 'other_service' },
  { kind: 'referral', team: 'ttt', status: 'sent' },
  { kind: 'referral', team: 'ttt', status: 'sent' },
  { kind: 'referral', team: 'coaching', status: 'sent' },
  { kind: 'referral', team: 'ttt', status: 'received' },
  { kind: 'referral', team: 'employment', status: 'received' },
  { kind: 'referral', team: 'ttt', status: 'returned' },
  { kind: 'referral', team: 'coaching', status: 'returned' },
  { kind: 'referral', team: 'ttt', status: 'redirected' },
  { kind: 'screening', outcome: 'no_action' },
  { kind: 'screening', outcome: 'refer_assessment' },
  { kind: 'screening', outcome: 'refer_assessment' },
  { kind: 'screening', outcome: 'no_action' },
  { kind: 'screening', outcome: 'refer_assessment' },
];

const SITUATIONS = [
  'prolonged_unemployment',
  'health_problems',
  'mental_health_challenges',
  'irregular_work_history',
  'little_work_experience',
  'financial_difficulties',
  'social_functioning',
  'learning_difficulties',
  'housing_problems',
];
const VISIT_MODES = ['in_person', 'phone', 'video', 'in_person'] as const;
const DAY = 86_400_000;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Office hours in Finland on a calendar day. */
const at = (date: string, hourUtc = 8) => new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`);

/** Rows collected per table and written in a few statements at the end. */
class Batch {
  readonly rows = new Map<keyof Database, Record<string, unknown>[]>();
  add(table: keyof Database, row: Record<string, unknown>) {
    const list = this.rows.get(table) ?? [];
    list.push(row);
    this.rows.set(table, list);
    return row;
  }
  async write(trx: Trx, order: (keyof Database)[]) {
    for (const table of order) {
      const list = this.rows.get(table) ?? [];
      // Rows of many tables pass through this one writer; the tables' own checks still apply in the database.
      for (let i = 0; i < list.length; i += 200)
        await trx
          .insertInto(table)
          .values(list.slice(i, i + 200) as never)
          .execute();
    }
  }
}

interface People {
  org: Map<string, string>;
  user: Map<string, { id: string; organisationId: string; role: Role }>;
}

async function loadPeople(trx: Trx): Promise<People> {
  const orgs = await trx.selectFrom('organisation').select(['id', 'name']).execute();
  const byName = new Map(orgs.map((o) => [o.name, o.id]));
  const org = new Map<string, string>([
    ['sote', byName.get('Järvilaakson sote-keskus')!],
    ['social', byName.get('Järvilaakson työikäisten sosiaalipalvelut')!],
    ['employment', byName.get('Järvilaakson työllisyysalue')!],
    ['kela', byName.get('Kela, Järvilaakson palvelupiste')!],
    ['ngo', byName.get('Polku ry')!],
    ['coaching', byName.get('Työpolku-säätiö')!],
  ]);
  const members = await trx
    .selectFrom('membership as ms')
    .innerJoin('app_user as u', 'u.id', 'ms.user_id')
    .select(['u.email', 'u.id', 'ms.organisation_id', 'ms.role'])
    .execute();
  const user = new Map(
    members.map((m) => [
      m.email.split('@')[0]!,
      { id: m.id, organisationId: m.organisation_id, role: m.role },
    ]),
  );
  return { org, user };
}

export async function loadDemoClientPath(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const today = finnishDate(now);
    const people = await loadPeople(trx);
    if ([...people.org.values()].some((id) => !id)) return;
    const u = (key: string) => people.user.get(key)!;
    const b = new Batch();

    const tttTeam = await trx
      .selectFrom('team')
      .select('id')
      .where('name', '=', 'Työkyvyn tuen tiimi')
      .executeTakeFirst();
    if (!tttTeam) return;
    const teams: Record<TeamKey, { id: string; organisationId: string; manager: string; staff: string[] }> = {
      ttt: {
        id: tttTeam.id,
        organisationId: people.org.get('sote')!,
        manager: 'koordinaattori',
        staff: ['koordinaattori', 'laakari', 'hoitaja'],
      },
      employment: {
        id: randomUUID(),
        organisationId: people.org.get('employment')!,
        manager: 'tyollisyys',
        staff: ['tyollisyys'],
      },
      coaching: {
        id: randomUUID(),
        organisationId: people.org.get('coaching')!,
        manager: 'valmentaja',
        staff: ['valmentaja'],
      },
    };
    await trx
      .insertInto('team')
      .values([
        {
          id: teams.employment.id,
          organisation_id: teams.employment.organisationId,
          name: 'Monialainen työllistymisen tuki',
          description:
            'Työllisyysalueen, hyvinvointialueen ja Kelan yhteinen monialainen tiimi (aiemmin TYP).',
          created_by: null,
          updated_by: null,
        },
        {
          id: teams.coaching.id,
          organisation_id: teams.coaching.organisationId,
          name: 'Tuetun työllistymisen tiimi',
          description: 'Työhönvalmentajat (IPS ja tuettu työllistyminen).',
          created_by: null,
          updated_by: null,
        },
      ])
      .execute();
    await trx
      .insertInto('team_member')
      .values([
        { team_id: teams.employment.id, user_id: u('tyollisyys').id, created_by: null },
        { team_id: teams.coaching.id, user_id: u('valmentaja').id, created_by: null },
      ])
      .execute();

    const pathways = await trx.selectFrom('pathway').select(['id', 'code', 'stale_after_days']).execute();
    const phases = await trx
      .selectFrom('pathway_phase')
      .select(['id', 'pathway_id', 'ordinal'])
      .orderBy('ordinal')
      .execute();
    const criteria = await trx
      .selectFrom('eligibility_criterion')
      .select('id')
      .where('team_id', 'is', null)
      .where('active', '=', true)
      .execute();
    const clients = await trx
      .selectFrom('client')
      .select(['id', 'registering_organisation_id', 'created_by'])
      .orderBy('identity_code')
      .execute();

    const tracked = (by: string, when: Date) => ({
      created_by: by,
      updated_by: by,
      created_at: when,
      updated_at: when,
    });
    const consent = (
      clientId: string,
      from: string,
      to: string,
      categories: string[],
      on: string,
      by: string,
    ) => {
      const id = randomUUID();
      b.add('consent', {
        id,
        client_id: clientId,
        controller_organisation_id: from,
        recipient_organisation_id: to,
        categories,
        valid_from: on,
        valid_until: addDays(on, 365),
        method: 'written',
        note: 'Demo: asiakkaan kirjallinen suostumus.',
        ...tracked(by, at(on)),
      });
      return id;
    };

    SCENARIOS.forEach((scenario, index) => {
      const client = clients[index];
      if (!client) return;
      const referrer = client.registering_organisation_id;
      const referrerUser = client.created_by;

      // Every path starts with a screening by the organisation that met the client.
      const team = scenario.kind === 'screening' ? null : teams[scenario.team];
      const pathway =
        team && scenario.kind !== 'screening'
          ? pathways.find((p) => p.code === PATHWAY_OF[scenario.team])!
          : null;
      const limit = pathway?.stale_after_days ?? 60;
      const phase = scenario.kind === 'case' ? scenario.phase : 1;
      const sinceChange =
        scenario.kind === 'case' && scenario.stale ? limit + 12 : Math.min(limit - 5, 8 + (index % 5) * 4);
      const closedAgo = scenario.kind === 'case' && scenario.outcome ? 15 + (index % 6) * 9 : 0;
      const openedAgo =
        scenario.kind === 'case'
          ? sinceChange + closedAgo + (phase - 1) * 21 + (phase > 1 ? 14 : 0)
          : 4 + (index % 6) * 3;
      const openedOn = addDays(today, -openedAgo);
      const sentOn = addDays(openedOn, -7);
      const screenedOn = addDays(sentOn, -3);
      const screeningId = randomUUID();
      b.add('screening', {
        id: screeningId,
        client_id: client.id,
        organisation_id: referrer,
        screened_on: scenario.kind === 'screening' ? addDays(today, -5 - index) : screenedOn,
        situations: SITUATIONS.filter((_, i) => (i + index) % 3 === 0),
        notes: 'Työ- ja toimintakyky otettu puheeksi vastaanotolla.',
        outcome: scenario.kind === 'screening' ? scenario.outcome : 'refer_team',
        ...tracked(referrerUser, at(screenedOn)),
      });
      if (!team || !pathway || scenario.kind === 'screening') return;

      // The referral, with the client's consent when it crosses organisations.
      const consentId =
        referrer === team.organisationId
          ? null
          : consent(client.id, referrer, team.organisationId, ['basic', 'assessment'], sentOn, referrerUser);
      const referralId = randomUUID();
      const status = scenario.kind === 'case' ? 'accepted' : scenario.status;
      const receiver = u(team.manager);
      const referral = b.add('referral', {
        id: referralId,
        client_id: client.id,
        referring_organisation_id: referrer,
        receiving_team_id: team.id,
        receiving_organisation_id: team.organisationId,
        screening_id: screeningId,
        consent_id: consentId,
        reason:
          'Pitkittynyt työttömyys ja terveydelliset haasteet; tarvitaan monialainen työkyvyn arviointi.',
        status,
        sent_at: at(sentOn),
        return_reason:
          status === 'returned' ? 'Asiakas on työterveyshuollon piirissä; ohjataan työterveyteen.' : null,
        eligibility_justification: null,
        redirected_from_id: null,
        redirected_to_id: null,
        ...tracked(referrerUser, at(sentOn)),
      });
      const step = (
        from: string | null,
        to: string,
        on: string,
        organisationId: string,
        by: string,
        note = '',
      ) =>
        b.add('referral_status_change', {
          referral_id: referralId,
          organisation_id: organisationId,
          from_status: from,
          to_status: to,
          note,
          created_at: at(on, 8 + (from ? 1 : 0)),
          created_by: by,
        });
      step(null, 'sent', sentOn, referrer, referrerUser);
      if (status !== 'sent') step('sent', 'received', addDays(sentOn, 1), team.organisationId, receiver.id);
      if (status === 'returned')
        step(
          'received',
          'returned',
          addDays(sentOn, 2),
          team.organisationId,
          receiver.id,
          referral.return_reason as string,
        );
      if (status === 'redirected') {
        const next = teams.employment;
        const nextId = randomUUID();
        referral.redirected_to_id = nextId;
        const nextConsent =
          referrer === next.organisationId
            ? null
            : consent(
                client.id,
                referrer,
                next.organisationId,
                ['basic', 'assessment'],
                sentOn,
                referrerUser,
              );
        b.add('referral', {
          ...referral,
          id: nextId,
          receiving_team_id: next.id,
          receiving_organisation_id: next.organisationId,
          consent_id: nextConsent,
          status: 'sent',
          redirected_from_id: referralId,
          redirected_to_id: null,
          sent_at: at(addDays(sentOn, 2)),
          ...tracked(receiver.id, at(addDays(sentOn, 2))),
        });
        step(
          'received',
          'redirected',
          addDays(sentOn, 2),
          team.organisationId,
          receiver.id,
          'Kuuluu monialaisen työllistymisen tuen piiriin.',
        );
        b.add('referral_status_change', {
          referral_id: nextId,
          organisation_id: team.organisationId,
          from_status: null,
          to_status: 'sent',
          note: 'Ohjattu edelleen työkyvyn tuen tiimistä.',
          created_at: at(addDays(sentOn, 2), 10),
          created_by: receiver.id,
        });
      }
      if (scenario.kind !== 'case') return;

      // Accepted: the eligibility reading, the case on its pathway, manager and team.
      step('received', 'accepted', openedOn, team.organisationId, receiver.id);
      const notMet = index % 7 === 3;
      if (notMet)
        referral.eligibility_justification = 'Ikä 66 vuotta; arviointi tarvitaan eläkeselvitystä varten.';
      for (const [i, c] of criteria.entries()) {
        b.add('referral_eligibility', {
          referral_id: referralId,
          criterion_id: c.id,
          met: !(notMet && i === 0),
          created_at: at(openedOn),
          created_by: receiver.id,
        });
      }
      const pathwayPhases = phases.filter((p) => p.pathway_id === pathway.id);
      const current = pathwayPhases[phase - 1]!;
      const lastChangeOn = addDays(today, -(sinceChange + closedAgo));
      const caseId = randomUUID();
      const closedOn = scenario.outcome ? addDays(today, -closedAgo) : null;
      b.add('client_case', {
        id: caseId,
        client_id: client.id,
        referral_id: referralId,
        team_id: team.id,
        organisation_id: team.organisationId,
        pathway_id: pathway.id,
        current_phase_id: current.id,
        phase_changed_on: phase === 1 ? openedOn : lastChangeOn,
        opened_on: openedOn,
        closed_on: closedOn,
        outcome_code: scenario.outcome ?? null,
        closing_note: scenario.outcome ? 'Tavoite sovittu saavutetuksi yhdessä asiakkaan kanssa.' : null,
        ...tracked(receiver.id, at(openedOn, 9)),
        updated_at: closedOn ? at(closedOn, 12) : at(openedOn, 9),
      });
      for (let k = 1; k <= phase; k++) {
        const on = k === 1 ? openedOn : k === phase ? lastChangeOn : addDays(openedOn, 14 + (k - 2) * 21);
        b.add('case_phase_change', {
          case_id: caseId,
          organisation_id: team.organisationId,
          from_phase_id: k === 1 ? null : pathwayPhases[k - 2]!.id,
          to_phase_id: pathwayPhases[k - 1]!.id,
          changed_on: on,
          note: k === 1 ? '' : 'Edellisen vaiheen tavoitteet saavutettu.',
          created_at: at(on, 10),
          created_by: receiver.id,
        });
      }
      const handover = scenario.team === 'ttt' && index % 4 === 1 && openedAgo > 40;
      const firstEnd = handover ? at(addDays(openedOn, 30), 11) : null;
      b.add('case_manager_assignment', {
        case_id: caseId,
        user_id: receiver.id,
        organisation_id: team.organisationId,
        note: '',
        started_at: at(openedOn, 9),
        ended_at: firstEnd,
        ended_by: firstEnd ? receiver.id : null,
        ...tracked(receiver.id, at(openedOn, 9)),
      });
      if (firstEnd) {
        b.add('case_manager_assignment', {
          case_id: caseId,
          user_id: u('hoitaja').id,
          organisation_id: team.organisationId,
          note: 'Terveydenhoitaja jatkaa omatyöntekijänä.',
          started_at: firstEnd,
          ended_at: null,
          ended_by: null,
          ...tracked(receiver.id, firstEnd),
        });
      }
      const member = (organisationId: string, userId: string | null, role: Role, on: string) =>
        b.add('case_team_member', {
          case_id: caseId,
          organisation_id: organisationId,
          user_id: userId,
          role,
          added_at: at(on, 9),
          added_by: receiver.id,
          removed_at: null,
          removed_by: null,
          ...tracked(receiver.id, at(on, 9)),
        });
      member(team.organisationId, receiver.id, receiver.role, openedOn);
      // Partners on the case team get the care relationship; the client's consent lets them read the plan.
      const partners: { key: string; user: string | null }[] = [];
      if (scenario.team === 'ttt' && index % 2 === 0)
        partners.push({ key: 'employment', user: 'tyollisyys' });
      if (scenario.team === 'ttt' && index % 3 === 0) partners.push({ key: 'kela', user: 'kela' });
      if (scenario.team === 'employment')
        partners.push({ key: 'sote', user: null }, { key: 'kela', user: 'kela' });
      if (scenario.team === 'coaching' && index % 2 === 0) partners.push({ key: 'ngo', user: 'jarjesto' });
      const joinedOn = addDays(openedOn, 7);
      for (const p of partners) {
        const organisationId = people.org.get(p.key)!;
        const partnerUser = p.user ? u(p.user) : null;
        member(organisationId, partnerUser?.id ?? null, partnerUser?.role ?? 'coordinator', joinedOn);
        consent(
          client.id,
          team.organisationId,
          organisationId,
          ['assessment', 'plan'],
          joinedOn,
          receiver.id,
        );
      }

      // Visits until today or the closing day.
      const lastDay = closedOn ?? today;
      const span = Math.max(1, (Date.parse(lastDay) - Date.parse(openedOn)) / DAY);
      const visits = 2 + (index % 4);
      for (let v = 0; v < visits; v++) {
        const on = addDays(openedOn, Math.floor((span * v) / visits));
        const professional = u(team.staff[(index + v) % team.staff.length]!);
        b.add('visit', {
          id: randomUUID(),
          client_id: client.id,
          case_id: caseId,
          organisation_id: team.organisationId,
          professional_user_id: professional.id,
          visit_on: on,
          mode: VISIT_MODES[(index + v) % VISIT_MODES.length],
          duration_minutes: [30, 45, 60, 90][(index + v) % 4],
          note: v === 0 ? 'Alkuhaastattelu ja tavoitteiden kartoitus.' : 'Seurantakäynti.',
          corrects_id: null,
          ...tracked(professional.id, at(on, 11)),
        });
      }

      // Consultations to partners: older ones answered, the newest of some open cases still waiting.
      const asker = u(team.manager);
      const targets =
        partners.length > 0
          ? partners.map((p) => people.org.get(p.key)!)
          : scenario.team === 'ttt'
            ? [team.organisationId]
            : [];
      targets.forEach((toOrganisationId, t) => {
        const on = addDays(openedOn, 10 + t * 5);
        const waiting = !closedOn && (index + t) % 3 === 0;
        const askedOn = waiting ? addDays(today, -((index % 4) + 1)) : on;
        const answerer = [...people.user.values()].find(
          (x) => x.organisationId === toOrganisationId && x.role !== 'manager' && x.role !== 'admin',
        );
        const toPhysician = toOrganisationId === team.organisationId;
        b.add('consultation', {
          id: randomUUID(),
          client_id: client.id,
          case_id: caseId,
          organisation_id: team.organisationId,
          asker_role: asker.role,
          to_organisation_id: toOrganisationId,
          to_user_id: toPhysician ? u('laakari').id : null,
          topic: toPhysician ? 'Työkyvyn lääketieteellinen arvio' : 'Palvelun sopivuus',
          question: toPhysician
            ? 'Onko terveydentilassa esteitä työkokeilulle?'
            : 'Sopiiko asiakkaalle teidän palvelunne seuraavaksi askeleeksi?',
          answer: waiting || !answerer ? null : 'Sopii; sovitaan aloituksesta verkostotapaamisessa.',
          answered_at: waiting || !answerer ? null : at(addDays(askedOn, 2), 12),
          answered_by: waiting || !answerer ? null : toPhysician ? u('laakari').id : answerer.id,
          corrects_id: null,
          ...tracked(asker.id, at(askedOn, 10)),
        });
      });

      // Network meetings: one held with a signed summary, and a coming one for some open cases.
      if (partners.length > 0) {
        const participants = [team.organisationId, ...partners.map((p) => people.org.get(p.key)!)];
        const meeting = (startsAt: Date, signed: boolean) => {
          const id = randomUUID();
          b.add('network_meeting', {
            id,
            client_id: client.id,
            case_id: caseId,
            organisation_id: team.organisationId,
            starts_at: startsAt,
            duration_minutes: 60,
            client_participated: signed ? index % 5 !== 0 : null,
            note: 'Verkostotapaaminen: työ- ja toimintakyvyn tuki.',
            summary: signed
              ? 'Sovittiin työkokeilusta ja seuraavista askelista; vastuut kirjattu suunnitelmaan.'
              : null,
            signed_by: signed ? asker.id : null,
            signed_at: signed ? new Date(startsAt.getTime() + 2 * 3_600_000) : null,
            corrects_id: null,
            ...tracked(asker.id, at(addDays(finnishDate(startsAt), -7), 10)),
          });
          for (const organisationId of new Set(participants)) {
            b.add('network_meeting_organisation', { meeting_id: id, organisation_id: organisationId });
          }
        };
        meeting(at(addDays(openedOn, 20), 9), true);
        if (!closedOn && index % 2 === 0) meeting(at(addDays(today, 2 + (index % 11)), 9), false);
      }
    });

    await b.write(trx, [
      'consent',
      'screening',
      'referral',
      'referral_status_change',
      'referral_eligibility',
      'client_case',
      'case_phase_change',
      'case_manager_assignment',
      'case_team_member',
      'visit',
      'consultation',
      'network_meeting',
      'network_meeting_organisation',
    ]);
  });
}
