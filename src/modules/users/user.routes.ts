import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { presentUser } from './user.presenter.ts';
import { listUsersWithMemberships } from './user.repository.ts';
import { UserBody, UserDto, UserQuery, UserUpdateBody } from './user.schema.ts';
import { changeUser, createUser, loadUser } from './user.service.ts';

const tags = ['users'];

const list = defineRoute({
  method: 'GET',
  url: '/api/users',
  summary: 'Users with their organisation memberships and roles',
  tags,
  action: 'user.list',
  audit: 'UserList',
  querystring: UserQuery,
  response: z.array(UserDto),
  async handler({ trx, query, audit }) {
    const users = await listUsersWithMemberships(trx, { organisationId: query.organisationId });
    audit.metadata.count = users.length;
    return users.map(presentUser);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/users/:id',
  summary: 'One user',
  tags,
  action: 'user.read',
  audit: 'UserRead',
  params: IdParams,
  response: UserDto,
  async handler({ trx, params, audit }) {
    audit.targetId = params.id;
    return presentUser(await loadUser(trx, params.id));
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/users',
  summary: 'Add a user with memberships',
  tags,
  action: 'user.create',
  audit: 'UserCreate',
  body: UserBody,
  response: UserDto,
  status: 201,
  async handler({ trx, actor, body, audit }) {
    const user = await createUser(trx, actor, body);
    audit.targetId = user.id;
    return presentUser(user);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/users/:id',
  summary: 'Change a user; deactivating ends the user’s sessions',
  tags,
  action: 'user.update',
  audit: 'UserUpdate',
  params: IdParams,
  body: UserUpdateBody,
  response: UserDto,
  async handler({ trx, actor, params, body, audit, now }) {
    audit.targetId = params.id;
    return presentUser(await changeUser(trx, actor, params.id, body, now));
  },
});

export const userRoutes = [list, read, create, update];
