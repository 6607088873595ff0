import { FinnishBusinessIds } from 'finnish-business-ids';
import { loadConfig } from '../../server/config.ts';
import type { Db, Trx } from '../../server/db/database.ts';
import { linkExpiry, newLinkToken, personalLinkUrl } from '../../server/http/personal-link.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { fidelityBand, fidelityTotal, nextReviewDue } from '../fidelity/fidelity-scoring.ts';
import { enqueueMessage } from '../outbox/outbox.repository.ts';
import { feedbackMessage } from '../work-trials/feedback-message.ts';
import { FEEDBACK_LINK_PATH } from '../work-trials/work-trial.service.ts';

/**
 * Supported employment in the demo region: the coaching foundation's team with three job coaches and their
 * caseloads, an employer register with contact persons, job openings and supports, a few weeks of employer
 * contacts, vocational profiles with different disclosure choices, modules with reviews, job starts (one under
 * 4 hours), a work trial with the supervisor's mid-point feedback and an open link for the final one (in the
 * outbox), and two fidelity reviews of the team. Written straight to the tables; dates count back from `now`.
 */

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const at = (date: string, hourUtc = 9) => new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
const businessId = (base: string) => `${base}-${FinnishBusinessIds.calculateChecksum(base)}`;

const EMPLOYERS = [
  {
    base: '3200012',
    name: 'Järvilaakson Logistiikka Oy',
    municipality: 'Kuopio',
    industry: 'Varastointi ja logistiikka',
    person: 'Marko Varasto',
  },
  {
    base: '3200013',
    name: 'Kahvila Kanerva',
    municipality: 'Kuopio',
    industry: 'Ravintola- ja kahvila-ala',
    person: 'Kaisu Kanerva',
  },
  {
    base: '3200014',
    name: 'Savon Kiinteistöpalvelu Oy',
    municipality: 'Siilinjärvi',
    industry: 'Kiinteistöhuolto ja siivous',
    person: 'Pekka Huolto',
  },
  {
    base: '3200015',
    name: 'Iisalmen Kirjapaino Oy',
    municipality: 'Iisalmi',
    industry: 'Painotuotteet',
    person: 'Riikka Paino',
  },
  {
    base: '3200016',
    name: 'Järvilaakson kaupunki, puistotoimi',
    municipality: 'Kuopio',
    industry: 'Julkinen sektori',
    person: 'Tiina Puisto',
  },
  {
    base: '3200017',
    name: 'Kodinkone Korhonen Ky',
    municipality: 'Varkaus',
    industry: 'Vähittäiskauppa',
    person: 'Jari Korhonen',
  },
];

const PROFILES = [
  {
    history: 'Varastotyötä 6 vuotta, trukkikortti.',
    skills: 'Keräily, trukki, tarkkuus',
    wants: 'Aamuvuorot, lähellä kotia',
    name: true,
    health: 'general',
    tell: 'Tarvitsee selkeät ohjeet ja tauon puolen päivän aikaan.',
  },
  {
    history: 'Kahvila-apulaisena kesätöissä.',
    skills: 'Asiakaspalvelu, leipominen',
    wants: 'Osa-aikatyö kahvilassa',
    name: true,
    health: 'none',
    tell: '',
  },
  {
    history: 'Ei aiempaa työhistoriaa; ammattikoulu kesken.',
    skills: 'Tietokoneet, piirtäminen',
    wants: 'Rauhallinen työympäristö',
    name: false,
    health: 'none',
    tell: 'Hyvä keskittymään yksin tehtäviin töihin.',
  },
  {
    history: 'Kiinteistönhoitajana 10 vuotta, pitkä sairausloma.',
    skills: 'Kiinteistöhuolto, korjaustyöt',
    wants: 'Ulkotyö, ei raskaita nostoja',
    name: true,
    health: 'specific',
    tell: 'Selkävaiva: ei yli 10 kg nostoja.',
  },
  {
    history: 'Kaupan kassalla 3 vuotta.',
    skills: 'Kassatyö, hyllytys',
    wants: 'Kauppa, päivävuorot',
    name: false,
    health: 'general',
    tell: '',
  },
] as const;

