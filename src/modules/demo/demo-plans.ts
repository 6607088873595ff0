import type { Db, Trx } from '../../server/db/database.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import type { Role } from '../../server/policy/roles.ts';
import type { Language } from '../clients/client.table.ts';
import type { PlanInput } from '../plans/plan.schema.ts';
import { acknowledgePlan, createPlan, recordReview, savePlan } from '../plans/plan.service.ts';

/**
 * Synthetic joint plans for the demo region: goals in the client's own words (in the client's language), a GAS
 * scale for each, actions with who is responsible, the four assessment areas, review dates and — for cases open
 * long enough — a review or two. Runs after the demo cases exist; does nothing when there are none.
 */

interface GoalTemplate {
  text: string;
  scale: [string, string, string, string, string];
}

const GOALS: Record<Language, GoalTemplate[]> = {
  fi: [
    {
      text: 'Haluan jaksaa käydä työkokeilussa kolmena päivänä viikossa',
      scale: [
        'En käy työkokeilussa lainkaan',
        'Käyn työkokeilussa yhtenä päivänä viikossa',
        'Käyn työkokeilussa kolmena päivänä viikossa',
        'Käyn työkokeilussa neljänä päivänä viikossa',
        'Käyn työkokeilussa viitenä päivänä viikossa',
      ],
    },
    {
      text: 'Haluan saada unirytmin kuntoon, niin että herään aamulla ajoissa',
      scale: [
        'Herään yleensä vasta iltapäivällä',
        'Herään ennen kello 11 kolmena aamuna viikossa',
        'Herään ennen kello 9 arkiaamuisin',
        'Herään ennen kello 8 arkiaamuisin',
        'Herään ennen kello 8 joka aamu ilman herätyskelloa',
      ],
    },
    {
      text: 'Haluan selvittää, mitä alaa voisin opiskella',
      scale: [
        'En ole selvittänyt vaihtoehtoja',
        'Olen käynyt läpi yhden vaihtoehdon',
        'Olen tutustunut kolmeen vaihtoehtoon ja valinnut yhden',
        'Olen hakenut opiskelemaan valitsemalleni alalle',
        'Olen saanut opiskelupaikan',
      ],
    },
    {
      text: 'Haluan liikkua säännöllisesti, jotta selkä kestää paremmin',
      scale: [
        'En liiku lainkaan',
        'Liikun kerran viikossa',
        'Liikun kolme kertaa viikossa',
        'Liikun neljä kertaa viikossa',
        'Liikun viisi kertaa viikossa tai useammin',
      ],
    },
    {
      text: 'Haluan hoitaa raha-asiani itse',
      scale: [
        'Laskuja jää maksamatta joka kuukausi',
        'Maksan osan laskuista ajallaan',
        'Maksan kaikki laskut ajallaan',
        'Maksan laskut ajallaan ja olen tehnyt budjetin',
        'Maksan laskut ajallaan ja säästän joka kuukausi',
      ],
    },
    {
      text: 'Haluan hakea töitä, joissa voin käyttää trukkikorttiani',
      scale: [
        'En ole hakenut yhtään työpaikkaa',
        'Olen hakenut yhtä työpaikkaa',
        'Olen hakenut kolmea työpaikkaa',
        'Olen ollut työhaastattelussa',
        'Olen saanut työpaikan',
      ],
    },
  ],
  sv: [
    {
      text: 'Jag vill orka vara på arbetsprövning tre dagar i veckan',
      scale: [
        'Jag är inte alls på arbetsprövning',
        'Jag är på arbetsprövning en dag i veckan',
        'Jag är på arbetsprövning tre dagar i veckan',
        'Jag är på arbetsprövning fyra dagar i veckan',
        'Jag är på arbetsprövning fem dagar i veckan',
      ],
    },
    {
      text: 'Jag vill komma igång med att röra på mig',
      scale: [
        'Jag rör inte alls på mig',
        'Jag rör på mig en gång i veckan',
        'Jag rör på mig tre gånger i veckan',
        'Jag rör på mig fyra gånger i veckan',
        'Jag rör på mig fem gånger i veckan eller oftare',
      ],
    },
  ],
  en: [
    {
      text: 'I want to improve my Finnish so that I can manage at work',
      scale: [
        'I do not take part in any language course',
        'I take part in a course now and then',
        'I take part in a course every week',
        'I take part every week and speak Finnish at the work trial',
        'I manage my work trial in Finnish without help',
      ],
    },
    {
      text: 'I want to find a work trial in a kitchen',
      scale: [
        'I have not looked for a place',
        'I have contacted one place',
        'I have visited two places and chosen one',
        'I have started the work trial',
        'I have done the work trial for a month',
      ],
    },
  ],
};

