import { createHashRouter, Navigate } from 'react-router';
import { Shell } from './Shell';

/** Each screen is its own chunk, loaded when first visited (the first screen stays small). */
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      {
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../features/dashboard/DashboardPage')).DashboardPage,
        }),
      },
      {
        path: 'customers',
        lazy: async () => ({
          Component: (await import('../features/customers/CustomersPage')).CustomersPage,
        }),
      },
      {
        path: 'customers/:id',
        lazy: async () => ({
          Component: (await import('../features/customers/CustomerDetailPage')).CustomerDetailPage,
        }),
      },
      {
        path: 'deals',
        lazy: async () => ({ Component: (await import('../features/deals/BoardPage')).BoardPage }),
      },
      {
        path: 'deals/:id',
        lazy: async () => ({ Component: (await import('../features/deals/DealPage')).DealPage }),
      },
      {
        path: 'key-deals',
        lazy: async () => ({
          Component: (await import('../features/deals/KeyDealsPage')).KeyDealsPage,
        }),
      },
      {
        path: 'scorecards',
        lazy: async () => ({
          Component: (await import('../features/scores/TeamScorecardPage')).TeamScorecardPage,
        }),
      },
      {
        path: 'scorecards/:repId',
        lazy: async () => ({
          Component: (await import('../features/scores/RepScorecardPage')).RepScorecardPage,
        }),
      },
      {
        path: 'calendar',
        lazy: async () => ({
          Component: (await import('../features/calendar/CalendarPage')).CalendarPage,
        }),
      },
      {
        path: 'follow-ups',
        lazy: async () => ({
          Component: (await import('../features/followups/FollowUpsPage')).FollowUpsPage,
        }),
      },
      {
        path: 'grading',
        lazy: async () => ({
          Component: (await import('../features/grading/GradingMatrixPage')).GradingMatrixPage,
        }),
      },
      {
        path: 'team',
        lazy: async () => ({ Component: (await import('../features/team/TeamPage')).TeamPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({
          Component: (await import('../features/reports/ReportsPage')).ReportsPage,
        }),
      },
      {
        path: 'reports/:name',
        lazy: async () => ({
          Component: (await import('../features/reports/ReportPage')).ReportPage,
        }),
      },
      {
        path: 'targets',
        lazy: async () => ({
          Component: (await import('../features/targets/TargetsPage')).TargetsPage,
        }),
      },
      {
        path: 'weekly',
        lazy: async () => ({
          Component: (await import('../features/weekly/WeeklyPage')).WeeklyPage,
        }),
      },
      {
        path: 'weekly/team',
        lazy: async () => ({
          Component: (await import('../features/weekly/WeeklyListPage')).WeeklyListPage,
        }),
      },
      {
        path: 'team-changes',
        lazy: async () => ({
          Component: (await import('../features/sync/ChangesPage')).ChangesPage,
        }),
      },
      {
        path: 'settings',
        lazy: async () => ({
          Component: (await import('../features/settings/SettingsPage')).SettingsPage,
        }),
      },
      { path: '*', element: <Navigate to="/dashboard" replace /> },
    ],
  },
]);
