import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Kbd,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconAddressBook,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconNotebook,
  IconTarget,
  IconGauge,
  IconLayoutDashboard,
  IconLayoutGrid,
  IconLayoutKanban,
  IconStar,
  IconSearch,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useNavigate } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { CommandPalette } from './CommandPalette';
import { Logo } from './Logo';
import { useCurrentUser } from './status';

/** The palette's shortcut as the user's keyboard labels it. */
const modKey = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

const navItems = [
  { to: '/dashboard', label: 'nav.dashboard', icon: IconLayoutDashboard },
  { to: '/customers', label: 'nav.customers', icon: IconAddressBook },
  { to: '/calendar', label: 'nav.calendar', icon: IconCalendarEvent },
  { to: '/deals', label: 'nav.deals', icon: IconLayoutKanban },
  { to: '/key-deals', label: 'nav.keyDeals', icon: IconStar },
  { to: '/scorecards', label: 'nav.scorecards', icon: IconGauge },
  { to: '/grading', label: 'nav.grading', icon: IconLayoutGrid },
  { to: '/follow-ups', label: 'nav.followUps', icon: IconChecklist },
  { to: '/reports', label: 'nav.reports', icon: IconChartBar },
  { to: '/targets', label: 'nav.targets', icon: IconTarget },
  { to: '/weekly', label: 'nav.weekly', icon: IconNotebook },
  { to: '/team', label: 'nav.team', icon: IconUsersGroup },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
] as const;

/** The app frame: navigation, the header with search and the current user, and the page. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const user = useCurrentUser();
  const navigate = useNavigate();
  useHotkeys([
    ['mod+shift+N', () => void navigate('/customers?new=1')],
    ['mod+shift+D', () => void navigate('/deals?new=1')],
  ]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.menu')}
            />
            <Logo />
          </Group>
          <UnstyledButton onClick={() => spotlight.open()} aria-label={t('nav.openPalette')}>
            <Group
              gap="xs"
              px="sm"
              h={34}
              w={{ base: 180, sm: 320 }}
              wrap="nowrap"
              style={{
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 'var(--mantine-radius-md)',
              }}
            >
              <IconSearch size={16} color="var(--mantine-color-dimmed)" />
              <Text size="sm" c="dimmed" flex={1} truncate>
                {t('nav.search')}
              </Text>
              <Kbd size="xs" visibleFrom="sm">
                {modKey} K
              </Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="sm" wrap="nowrap">
            <SyncIndicator />
            <UnstyledButton component={RouterLink} to="/settings" aria-label={t('settings.you')}>
              <Group gap="xs" wrap="nowrap">
                <Avatar color="teal" radius="xl" size={32}>
                  {user.name.slice(0, 1)}
                </Avatar>
                <Stack gap={0} visibleFrom="sm">
                  <Text size="sm" fw={600} lh={1.2} data-testid="current-user">
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {t(`roles.${user.role}`)}
                    {user.teamName ? ` · ${user.teamName}` : ''}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <nav aria-label="main">
          {navItems.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={t(item.label)}
              leftSection={<item.icon size={18} stroke={1.7} />}
              onClick={close}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