const ASSESSMENT: Record<Language, PlanInput['assessment']> = {
  fi: {
    ownGoalsAndSkills:
      'Asiakas haluaa palata työelämään osa-aikaisesti. Aiempaa kokemusta varasto- ja kiinteistöhuoltotöistä; trukkikortti voimassa.',
    workAbilityInUse:
      'Jaksaa tällä hetkellä noin neljän tunnin päivät. Pitkäkestoinen seisominen ja nostot lisäävät selkäkipua.',
    treatmentAndRehabilitationNeed:
      'Fysioterapeutin arvio ja kotiharjoitteet. Unen seuranta terveydenhoitajan vastaanotolla.',
    specialSupportNeed: 'Tarvitsee tukea asiointiin ja aikataulujen muistamiseen.',
  },
  sv: {
    ownGoalsAndSkills: 'Klienten vill tillbaka till arbetslivet på deltid. Erfarenhet av butiksarbete.',
    workAbilityInUse: 'Orkar för närvarande ungefär fyra timmar om dagen.',
    treatmentAndRehabilitationNeed: 'Fysioterapeutisk bedömning och hemövningar.',
    specialSupportNeed: '',
  },
  en: {
    ownGoalsAndSkills:
      'The client wants to work in a restaurant kitchen. Earlier work experience as a cook abroad.',
    workAbilityInUse: 'Manages full days; language skills limit the choice of jobs.',
    treatmentAndRehabilitationNeed: '',
    specialSupportNeed: 'Needs an interpreter for the network meetings.',
  },
};

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Mid-morning in Finland on a calendar date. */
const morningOf = (date: string) => new Date(`${date}T08:00:00Z`);

interface DemoCase {
  id: string;
  client_id: string;
  organisation_id: string;
  opened_on: string;
  created_by: string;
  preferred_language: Language;
  plan_id: string | null;
}

async function actorFor(trx: Trx, kase: DemoCase): Promise<Actor | null> {
  const manager = await trx
    .selectFrom('case_manager_assignment as m')
    .innerJoin('membership as ms', (join) =>
      join.onRef('ms.user_id', '=', 'm.user_id').onRef('ms.organisation_id', '=', 'm.organisation_id'),
    )
    .where('m.case_id', '=', kase.id)
    .where('m.ended_at', 'is', null)
    .where('ms.active', '=', true)
    .select(['m.user_id', 'ms.id as membership_id', 'ms.organisation_id', 'ms.role'])
    .executeTakeFirst();
  const row =
    manager ??
    (await trx
      .selectFrom('membership')
      .where('user_id', '=', kase.created_by)
      .where('active', '=', true)
      .select(['user_id', 'id as membership_id', 'organisation_id', 'role'])
      .executeTakeFirst());
  if (!row) return null;
  return {
    userId: row.user_id,
    membershipId: row.membership_id,
    organisationId: row.organisation_id,
    role: row.role as Role,
    sessionTokenHash: '',
  };
}

async function teamOrganisations(trx: Trx, kase: DemoCase): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_team_member')
    .where('case_id', '=', kase.id)
    .where('removed_at', 'is', null)
    .select('organisation_id')
    .execute();
  return [...new Set([kase.organisation_id, ...rows.map((r) => r.organisation_id)])];
}

