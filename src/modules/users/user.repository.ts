import type { Trx } from '../../server/db/database.ts';

export async function listUsersWithMemberships(
  trx: Trx,
  filter: { id?: string; organisationId?: string } = {},
) {
  let q = trx
    .selectFrom('app_user as u')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.active',
      'u.oidc_subject',
      'u.version',
      eb('u.password_hash', 'is not', null).as('has_password'),
    ])
    .orderBy('u.last_name')
    .orderBy('u.first_name');
  if (filter.id) q = q.where('u.id', '=', filter.id);
  if (filter.organisationId) {
    const org = filter.organisationId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership as m')
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.organisation_id', '=', org),
      ),
    );
  }
  const users = await q.execute();
  if (users.length === 0) return [];
  const memberships = await trx
    .selectFrom('membership')
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .select(['id', 'user_id', 'organisation_id', 'role', 'active'])
    .orderBy('created_at')
    .execute();
  return users.map((u) => ({ ...u, memberships: memberships.filter((m) => m.user_id === u.id) }));
}
export type UserWithMemberships = Awaited<ReturnType<typeof listUsersWithMemberships>>[number];
