import { Navigate, type RouteObject } from 'react-router';
import { SignedInOnly } from './account/guards.js';
import { AppShell } from './AppShell.js';
import { HelpPage } from './help/HelpPage.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { RecoverPage } from './pages/RecoverPage.js';
import { RouteError } from './pages/RouteError.js';
import { PasswordSettings } from './pages/settings/PasswordSettings.js';
import { ProfileSettings } from './pages/settings/ProfileSettings.js';
import { RecoveryCodesSettings } from './pages/settings/RecoveryCodesSettings.js';
import { SessionsSettings } from './pages/settings/SessionsSettings.js';
import { SettingsLayout } from './pages/settings/SettingsLayout.js';
import { SignInPage } from './pages/SignInPage.js';
import { SignUpPage } from './pages/SignUpPage.js';
import { WelcomePage } from './pages/WelcomePage.js';

/**
 * Every page of the web app. Visitor pages send a signed-in member to /home;
 * member pages send a visitor to /sign-in and back. /help is for everyone.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <WelcomePage /> },
      { path: 'help', element: <HelpPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'recover', element: <RecoverPage /> },
      {
        element: <SignedInOnly />,
        children: [
          { path: 'home', element: <HomePage /> },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', element: <ProfileSettings /> },
              { path: 'password', element: <PasswordSettings /> },
              { path: 'sessions', element: <SessionsSettings /> },
              { path: 'recovery-codes', element: <RecoveryCodesSettings /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
