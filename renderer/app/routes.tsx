import { createHashRouter, Navigate } from 'react-router';
import { Shell } from './Shell';

/** Each screen is its own chunk, loaded when first visited (the first screen stays small). */
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
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
        path: 'settings',
        lazy: async () => ({
          Component: (await import('../features/settings/SettingsPage')).SettingsPage,
        }),
      },
      { path: '*', element: <Navigate to="/customers" replace /> },
    ],
  },
]);
