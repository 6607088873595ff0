import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { login, makeTeam, pathwayId, phasesOf } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import type { ReportDto } from '../reports/report.schema.ts';

/**
 * The employment figures of the management report on a small hand-made region. Every expected value below is
 * worked out by hand from the rows inserted here (period 2026-01-01 … 2026-02-28, 59 days, 8.43 weeks).
 */
const PERIOD = 'from=2026-01-01&to=2026-02-28';

function table(report: ReportDto, id: string, key: string) {
  const f = report.figures.find((x) => x.id === id);
  const t = f?.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key} in ${id}`);
  return Object.fromEntries(
    t.rows.map((r) => [r.key, Object.fromEntries(t.columns.map((c) => [c.key, r.cells[c.key]!.value]))]),
  );
}

describeEachEngine('employment figures of the report', (engine) => {
  const ctx = useTestContext(engine);
  let manager: Awaited<ReturnType<typeof login>>;
  let teamJ: { id: string };
  let report: ReportDto;

  beforeAll(async () => {
    const { db } = ctx();
    const orgJ = await makeOrganisation(db, { type: 'foundation' });
    const orgB = await makeOrganisation(db, { type: 'sote_centre' });
    const orgX = await makeOrganisation(db, { type: 'ngo' });
    manager = await login(ctx(), orgJ.id, 'manager');
    const coach1 = await makeUser(db, orgJ.id, 'job_coach');
    const coach2 = await makeUser(db, orgJ.id, 'job_coach');
    const coachX = await makeUser(db, orgX.id, 'job_coach');
    const coordB = await makeUser(db, orgB.id, 'coordinator');
    teamJ = await makeTeam(db, orgJ.id, [coach1.id, coach2.id], 'IPS-tiimi');
    const teamB = await makeTeam(db, orgB.id, [coordB.id]);
    const teamX = await makeTeam(db, orgX.id, [coachX.id]);
    const pathway = await pathwayId(db, 'supported_employment');
    const [phase] = await phasesOf(db, 'supported_employment');
    const by = { created_by: coordB.id, updated_by: coordB.id };

    async function coaching(o: {
      coachId: string;
      orgId?: string;
      teamId?: string;
      model: 'ips' | 'quality_criteria';
      intensity: 'intensive' | 'light_support';
      startedOn: string;
      endedOn?: string;
    }) {
      const client = await makeClient(db, orgB.id, coordB.id);
      const k = await db
        .insertInto('client_case')
        .values({
          client_id: client.id,
          referral_id: null,
          team_id: teamB.id,
          organisation_id: orgB.id,
          pathway_id: pathway,
          current_phase_id: phase!.id,
          phase_changed_on: '2025-10-01',
          opened_on: '2025-10-01',
          closed_on: null,
          outcome_code: null,
          closing_note: null,
          ...by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return db
        .insertInto('coaching')
        .values({
          client_id: client.id,
          case_id: k.id,
          organisation_id: o.orgId ?? orgJ.id,
          team_id: o.teamId ?? teamJ.id,
          coach_user_id: o.coachId,
          kind: 'pathway',
          intensity: o.intensity,
          model: o.model,
          started_on: o.startedOn,
          ended_on: o.endedOn ?? null,
          end_reason: o.endedOn ? 'employed' : null,
          ...by,
        })
        .returning(['id', 'client_id', 'organisation_id'])
        .executeTakeFirstOrThrow();
    }
    const employer = await db
      .insertInto('employer')
      .values({
        organisation_id: orgJ.id,
        business_id: '0112038-9',
        name: 'Työnantaja Oy',
        municipality: 'Kuopio',
        ...by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const supervisor = await db
      .insertInto('employer_contact_person')
      .values({
        employer_id: employer.id,
        organisation_id: orgJ.id,
        name: 'Ohjaaja',
        email: 'o@example.com',
        phone: null,
        ...by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    async function contact(coachId: string, on: string, coachingId: string | null = null, orgId = orgJ.id) {
      await db
        .insertInto('employer_contact')
        .values({
          employer_id: employer.id,
          organisation_id: orgId,
          coach_user_id: coachId,
          contact_person_id: null,
          coaching_id: coachingId,
          client_name_disclosed: false,
          contacted_on: on,
          mode: 'phone',
          purpose: coachingId ? 'client_introduction' : 'job_development',
          outcome: 'other',
          ...by,
        })
        .execute();
    }
    async function job(
      k: { id: string; client_id: string },
      o: { on: string; hours: number; open: boolean; subsidy: boolean; endedOn?: string },
    ) {
      await db
        .insertInto('job_placement')
        .values({
          coaching_id: k.id,
          client_id: k.client_id,
          organisation_id: orgJ.id,
          employer_id: employer.id,
          job_opening_id: null,
          title: 'Työ',
          hours_per_week: o.hours,
          pay_subsidy: o.subsidy,
          open_labour_market: o.open,
          started_on: o.on,
          ended_on: o.endedOn ?? null,
          end_reason: o.endedOn ? 'contract_ended' : null,
          ...by,
        })
        .execute();
    }
    async function trial(
      k: { id: string; client_id: string },
      startsOn: string,
      endsOn: string,
      interruptedOn: string | null = null,
    ) {
      return db
        .insertInto('work_trial')
        .values({
          coaching_id: k.id,
          client_id: k.client_id,
          organisation_id: orgJ.id,
          employer_id: employer.id,
          supervisor_contact_person_id: supervisor.id,
          tasks: 'Tehtävät',
          goals: 'Tavoitteet',
          hours_per_week: 20,
          starts_on: startsOn,
          ends_on: endsOn,
          interrupted_on: interruptedOn,
          interruption_note: null,
          ...by,
        })
        .returning(['id', 'client_id'])
        .executeTakeFirstOrThrow();
    }
    async function feedback(
      w: { id: string; client_id: string },
      kind: 'midpoint' | 'final',
      on: string,
      s: (number | null)[],
    ) {
      const link = await db
        .insertInto('work_trial_feedback_link')
        .values({
          work_trial_id: w.id,
          kind,
          contact_person_id: supervisor.id,
          language: 'fi',
          token_hash: randomBytes(32).toString('hex'),
          sent_at: new Date(`${on}T08:00:00Z`),
          expires_at: new Date(`${on}T20:00:00Z`),
          used_at: new Date(`${on}T10:00:00Z`),
          revoked_at: null,
          created_by: coach1.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('work_trial_feedback')
        .values({
          work_trial_id: w.id,
          link_id: link.id,
          client_id: w.client_id,
          organisation_id: orgJ.id,
          kind,
          form_version: 1,
          work_readiness: s[0]!,
          coping: s[1]!,
          health_at_work: s[2]!,
          social_skills: s[3]!,
          action_at_work: s[4]!,
          respondent_name: 'Ohjaaja',
          answered_at: new Date(`${on}T10:00:00Z`),
          answered_on: on,
        })
        .execute();
    }
    async function review(
      teamId: string,
      orgId: string,
      date: string,
      total: number | null,
      band: string | null,
    ) {
      await db
        .insertInto('fidelity_review')
        .values({
          team_id: teamId,
          organisation_id: orgId,
          review_date: date,
          reviewer_1_name: 'A',
          reviewer_2_name: 'B',
          status: total === null ? 'draft' : 'final',
          total_score: total,
          band: band as 'good' | null,
          next_review_due: null,
          finalised_at: total === null ? null : new Date(`${date}T12:00:00Z`),
          finalised_by: total === null ? null : coach1.id,
          ...by,
        })
        .execute();
    }

    const k1 = await coaching({
      coachId: coach1.id,
      model: 'ips',
      intensity: 'intensive',
      startedOn: '2026-01-05',
    });
    const k2 = await coaching({
      coachId: coach2.id,
      model: 'ips',
      intensity: 'light_support',
      startedOn: '2026-01-12',
    });
    const k3 = await coaching({
      coachId: coach1.id,
      model: 'quality_criteria',
      intensity: 'intensive',
      startedOn: '2025-11-03',
      endedOn: '2026-01-30',
    });
    const k4 = await coaching({
      coachId: coach1.id,
      model: 'ips',
      intensity: 'intensive',
      startedOn: '2026-02-10',
    });
    await coaching({
      coachId: coach2.id,
      model: 'quality_criteria',
      intensity: 'light_support',
      startedOn: '2026-03-05',
    });
    const kx = await coaching({
      coachId: coachX.id,
      orgId: orgX.id,
      teamId: teamX.id,
      model: 'ips',
      intensity: 'intensive',
      startedOn: '2026-01-05',
    });

    // Contacts: coach1 51 in the period (2 about clients), coach2 2 (1 about a client); outside: before, after, X.
    await contact(coach1.id, '2026-01-15', k1.id);
    await contact(coach1.id, '2026-02-12', k4.id);
    for (let i = 0; i < 49; i++) await contact(coach1.id, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    await contact(coach2.id, '2026-02-21', k2.id);
    await contact(coach2.id, '2026-02-01');
    await contact(coach1.id, '2025-11-10', k3.id);
    await contact(coach1.id, '2026-03-01');
    await contact(coachX.id, '2026-01-10', kx.id, orgX.id);

    await job(k1, { on: '2026-02-02', hours: 20, open: true, subsidy: false });
    await job(k2, { on: '2026-02-23', hours: 3, open: true, subsidy: false });
    await job(k3, { on: '2025-12-01', hours: 37.5, open: true, subsidy: true, endedOn: '2026-02-13' });
    await job(k4, { on: '2026-02-20', hours: 8, open: false, subsidy: false });
    await job(kx, { on: '2026-02-01', hours: 30, open: true, subsidy: false });

    const w1 = await trial(k1, '2026-01-20', '2026-02-14');
    const w2 = await trial(k2, '2026-02-01', '2026-02-27', '2026-02-10');
    await feedback(w1, 'midpoint', '2026-02-01', [4, 3, null, 5, 4]);
    await feedback(w1, 'final', '2026-02-14', [5, 4, 3, 5, 5]);
    await feedback(w2, 'midpoint', '2026-02-05', [2, 2, null, 3, 2]);

    await review(teamJ.id, orgJ.id, '2025-06-01', 90, 'fair');
    await review(teamJ.id, orgJ.id, '2026-02-01', 104, 'good');
    await review(teamJ.id, orgJ.id, '2026-02-20', null, null);
    await review(teamJ.id, orgJ.id, '2026-04-01', 120, 'exemplary');
    await review(teamX.id, orgX.id, '2026-01-15', 70, 'not_supported_employment');

    const res = await manager.api.get(`/api/reports/team?${PERIOD}`);
    expect(res.status).toBe(200);
    report = res.body;
  });

  it('counts clients in coaching by model and intensity', () => {
    expect(table(report, 'employment.coaching', 'by_model')).toEqual({
      ips: { open: 3, started: 3, ended: 0 },
      quality_criteria: { open: 1, started: 0, ended: 1 },
      total: { open: 4, started: 3, ended: 1 },
    });
    expect(table(report, 'employment.coaching', 'by_intensity')).toEqual({
      intensive: { count: 3, share: 75 },
      light_support: { count: 1, share: 25 },
      total: { count: 4, share: 100 },
    });
  });

  it('counts employer contacts per coach per week', () => {
    // 53 contacts / 2 coaches / (59 / 7) weeks = 3.14; coach1's 51 ≥ 6 × 8.43 = 50.6.
    expect(table(report, 'employment.employer_contacts', 'per_coach_week')).toEqual({
      all: { coaches: 2, contacts: 53, per_week: 3.14, meeting: 1, meeting_share: 50 },
    });
  });

  it('counts job starts of 4 hours a week or more by labour market and subsidy', () => {
    expect(table(report, 'employment.job_starts', 'job_starts')).toEqual({
      open_labour_market: { count: 1, share: 50 },
      open_pay_subsidy: { count: 0, share: 0 },
      other: { count: 1, share: 50 },
      total: { count: 2, share: 100 },
    });
  });

  it('measures the days to the first employer contact and to the first job (medians)', () => {
    expect(table(report, 'employment.time_to_first_contact', 'days')).toEqual({
      coachings: { n: 3, median: 10, within: 2, beyond: 1, within_share: 66.7 },
    });
    expect(table(report, 'employment.time_to_first_job', 'days')).toEqual({
      coachings: { n: 2, median: 19 },
    });
  });

  it('measures job tenure of ended and continuing jobs', () => {
    expect(table(report, 'employment.job_tenure', 'tenure')).toEqual({
      ended: { n: 1, median: 74 },
      ongoing: { n: 2, median: 17 },
    });
  });

  it('counts work trials and averages the supervisors’ ratings', () => {
    expect(table(report, 'employment.work_trials', 'trials')).toEqual({
      started: { count: 2 },
      interrupted: { count: 1 },
      midpoint: { count: 2 },
      final: { count: 1 },
    });
    expect(table(report, 'employment.work_trials', 'scores')).toEqual({
      work_readiness: { n_midpoint: 2, mean_midpoint: 3, n_final: 1, mean_final: 5 },
      coping: { n_midpoint: 2, mean_midpoint: 2.5, n_final: 1, mean_final: 4 },
      health_at_work: { n_midpoint: 0, mean_midpoint: null, n_final: 1, mean_final: 3 },
      social_skills: { n_midpoint: 2, mean_midpoint: 4, n_final: 1, mean_final: 5 },
      action_at_work: { n_midpoint: 2, mean_midpoint: 3, n_final: 1, mean_final: 5 },
    });
  });

  it('shows the latest final fidelity review of each team by the end of the period', () => {
    const f = report.figures.find((x) => x.id === 'employment.fidelity')!;
    const rows = f.tables[0]!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: teamJ.id,
      label: { fi: 'IPS-tiimi' },
      detail: { en: 'Good (100–114), 2026-02-01' },
    });
    expect(rows[0]!.cells.total!.value).toBe(104);
    expect(f.definition.en).toContain('latest final IPS fidelity review');
  });

  it('hides small counts in the external version and exports the figures', async () => {
    const res = await manager.api.get(`/api/reports/team?${PERIOD}&audience=external`);
    const ext: ReportDto = res.body;
    const starts = ext.figures.find((x) => x.id === 'employment.job_starts')!.tables[0]!;
    const open = starts.rows.find((r) => r.key === 'open_labour_market')!;
    expect(open.cells.count).toEqual({ value: null, suppressed: 'small' });
    const fidelity = ext.figures.find((x) => x.id === 'employment.fidelity')!.tables[0]!;
    expect(fidelity.rows[0]!.cells.total!.value).toBe(104);
    const csv = await manager.api.get(`/api/reports/team.csv?${PERIOD}&audience=external&lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.raw.body).toContain('Employer contacts per coach per week');
    expect(csv.raw.body).toContain('<5');
    const xlsx = await manager.api.get(`/api/reports/team.xlsx?${PERIOD}&audience=external&lang=sv`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheet');
  });
});