export async function loadDemoCoaching(
  db: Db,
  publicUrl: string = loadConfig().publicUrl,
  now: Date = new Date(),
): Promise<{ coachings: number; contacts: number } | null> {
  return db.transaction().execute(async (trx) => {
    const today = finnishDate(now);
    const org = await trx
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Työpolku-säätiö')
      .executeTakeFirst();
    const team = await trx
      .selectFrom('team')
      .select('id')
      .where('name', '=', 'Tuetun työllistymisen tiimi')
      .executeTakeFirst();
    const coach = await trx
      .selectFrom('app_user')
      .select(['id', 'password_hash'])
      .where('email', '=', 'valmentaja@demo.test')
      .executeTakeFirst();
    if (!org || !team || !coach) return null;
    const orgId = org.id;
    const tracked = (by: string, on: string) => ({
      created_by: by,
      updated_by: by,
      created_at: at(on),
      updated_at: at(on),
    });

    // Two more job coaches on the team (same demo password), so that caseloads differ.
    const coaches = [coach.id];
    for (const [email, first, last] of [
      ['valmentaja2@demo.test', 'Veera', 'Valmentaja'],
      ['vertaisvalmentaja@demo.test', 'Ville-Pekka', 'Vertainen'],
    ] as const) {
      const { id } = await trx
        .insertInto('app_user')
        .values({
          email,
          first_name: first,
          last_name: last,
          password_hash: coach.password_hash,
          oidc_subject: null,
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('membership')
        .values({
          user_id: id,
          organisation_id: orgId,
          role: 'job_coach',
          created_by: null,
          updated_by: null,
        })
        .execute();
      await trx
        .insertInto('team_member')
        .values({ team_id: team.id, user_id: id, created_by: null })
        .execute();
      coaches.push(id);
    }

    // The employer register.
    const employers: { id: string; personId: string }[] = [];
    for (const e of EMPLOYERS) {
      const { id } = await trx
        .insertInto('employer')
        .values({
          organisation_id: orgId,
          business_id: businessId(e.base),
          name: e.name,
          municipality: e.municipality,
          industry: e.industry,
          ...tracked(coach.id, addDays(today, -120)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const person = await trx
        .insertInto('employer_contact_person')
        .values({
          employer_id: id,
          organisation_id: orgId,
          name: e.person,
          title: 'Esihenkilö',
          email: `${e.person
            .toLowerCase()
            .replace(/ /g, '.')
            .replace(/[äö]/g, (c) => (c === 'ä' ? 'a' : 'o'))}@example.com`,
          phone: '+358 40 000 0000',
          ...tracked(coach.id, addDays(today, -120)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      employers.push({ id, personId: person.id });
    }
    const openings = [
      { e: 0, title: 'Varastotyöntekijä (osa-aika)', hours: 20, status: 'open' as const },
      { e: 1, title: 'Kahvila-apulainen', hours: 15, status: 'open' as const },
      { e: 2, title: 'Kiinteistöhuollon työntekijä', hours: 30, status: 'open' as const },
      { e: 5, title: 'Myyjä', hours: 25, status: 'open' as const },
      { e: 3, title: 'Painotyöntekijä', hours: 37.5, status: 'filled' as const },
    ];
    for (const [i, o] of openings.entries()) {
      await trx
        .insertInto('job_opening')
        .values({
          employer_id: employers[o.e]!.id,
          organisation_id: orgId,
          title: o.title,
          hours_per_week: o.hours,
          open_labour_market: true,
          found_on: addDays(today, -40 + i * 6),
          closes_on: addDays(today, 20 + i * 5),
          status: o.status,
          ...tracked(coach.id, addDays(today, -40 + i * 6)),
        })
        .execute();
    }

    // Coachings: the open supported-employment cases of the team, and coaching as a service in two other cases.
    const own = await trx
      .selectFrom('client_case as k')
      .innerJoin('pathway as p', 'p.id', 'k.pathway_id')
      .select(['k.id', 'k.client_id', 'k.opened_on', 'k.organisation_id', 'k.closed_on'])
      .where('p.code', '=', 'supported_employment')
      .where('k.organisation_id', '=', orgId)
      .orderBy('k.opened_on')
      .execute();
    const others = await trx
      .selectFrom('client_case as k')
      .innerJoin('pathway as p', 'p.id', 'k.pathway_id')
      .select(['k.id', 'k.client_id', 'k.opened_on', 'k.organisation_id', 'k.closed_on'])
      .where('p.code', '<>', 'supported_employment')
      .where('k.closed_on', 'is', null)
      .where(
        'k.client_id',
        'not in',
        own.length ? own.map((k) => k.client_id) : ['00000000-0000-0000-0000-000000000000'],
      )
      .orderBy('k.opened_on')
      .limit(3)
      .execute();
    for (const k of others) {
      const joined = addDays(k.opened_on, 10);
      await trx
        .insertInto('case_team_member')
        .values({
          case_id: k.id,
          organisation_id: orgId,
          user_id: coaches[1]!,
          role: 'job_coach',
          added_at: at(joined),
          added_by: coach.id,
          removed_at: null,
          removed_by: null,
          ...tracked(coach.id, joined),
        })
        .execute();
    }
    const cases = [
      ...own.map((k) => ({ ...k, kind: 'pathway' as const })),
      ...others.map((k) => ({ ...k, kind: 'service' as const })),
    ];

    let contacts = 0;
    const contact = async (
      coachId: string,
      on: string,
      e: number,
      extra: { coachingId?: string; named?: boolean; purpose?: string; outcome?: string } = {},
    ) => {
      await trx
        .insertInto('employer_contact')
        .values({
          employer_id: employers[e % employers.length]!.id,
          organisation_id: orgId,
          coach_user_id: coachId,
          contact_person_id: employers[e % employers.length]!.personId,
          coaching_id: extra.coachingId ?? null,
          client_name_disclosed: extra.named ?? false,
          contacted_on: on,
          mode: (['in_person', 'phone', 'email', 'phone'] as const)[e % 4]!,
          purpose: (extra.purpose ??
            (e % 3 === 0 ? 'employer_information' : 'job_development')) as 'job_development',
          outcome: (extra.outcome ??
            (['follow_up_agreed', 'no_need_now', 'opening_found', 'meeting_agreed'] as const)[
              e % 4
            ]) as 'other',
          note: '',
          ...tracked(coachId, on),
        })
        .execute();
      contacts++;
    };

    for (const [i, k] of cases.entries()) {
      const coachId = coaches[i % 2 === 0 ? 0 : 1]!;
      const startedOn = k.kind === 'pathway' ? k.opened_on : addDays(k.opened_on, 10);
      const endedOn = k.closed_on && k.closed_on >= startedOn ? k.closed_on : null;
      const model = i % 3 === 2 ? ('quality_criteria' as const) : ('ips' as const);
      const { id: coachingId } = await trx
        .insertInto('coaching')
        .values({
          client_id: k.client_id,
          case_id: k.id,
          organisation_id: orgId,
          team_id: team.id,
          coach_user_id: coachId,
          kind: k.kind,
          intensity: i % 4 === 3 ? 'light_support' : 'intensive',
          model,
          started_on: startedOn,
          ended_on: endedOn,
          end_reason: endedOn ? 'employed' : null,
          ...tracked(coachId, startedOn),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const p = PROFILES[i % PROFILES.length]!;
      await trx
        .insertInto('vocational_profile')
        .values({
          coaching_id: coachingId,
          client_id: k.client_id,
          organisation_id: orgId,
          work_history: p.history,
          skills: p.skills,
          preferences: p.wants,
          disclose_name: p.name,
          disclose_health: p.health,
          disclosure_text: p.tell,
          not_to_disclose: p.health === 'specific' ? '' : 'Diagnoosia ei kerrota työnantajalle.',
          disclosure_agreed_on: addDays(startedOn, 5),
          ...tracked(coachId, addDays(startedOn, 5)),
        })
        .execute();
      const lastDay = endedOn ?? today;
      // Rapid job search: the first employer contact on the client's behalf a week or three after the start.
      const firstContact = addDays(startedOn, 7 + (i % 3) * 12);
      if (firstContact <= lastDay) {
        await contact(coachId, firstContact, i, {
          coachingId,
          named: p.name,
          purpose: 'client_introduction',
          outcome: 'meeting_agreed',
        });
        await trx
          .insertInto('job_search_entry')
          .values({
            coaching_id: coachingId,
            client_id: k.client_id,
            organisation_id: orgId,
            entry_on: addDays(firstContact, 2),
            activity: 'application',
            employer_id: employers[i % employers.length]!.id,
            job_opening_id: null,
            description: 'Työhakemus lähetetty yhdessä valmentajan kanssa.',
            outcome: 'Haastattelu sovittu.',
            ...tracked(coachId, addDays(firstContact, 2)),
          })
          .execute();
      }
      if (model === 'quality_criteria') {
        const reviewOn = addDays(startedOn, 42);
        const reviewed = reviewOn <= lastDay;
        await trx
          .insertInto('coaching_module')
          .values({
            coaching_id: coachingId,
            client_id: k.client_id,
            organisation_id: orgId,
            ordinal: 1,
            goal: 'Ammatillinen profiili valmis ja työnhaku käynnissä.',
            started_on: startedOn,
            planned_end_on: reviewOn,
            reviewed_on: reviewed ? reviewOn : null,
            client_attended: reviewed ? true : null,
            coach_attended: reviewed ? true : null,
            purchaser_attended: reviewed ? true : null,
            purchaser_name: reviewed ? 'Timo Työllisyysasiantuntija' : null,
            decision: reviewed ? 'next_module' : null,
            review_notes: reviewed ? 'Jatketaan työhön sijoittumisen moduulilla.' : '',
            ...tracked(coachId, startedOn),
          })
          .execute();
        if (reviewed && !endedOn) {
          await trx
            .insertInto('coaching_module')
            .values({
              coaching_id: coachingId,
              client_id: k.client_id,
              organisation_id: orgId,
              ordinal: 2,
              goal: 'Työsuhteen alkaminen ja tuki työpaikalla.',
              started_on: reviewOn,
              planned_end_on: addDays(reviewOn, 56),
              reviewed_on: null,
              client_attended: null,
              coach_attended: null,
              purchaser_attended: null,
              purchaser_name: null,
              decision: null,
              ...tracked(coachId, reviewOn),
            })
            .execute();
        }
      }
      // Job starts: the first three coachings that have run long enough.
      const jobOn = addDays(startedOn, 35 + (i % 3) * 7);
      if (i < 4 && jobOn <= lastDay) {
        const e = employers[i % employers.length]!;
        const hours = i === 2 ? 3 : [20, 30, 0, 25][i]!;
        const { id: placementId } = await trx
          .insertInto('job_placement')
          .values({
            coaching_id: coachingId,
            client_id: k.client_id,
            organisation_id: orgId,
            employer_id: e.id,
            job_opening_id: null,
            title: [
              'Varastotyöntekijä',
              'Kahvila-apulainen',
              'Siivoojan sijainen',
              'Kiinteistöhuollon työntekijä',
            ][i]!,
            hours_per_week: hours,
            pay_subsidy: i === 1,
            open_labour_market: true,
            started_on: jobOn,
            ended_on: null,
            end_reason: null,
            ...tracked(coachId, jobOn),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (i === 1) {
          await trx
            .insertInto('employer_support_use')
            .values({
              employer_id: e.id,
              organisation_id: orgId,
              support_code: 'pay_subsidy',
              placement_id: placementId,
              work_trial_id: null,
              started_on: jobOn,
              ended_on: addDays(jobOn, 180),
              note: '',
              ...tracked(coachId, jobOn),
            })
            .execute();
        }
        const supportOn = addDays(jobOn, 7);
        if (supportOn <= today) {
          await trx
            .insertInto('coaching_support_entry')
            .values({
              coaching_id: coachingId,
              placement_id: placementId,
              client_id: k.client_id,
              organisation_id: orgId,
              supported_on: supportOn,
              setting: 'on_the_job',
              with_employer: true,
              duration_minutes: 60,
              note: 'Työpaikkakäynti: perehdytys sujunut, sovittu tauot.',
              ...tracked(coachId, supportOn),
            })
            .execute();
        }
      }
    }
    await trx
      .insertInto('employer_support_use')
      .values({
        employer_id: employers[4]!.id,
        organisation_id: orgId,
        support_code: 'social_clause',
        placement_id: null,
        work_trial_id: null,
        started_on: addDays(today, -90),
        ended_on: null,
        note: 'Puistotoimen hankinnan työllistämisehto.',
        ...tracked(coach.id, addDays(today, -90)),
      })
      .execute();

    // Job development: about 6 contacts a week for the first coach, fewer for the others, over 8 weeks.
    for (let d = 56; d >= 1; d--) {
      const on = addDays(today, -d);
      const weekday = new Date(`${on}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const n = weekday === 1 || weekday === 3 ? 2 : 1;
      for (let j = 0; j < n; j++) await contact(coaches[0]!, on, d + j);
      if (weekday === 2 || weekday === 4) await contact(coaches[1]!, on, d + 3);
      if (weekday === 5 && d % 14 < 7) await contact(coaches[2]!, on, d + 1);
    }

    // A work trial with the supervisor's mid-point feedback; the final link waits in the outbox.
    const trialCoaching = await trx
      .selectFrom('coaching')
      .select(['id', 'client_id', 'coach_user_id', 'started_on'])
      .where('organisation_id', '=', orgId)
      .where('ended_on', 'is', null)
      .orderBy('started_on')
      .executeTakeFirst();
    if (trialCoaching) {
      const e = employers[2]!;
      const startsOn = addDays(today, -20);
      const { id: trialId } = await trx
        .insertInto('work_trial')
        .values({
          coaching_id: trialCoaching.id,
          client_id: trialCoaching.client_id,
          organisation_id: orgId,
          employer_id: e.id,
          supervisor_contact_person_id: e.personId,
          tasks: 'Kiinteistöhuollon avustavat tehtävät: piha-alueet, pienet korjaukset.',
          goals: 'Selvittää jaksaminen neljän tunnin päivissä ja sopivat tehtävät.',
          hours_per_week: 20,
          starts_on: startsOn,
          ends_on: addDays(startsOn, 41),
          interrupted_on: null,
          interruption_note: null,
          ...tracked(trialCoaching.coach_user_id, addDays(startsOn, -3)),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('employer_support_use')
        .values({
          employer_id: e.id,
          organisation_id: orgId,
          support_code: 'work_trial',
          placement_id: null,
          work_trial_id: trialId,
          started_on: startsOn,
          ended_on: addDays(startsOn, 41),
          note: '',
          ...tracked(coach.id, startsOn),
        })
        .execute();
      const sentOn = addDays(startsOn, 14);
      const mid = await trx
        .insertInto('work_trial_feedback_link')
        .values({
          work_trial_id: trialId,
          kind: 'midpoint',
          contact_person_id: e.personId,
          language: 'fi',
          token_hash: newLinkToken().tokenHash,
          sent_at: at(sentOn),
          expires_at: linkExpiry(at(sentOn)),
          used_at: at(addDays(sentOn, 2)),
          revoked_at: null,
          created_by: trialCoaching.coach_user_id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('work_trial_feedback')
        .values({
          work_trial_id: trialId,
          link_id: mid.id,
          client_id: trialCoaching.client_id,
          organisation_id: orgId,
          kind: 'midpoint',
          form_version: 1,
          work_readiness: 4,
          work_readiness_note: 'Oppii tehtävät nopeasti ja on täsmällinen.',
          coping: 3,
          coping_note: 'Iltapäivisin väsymystä; tauot auttavat.',
          health_at_work: null,
          health_at_work_note: '',
          social_skills: 5,
          social_skills_note: 'Tulee hyvin toimeen työporukan kanssa.',
          action_at_work: 4,
          action_at_work_note: '',
          overall_note: 'Hyvä alku, jatketaan suunnitellusti.',
          respondent_name: EMPLOYERS[2]!.person,
          answered_at: at(addDays(sentOn, 2), 12),
          answered_on: addDays(sentOn, 2),
        })
        .execute();
      const { token, tokenHash } = newLinkToken();
      const sentFinal = at(addDays(today, -1));
      const { id: finalId } = await trx
        .insertInto('work_trial_feedback_link')
        .values({
          work_trial_id: trialId,
          kind: 'final',
          contact_person_id: e.personId,
          language: 'fi',
          token_hash: tokenHash,
          sent_at: sentFinal,
          expires_at: linkExpiry(sentFinal),
          used_at: null,
          revoked_at: null,
          created_by: trialCoaching.coach_user_id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const message = feedbackMessage(
        'fi',
        personalLinkUrl(publicUrl, FEEDBACK_LINK_PATH, token),
        linkExpiry(sentFinal),
      );
      await enqueueMessage(trx as Trx, {
        channel: 'email',
        recipient: 'pekka.huolto@example.com',
        language: 'fi',
        subject: message.subject,
        body: message.body,
        dedupe_key: `work-trial-feedback:${finalId}`,
        client_id: null,
        created_at: sentFinal,
      });
    }

    // Two fidelity reviews of the team: fair eight months ago, good two months ago.
    const items = await trx.selectFrom('fidelity_item').select('code').orderBy('number').execute();
    for (const [ago, extra, plan] of [
      [
        240,
        0,
        'Työnantajakontaktit viikoittain; etuusneuvonta kaikille asiakkaille; valmentajat mukaan hoitotiimin kokouksiin.',
      ],
      [60, 11, 'Jatketaan: työnhaun nopeutta seurataan kuukausittain.'],
    ] as const) {
      const reviewDate = addDays(today, -ago);
      // Scores of 3–4 per item: 90 (fair) at the first review, 100 (good) at the second.
      const scores = items.map(
        (_, n) => (n < 17 + extra ? 4 : 3) - (extra === 0 && n < 17 && n % 8 === 7 ? 1 : 0),
      );
      const total = fidelityTotal(scores);
      const { id } = await trx
        .insertInto('fidelity_review')
        .values({
          team_id: team.id,
          organisation_id: orgId,
          review_date: reviewDate,
          reviewer_1_name: 'Aino Arvioija',
          reviewer_2_name: 'Eero Esimerkki',
          status: 'final',
          total_score: total,
          band: fidelityBand(total),
          action_plan: plan,
          next_review_due: nextReviewDue(reviewDate, total),
          finalised_at: at(reviewDate, 14),
          finalised_by: coach.id,
          ...tracked(coach.id, reviewDate),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('fidelity_item_score')
        .values(
          items.map((item, n) => ({
            review_id: id,
            item_code: item.code,
            reviewer_1_score: scores[n]!,
            reviewer_2_score: Math.min(5, scores[n]! + (n % 5 === 0 ? 1 : 0)),
            agreed_score: scores[n]!,
            ...tracked(coach.id, reviewDate),
          })),
        )
        .execute();
    }
    return { coachings: cases.length, contacts };
  });
}
