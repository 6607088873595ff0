import { Link, Outlet, useNavigate } from 'react-router';
import { Button, SkipLink } from 'suomifi-ui-components';
import { LoginPage } from '../auth/login-page.tsx';
import { useLogout, useSessionQuery } from '../auth/queries.ts';
import { SessionProvider, useSession } from '../auth/session.tsx';
import { useI18n, useT } from '../i18n/language.tsx';
import { LoadError, Loading } from '../shared/page.tsx';
import { FlashProvider } from './flash.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { MainNavigation } from './main-navigation.tsx';

function UserBox() {
  const t = useT();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { user, membership } = session;
  return (
    <div className="user-box">
      <div className="user-box__text">
        <span className="user-box__name" data-qa="header-user-name">
          {user.firstName} {user.lastName}
        </span>
        <span className="user-box__role" data-qa="header-user-role">
          {t.layout.userInfo(membership.organisationName, t.roles[membership.role])}
        </span>
      </div>
      <Button
        variant="secondary"
        data-qa="logout"
        onClick={() =>
          logout.mutate(undefined, { onSettled: () => navigate('/', { state: { loggedOut: true } }) })
        }
        disabled={logout.isPending}
        className="user-box__logout"
      >
        {t.layout.logout}
      </Button>
    </div>
  );
}

/** Skip link, header (service, language, user), navigation, main, footer: the frame of every page. */
export function Layout() {
  const { t } = useI18n();
  const session = useSessionQuery();
  const signedIn = session.data?.authenticated ? session.data : null;

  const frame = (
    <>
      <SkipLink href="#main" className="skip-link">
        {t.common.skipToContent}
      </SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand" data-qa="brand">
            <span className="brand__name">{t.common.appName}</span>
            <span className="brand__tagline">{t.common.appTagline}</span>
          </Link>
          <div className="app-header__tools">
            <LanguageSwitch />
            {signedIn && <UserBox />}
          </div>
        </div>
      </header>
      {signedIn && <MainNavigation />}
      <main id="main" tabIndex={-1} className="app-main">
        <FlashProvider>
          {session.isPending ? (
            <Loading />
          ) : session.isError ? (
            <LoadError error={session.error} />
          ) : signedIn ? (
            <Outlet />
          ) : (
            <LoginPage />
          )}
        </FlashProvider>
      </main>
      <footer className="app-footer">
        <p>{t.common.footer}</p>
      </footer>
    </>
  );
  return <SessionProvider session={signedIn}>{frame}</SessionProvider>;
}
