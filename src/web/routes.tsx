import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { SignedInOnly } from './account/guards.js';
import { AppShell } from './AppShell.js';
import { Loading } from './design/index.js';
import { HelpPage } from './help/HelpPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { RecoverPage } from './pages/RecoverPage.js';
import { RouteError } from './pages/RouteError.js';
import { SettingsLayout } from './pages/settings/SettingsLayout.js';
import { SignInPage } from './pages/SignInPage.js';
import { SignUpPage } from './pages/SignUpPage.js';
import { WelcomePage } from './pages/WelcomePage.js';

/**
 * A page loaded when first visited: the community and settings pages stay out
 * of the first download, so the welcome and "Get help now" pages load fast on
 * a slow phone.
 */
function page<Module extends Record<string, unknown>>(load: () => Promise<Module>, name: keyof Module & string) {
  return async () => {
    const module = await load();
    return { Component: module[name] as ComponentType };
  };
}

/**
 * Every page of the web app. Visitor pages send a signed-in member to /home;
 * member pages send a visitor to /sign-in and back. /help is for everyone.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    // Shown only while a lazily loaded page arrives on the very first load.
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: <WelcomePage /> },
      { path: 'help', element: <HelpPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'recover', element: <RecoverPage /> },
      {
        element: <SignedInOnly />,
        children: [
          { path: 'home', lazy: page(() => import('./pages/HomePage.js'), 'HomePage') },
          { path: 'welcome-in', lazy: page(() => import('./pages/community/OnboardingPage.js'), 'OnboardingPage') },
          { path: 'groups', lazy: page(() => import('./pages/community/GroupsPage.js'), 'GroupsPage') },
          { path: 'groups/:slug', lazy: page(() => import('./pages/community/GroupPage.js'), 'GroupPage') },
          { path: 'groups/:slug/new', lazy: page(() => import('./pages/community/ComposePage.js'), 'ComposePage') },
          { path: 'posts/:postId', lazy: page(() => import('./pages/community/ThreadPage.js'), 'ThreadPage') },
          { path: 'posts/:postId/edit', lazy: page(() => import('./pages/community/EditPostPage.js'), 'EditPostPage') },
          { path: 'members/:handle', lazy: page(() => import('./pages/community/MemberProfilePage.js'), 'MemberProfilePage') },
          { path: 'search', lazy: page(() => import('./pages/community/SearchPage.js'), 'SearchPage') },
          { path: 'safety', lazy: page(() => import('./safety-team/DashboardPage.js'), 'SafetyDashboardPage') },
          { path: 'messages', lazy: page(() => import('./messages/MessagesPage.js'), 'MessagesPage') },
          { path: 'messages/requests', lazy: page(() => import('./messages/MessagesPage.js'), 'RequestsPage') },
          { path: 'messages/:id', lazy: page(() => import('./messages/ConversationPage.js'), 'ConversationPage') },
          { path: 'notifications', lazy: page(() => import('./notifications/NotificationsPage.js'), 'NotificationsPage') },
          { path: 'safety/review', lazy: page(() => import('./safety-team/ReviewPage.js'), 'ReviewPage') },
          { path: 'safety/figures', lazy: page(() => import('./safety-team/FiguresPage.js'), 'FiguresPage') },
          // moderation (issue 13): reports and the queue
          { path: 'moderation', lazy: page(() => import('./moderation/QueuePage.js'), 'QueuePage') },
          { path: 'moderation/items/:id', lazy: page(() => import('./moderation/QueueItemPage.js'), 'QueueItemPage') },
          //
          // moderation: actions, sanctions and appeals
          { path: 'moderation/appeals', lazy: page(() => import('./moderation/AppealsPage.js'), 'AppealsPage') },
          //
          // moderation: public log
          { path: 'groups/:slug/log', lazy: page(() => import('./moderation/GroupModerationLogPage.js'), 'GroupModerationLogPage') },
          //
          // moderation: automod and new members
          { path: 'groups/:slug/automod', lazy: page(() => import('./moderation/AutomodPages.js'), 'AutomodGroupPage') },
          //
          // moderation: staff screens (members, groups)
          { path: 'groups/new', lazy: page(() => import('./pages/community/NewGroupPage.js'), 'NewGroupPage') },
          { path: 'groups/:slug/manage', lazy: page(() => import('./pages/community/ManageGroupPage.js'), 'ManageGroupPage') },
          //
          {
            // Admins only; anyone else is told so (the API refuses them too).
            path: 'admin',
            lazy: page(() => import('./pages/admin/AdminOnly.js'), 'AdminOnly'),
            children: [
              { index: true, element: <Navigate to="hotlines" replace /> },
              {
                path: 'hotlines',
                lazy: page(() => import('./pages/admin/HotlinesAdminPage.js'), 'HotlinesAdminPage'),
              },
              { path: 'assessor', lazy: page(() => import('./pages/admin/AssessorPage.js'), 'AssessorPage') },
              // admin, moderation: audit log and figures
              { path: 'audit', lazy: page(() => import('./moderation/AuditLogPage.js'), 'AuditLogPage') },
              { path: 'moderation-figures', lazy: page(() => import('./moderation/ModerationFiguresPage.js'), 'ModerationFiguresPage') },
              //
              // admin, moderation: automod
              { path: 'automod', lazy: page(() => import('./moderation/AutomodPages.js'), 'AutomodAdminPage') },
              //
              // admin, moderation: members
              { path: 'members', lazy: page(() => import('./pages/admin/MembersAdminPage.js'), 'MembersAdminPage') },
              { path: 'reveals', lazy: page(() => import('./pages/admin/RevealsAdminPage.js'), 'RevealsAdminPage') },
              //
              {
                path: 'hotlines/new',
                lazy: page(() => import('./pages/admin/HotlineCountryPage.js'), 'HotlineCountryPage'),
              },
              { path: 'safety', lazy: page(() => import('./pages/admin/SafetySettingsPage.js'), 'SafetySettingsPage') },
              {
                path: 'hotlines/:countryCode',
                lazy: page(() => import('./pages/admin/HotlineCountryPage.js'), 'HotlineCountryPage'),
              },
            ],
          },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="profile" replace /> },
              { path: 'profile', lazy: page(() => import('./pages/settings/ProfileSettings.js'), 'ProfileSettings') },
              {
                path: 'community',
                lazy: page(() => import('./pages/settings/CommunitySettings.js'), 'CommunitySettings'),
              },
              {
                path: 'blocked-and-muted',
                lazy: page(() => import('./pages/settings/BoundariesSettings.js'), 'BoundariesSettings'),
              },
              // private messages: who may send requests, receipts, typing
              { path: 'messages', lazy: page(() => import('./pages/settings/MessageSettings.js'), 'MessageSettings') },
              {
                path: 'password',
                lazy: page(() => import('./pages/settings/PasswordSettings.js'), 'PasswordSettings'),
              },
              {
                path: 'sessions',
                lazy: page(() => import('./pages/settings/SessionsSettings.js'), 'SessionsSettings'),
              },
              {
                path: 'recovery-codes',
                lazy: page(() => import('./pages/settings/RecoveryCodesSettings.js'), 'RecoveryCodesSettings'),
              },
              // moderation: reports
              { path: 'reports', lazy: page(() => import('./moderation/ReportsMyPage.js'), 'MyReportsPage') },
              // settings, moderation: actions, sanctions and appeals (the member's own page)
              { path: 'moderation', lazy: page(() => import('./moderation/MyModerationPage.js'), 'MyModerationPage') },
              // notifications (issue 15)
              { path: 'notifications', lazy: page(() => import('./pages/settings/NotificationSettings.js'), 'NotificationSettings') },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