/** Adds plans to about two open cases in three; the clock is the demo's (the real one when the app starts). */
export async function loadDemoPlans(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const today = finnishDate(now);
    const cases = (await trx
      .selectFrom('client_case as k')
      .innerJoin('client as c', 'c.id', 'k.client_id')
      .leftJoin('care_plan as p', 'p.case_id', 'k.id')
      .where('k.closed_on', 'is', null)
      .select([
        'k.id',
        'k.client_id',
        'k.organisation_id',
        'k.opened_on',
        'k.created_by',
        'c.preferred_language',
        'p.id as plan_id',
      ])
      .orderBy('k.opened_on')
      .orderBy('k.id')
      .execute()) as DemoCase[];
    let made = 0;
    for (const [i, kase] of cases.entries()) {
      if (i % 3 === 2 || kase.plan_id) continue;
      const actor = await actorFor(trx, kase);
      if (!actor) continue;
      const language = kase.preferred_language;
      const pool = GOALS[language];
      const goals = [0, 1, 2]
        .slice(0, Math.min(pool.length, 2 + (i % 2)))
        .map((k) => pool[(i + k) % pool.length]!)
        .map((g, k) => ({
          text: g.text,
          scale: {
            minus2: g.scale[0],
            minus1: g.scale[1],
            zero: g.scale[2],
            plus1: g.scale[3],
            plus2: g.scale[4],
          },
          weight: k === 0 ? 2 : 1,
          targetDate: addDays(kase.opened_on, 180),
          baseline: (k === 1 && i % 4 === 0 ? -2 : -1) as -2 | -1,
        }));
      const organisations = await teamOrganisations(trx, kase);
      const madeOn = [addDays(kase.opened_on, 14), today].sort()[0]!;
      const input: PlanInput = {
        goals,
        actions: [
          {
            description:
              language === 'fi'
                ? 'Verkostotapaaminen ja työnjaon sopiminen'
                : language === 'sv'
                  ? 'Nätverksmöte och arbetsfördelning'
                  : 'Network meeting and sharing the work',
            goalIds: [],
            responsibleOrganisationId: kase.organisation_id,
            responsibleUserId: actor.organisationId === kase.organisation_id ? actor.userId : null,
            dueDate: addDays(madeOn, 21),
            status: 'planned',
          },
          {
            description:
              language === 'fi'
                ? 'Työkokeilupaikan etsiminen'
                : language === 'sv'
                  ? 'Söka en plats för arbetsprövning'
                  : 'Looking for a work trial place',
            goalIds: [],
            responsibleOrganisationId: organisations[organisations.length - 1]!,
            responsibleUserId: null,
            dueDate: addDays(madeOn, 60),
            status: 'planned',
          },
        ],
        assessment: ASSESSMENT[language],
        reviewDates: [addDays(kase.opened_on, 90), addDays(kase.opened_on, 180)],
      };
      const planId = await createPlan(trx, actor, kase.id, input, morningOf(madeOn));
      await acknowledgePlan(trx, planId, 1, 'in_person', actor, morningOf(madeOn));
      made++;

      // A month later the first action is done and the second under way: version 2.
      const secondSave = addDays(madeOn, 30);
      if (secondSave > today) continue;
      const stored = await trx
        .selectFrom('care_plan')
        .where('id', '=', planId)
        .select('content')
        .executeTakeFirstOrThrow();
      const content = stored.content;
      await savePlan(
        trx,
        actor,
        planId,
        {
          ...content,
          actions: content.actions.map((a, k) => ({ ...a, status: k === 0 ? 'done' : 'in_progress' })),
          version: 1,
        },
        morningOf(secondSave),
      );

      // GAS reviews on the review dates that have passed.
      for (const [r, reviewDate] of input.reviewDates.entries()) {
        if (reviewDate > today) break;
        await recordReview(
          trx,
          actor,
          planId,
          {
            planVersion: 2,
            reviewDate,
            attainments: content.goals.map((g, k) => ({
              goalId: g.id,
              level: Math.min(2, -1 + r + ((i + k) % 3)),
            })),
            note: '',
          },
          morningOf(reviewDate),
        );
      }
    }
    return made;
  });
}
