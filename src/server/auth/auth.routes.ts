import { AppError, badRequest, notFound } from '../http/errors.ts';
import { defineRoute } from '../http/route.ts';
import { Ok } from '../http/schemas.ts';
import { presentSession } from './auth.presenter.ts';
import { LoginBody, SessionDto, SwitchMembershipBody } from './auth.schema.ts';
import { activeMemberships, findLoginUser } from './auth.service.ts';
import { verifyPassword } from './password.ts';
import { revokeSession, setSessionMembership } from './session.repository.ts';
import { authenticate, clearSessionCookies, setCsrfCookie, startSession } from './session.service.ts';
import { randomToken } from './tokens.ts';

const tags = ['session'];

const login = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  summary: 'Sign in with e-mail and password',
  tags,
  action: 'session.create',
  audit: 'SessionCreate',
  body: LoginBody,
  response: SessionDto,
  rateLimit: { max: 10, timeWindow: '5 minutes' },
  async handler({ trx, body, reply, app, now, audit }) {
    const user = await findLoginUser(trx, body.email);
    const passwordOk = await verifyPassword(user?.password_hash ?? null, body.password);
    if (!user?.active || !passwordOk) {
      audit.metadata.result = user ? (user.active ? 'wrong_password' : 'inactive_user') : 'unknown_user';
      if (user) audit.targetId = user.id;
      throw new AppError(401, 'invalid_credentials', 'The e-mail address or password is wrong.');
    }
    const [membership] = await activeMemberships(trx, user.id);
    if (!membership)
      throw new AppError(403, 'no_membership', 'Your account has no active organisation role.');
    audit.targetId = user.id;
    const csrfToken = await startSession(trx, reply, app.config, {
      userId: user.id,
      membershipId: membership.id,
      now,
    });
    return presentSession(
      trx,
      {
        userId: user.id,
        membershipId: membership.id,
        organisationId: membership.organisation_id,
        role: membership.role,
        sessionTokenHash: '',
      },
      csrfToken,
      Boolean(app.config.oidc),
    );
  },
});

const readSession = defineRoute({
  method: 'GET',
  url: '/api/auth/session',
  summary: 'The current session, or a CSRF token for signing in',
  tags,
  action: 'session.read',
  audit: 'SessionRead',
  response: SessionDto,
  async handler({ trx, request, reply, app, now }) {
    const session = await authenticate(trx, request, app.config, now);
    const oidcEnabled = Boolean(app.config.oidc);
    if (!session) {
      const csrfToken = request.cookies.tkp_csrf ?? randomToken();
      setCsrfCookie(reply, app.config, csrfToken);
      return { authenticated: false as const, csrfToken, oidcEnabled };
    }
    setCsrfCookie(reply, app.config, session.csrfToken);
    return presentSession(trx, session.actor, session.csrfToken, oidcEnabled);
  },
});

const logout = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  summary: 'Sign out; the session is revoked on the server',
  tags,
  action: 'session.delete',
  audit: 'SessionDelete',
  response: Ok,
  async handler({ trx, actor, reply, app, now }) {
    await revokeSession(trx, actor.sessionTokenHash, now, 'logout');
    clearSessionCookies(reply, app.config);
    return { ok: true as const };
  },
});

const switchMembership = defineRoute({
  method: 'POST',
  url: '/api/auth/membership',
  summary: 'Act in another of your organisations or roles',
  tags,
  action: 'session.switchMembership',
  audit: 'SessionSwitchMembership',
  body: SwitchMembershipBody,
  response: SessionDto,
  async handler({ trx, actor, body, request, app, now, audit }) {
    const memberships = await activeMemberships(trx, actor.userId);
    const target = memberships.find((m) => m.id === body.membershipId);
    if (!target) throw notFound('membership');
    audit.targetId = target.id;
    await setSessionMembership(trx, actor.sessionTokenHash, target.id);
    const session = await authenticate(trx, request, app.config, now);
    if (!session) throw badRequest([], 'The session ended.');
    return presentSession(trx, session.actor, session.csrfToken, Boolean(app.config.oidc));
  },
});

export const authRoutes = [login, readSession, logout, switchMembership];
