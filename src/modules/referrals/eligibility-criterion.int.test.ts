import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation } from '../../../test/support/builders.ts';
import { login, makeTeam } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Login = Awaited<ReturnType<typeof login>>;

describeEachEngine('eligibility criteria API', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Login;
  let worker: Login;
  let team: { id: string };
  const criterion = (n: number) => ({
    textFi: `Kriteeri ${n}`,
    textSv: `Kriterium ${n}`,
    textEn: `Criterion ${n}`,
  });

  beforeAll(async () => {
    const org = await makeOrganisation(ctx().db);
    admin = await login(ctx(), org.id, 'admin');
    worker = await login(ctx(), org.id, 'coordinator');
    team = await makeTeam(ctx().db, org.id);
  });

  it('gives a team the network’s eight criteria until it has its own', async () => {
    const res = await worker.api.get(`/api/eligibility-criteria?teamId=${team.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ teamId: team.id, source: 'network', listVersion: 0 });
    expect(res.body.criteria).toHaveLength(8);
    expect(res.body.criteria[0]).toMatchObject({ ordinal: 1, textEn: 'Age 18–65' });
  });

  it('lets an admin give the team its own list, and go back to the default with an empty one', async () => {
    expect(
      (await worker.api.put(`/api/eligibility-criteria?teamId=${team.id}`, { criteria: [], listVersion: 0 }))
        .status,
    ).toBe(403);
    const own = await admin.api.put(`/api/eligibility-criteria?teamId=${team.id}`, {
      criteria: [criterion(1), criterion(2)],
      listVersion: 0,
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ source: 'team', listVersion: 2 });
    const stale = await admin.api.put(`/api/eligibility-criteria?teamId=${team.id}`, {
      criteria: [],
      listVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });

    const [first] = own.body.criteria;
    const edited = await admin.api.put(`/api/eligibility-criteria?teamId=${team.id}`, {
      criteria: [{ id: first.id, ...criterion(9) }],
      listVersion: own.body.listVersion,
    });
    expect(edited.body.criteria).toEqual([{ id: first.id, ordinal: 1, ...criterion(9) }]);

    const back = await admin.api.put(`/api/eligibility-criteria?teamId=${team.id}`, {
      criteria: [],
      listVersion: edited.body.listVersion,
    });
    expect(back.body).toMatchObject({ source: 'network' });
    expect(back.body.criteria).toHaveLength(8);
    const retired = await ctx()
      .db.selectFrom('eligibility_criterion')
      .select('active')
      .where('team_id', '=', team.id)
      .execute();
    expect(retired.every((r) => !r.active)).toBe(true);
  });

  it('refuses an empty network list and criteria of another list (400 naming the field)', async () => {
    const network = (await admin.api.get('/api/eligibility-criteria')).body;
    const empty = await admin.api.put('/api/eligibility-criteria', {
      criteria: [],
      listVersion: network.listVersion,
    });
    expect(empty.body.error.details.issues[0].field).toBe('body.criteria');
    const foreign = await admin.api.put(`/api/eligibility-criteria?teamId=${team.id}`, {
      criteria: [{ id: network.criteria[0].id, ...criterion(1) }],
      listVersion: (await admin.api.get(`/api/eligibility-criteria?teamId=${team.id}`)).body.listVersion,
    });
    expect(foreign.body.error.details.issues[0].field).toBe('body.criteria.0.id');
  });
});
