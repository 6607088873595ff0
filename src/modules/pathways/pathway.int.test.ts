import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation } from '../../../test/support/builders.ts';
import { login } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Login = Awaited<ReturnType<typeof login>>;

describeEachEngine('pathways API', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Login;
  let worker: Login;
  const phase = (name: string) => ({ nameFi: name, nameSv: `${name} (sv)`, nameEn: `${name} (en)` });
  const pathway = {
    code: 'work_trial',
    nameFi: 'Työkokeilupolku',
    nameSv: 'Arbetsprövningsstig',
    nameEn: 'Work trial path',
    staleAfterDays: 45,
    phases: [phase('Suunnittelu'), phase('Kokeilu'), phase('Arviointi')],
  };

  beforeAll(async () => {
    const org = await makeOrganisation(ctx().db);
    admin = await login(ctx(), org.id, 'admin');
    worker = await login(ctx(), org.id, 'coordinator');
  });

  it('ships the three pathways of the seeds with their phases in order', async () => {
    expect((await new ApiClient(ctx().app).get('/api/pathways')).status).toBe(401);
    const res = await worker.api.get('/api/pathways');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.map((p: { code: string }) => [p.code, p]));
    expect(byCode.work_ability_team.phases.map((p: { ordinal: number }) => p.ordinal)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(byCode.multi_agency_employment.phases.map((p: { nameEn: string }) => p.nameEn)).toEqual([
      'Mapping',
      'Rehabilitation',
      'Training and employment',
    ]);
    expect(byCode.supported_employment).toMatchObject({ staleAfterDays: 30 });
    expect(byCode.supported_employment.phases).toHaveLength(5);
  });

  it('lets only an admin add one (403), naming invalid fields (400) and refusing a duplicate code (409)', async () => {
    expect((await worker.api.post('/api/pathways', pathway)).status).toBe(403);
    const bad = await admin.api.post('/api/pathways', {
      ...pathway,
      code: 'Bad Code',
      staleAfterDays: 0,
      phases: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.code', 'body.staleAfterDays', 'body.phases']),
    );
    const created = await admin.api.post('/api/pathways', pathway);
    expect(created.status).toBe(201);
    expect(created.body.phases.map((p: { nameFi: string }) => p.nameFi)).toEqual([
      'Suunnittelu',
      'Kokeilu',
      'Arviointi',
    ]);
    expect((await admin.api.post('/api/pathways', pathway)).status).toBe(409);
  });

  it('reorders, renames and removes phases, keeping their ids; a stale version gets 409', async () => {
    const current = (await admin.api.get('/api/pathways')).body.find(
      (p: { code: string }) => p.code === 'work_trial',
    );
    const [plan, trial] = current.phases;
    const body = {
      ...pathway,
      code: undefined,
      staleAfterDays: 20,
      active: true,
      version: current.version,
      phases: [
        { ...trial, ...phase('Kokeilu') },
        { id: plan.id, ...phase('Suunnitelma') },
        phase('Seuranta'),
      ],
    };
    const res = await admin.api.put(`/api/pathways/${current.id}`, body);
    expect(res.status).toBe(200);
    expect(
      res.body.phases.map((p: { id: string; nameFi: string; ordinal: number }) => [p.nameFi, p.ordinal]),
    ).toEqual([
      ['Kokeilu', 1],
      ['Suunnitelma', 2],
      ['Seuranta', 3],
    ]);
    expect(res.body.phases[0].id).toBe(trial.id);
    expect(res.body.staleAfterDays).toBe(20);
    const stale = await admin.api.put(`/api/pathways/${current.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const foreign = await admin.api.put(`/api/pathways/${current.id}`, {
      ...body,
      version: res.body.version,
      phases: [{ id: '00000000-0000-4000-8000-000000000000', ...phase('X') }],
    });
    expect(foreign.body.error.details.issues[0].field).toBe('body.phases.0.id');
  });
});
