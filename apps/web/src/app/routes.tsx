import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout';
import { RequireSignIn } from './require-sign-in';
import { LoginPage } from '../pages/login/login.page';

// One chunk per page: the first screen loads only the sign-in page and the frame.
const WorkbenchPage = lazy(() => import('../pages/workbench/workbench.page'));
const LedgerPage = lazy(() => import('../pages/ledger/ledger.page'));
const AssignmentPage = lazy(() => import('../pages/assignment/assignment.page'));
const InboxPage = lazy(() => import('../pages/inbox/inbox.page'));
const DashboardPage = lazy(() => import('../pages/dashboard/dashboard.page'));
const PlansPage = lazy(() => import('../pages/plans/plans.page'));
const PlanDraftPage = lazy(() => import('../pages/plans/plan-draft.page'));
const UsersPage = lazy(() => import('../pages/admin/users.page'));
const UnitsPage = lazy(() => import('../pages/units/units.page'));
const BulletinsPage = lazy(() => import('../pages/review/bulletins.page'));
const AssessmentsPage = lazy(() => import('../pages/review/assessments.page'));
const TalksPage = lazy(() => import('../pages/review/talks.page'));
const ChannelsPage = lazy(() => import('../pages/admin/channels.page'));
const AuditLogPage = lazy(() => import('../pages/admin/audit-log.page'));
const PasswordPage = lazy(() => import('../pages/account/password.page'));
const NotFoundPage = lazy(() => import('../pages/not-found.page'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    children: [
      { index: true, element: <WorkbenchPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'assignments/:id', element: <AssignmentPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'bulletins', element: <BulletinsPage /> },
      { path: 'bulletins/:id', element: <BulletinsPage /> },
      { path: 'assessments', element: <AssessmentsPage /> },
      { path: 'assessments/:id', element: <AssessmentsPage /> },
      { path: 'talks', element: <TalksPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanDraftPage /> },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      { path: 'admin/units', element: <UnitsPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/channels', element: <ChannelsPage /> },
      { path: 'admin/audit-log', element: <AuditLogPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
