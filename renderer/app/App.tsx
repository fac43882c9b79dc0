import { Center, Loader, MantineProvider, useMantineColorScheme } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient, useApiQuery, useTablesChangedRefresh } from '../api/queries';
import { ErrorState } from '../components/ErrorState';
import { FirstRun } from '../features/onboarding/FirstRun';
import { TemporaryPasswordGate } from '../features/signin/TemporaryPasswordGate';
import { applyLanguage, systemLanguage } from './i18n';
import { router } from './routes';
import { StatusProvider } from './status';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          <Root />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Loads the app status, applies language and theme, and routes to first run or the app. */
function Root() {
  useTablesChangedRefresh();
  const status = useApiQuery('app.status', {}, ['users', 'teams']);
  const { setColorScheme } = useMantineColorScheme();
  const language = status.data?.language ?? systemLanguage();
  const themePreference = status.data?.theme ?? 'system';

  useEffect(() => applyLanguage(language), [language]);
  useEffect(
    () => setColorScheme(themePreference === 'system' ? 'auto' : themePreference),
    [themePreference, setColorScheme],
  );

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError) {
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} fullPage />;
  }
  if (!status.data.ready) return <FirstRun status={status.data} />;
  return (
    <StatusProvider value={status.data}>
      <RouterProvider router={router} />
      <TemporaryPasswordGate />
    </StatusProvider>
  );
}
