import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import {
  IconAddressBook,
  IconBuildingStore,
  IconPlus,
  IconSearch,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../api/queries';

type Command = {
  id: string;
  label: string;
  description?: string;
  icon: ReactNode;
  run: () => void;
  right?: ReactNode;
};

/** Ctrl/⌘+K: go to a page, start an action, or jump to a customer by name, contact or phone. */
export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const customers = useApiQuery(
    'customers.list',
    { scope: 'all', search: debounced, pageSize: 8, sort: 'name' },
    ['customers', 'contacts', 'users'],
    { enabled: debounced.length > 0 },
  );

  const commands: Command[] = [
    {
      id: 'new-customer',
      label: t('nav.newCustomer'),
      icon: <IconPlus size={18} />,
      run: () => void navigate('/customers?new=1'),
    },
    {
      id: 'new-deal',
      label: t('nav.newDeal'),
      icon: <IconPlus size={18} />,
      run: () => void navigate('/deals?new=1'),
    },
    {
      id: 'go-customers',
      label: t('nav.goTo', { page: t('nav.customers') }),
      icon: <IconAddressBook size={18} />,
      run: () => void navigate('/customers'),
    },
    {
      id: 'go-team',
      label: t('nav.goTo', { page: t('nav.team') }),
      icon: <IconUsersGroup size={18} />,
      run: () => void navigate('/team'),
    },
    {
      id: 'go-settings',
      label: t('nav.goTo', { page: t('nav.settings') }),
      icon: <IconSettings size={18} />,
      run: () => void navigate('/settings'),
    },
  ];
  const needle = query.trim().toLowerCase();
  const matchingCommands = needle
    ? commands.filter((c) => c.label.toLowerCase().includes(needle))
    : commands;
  const customerCommands: Command[] =
    debounced.length > 0
      ? (customers.data?.rows ?? []).map((c) => ({
          id: c.id,
          label: c.name,
          description: [c.region, c.ownerName].filter(Boolean).join(' · '),
          icon: <IconBuildingStore size={18} />,
          right: (
            <Badge variant="light" size="sm">
              {t(`customerStatus.${c.status}`)}
            </Badge>
          ),
          run: () => void navigate(`/customers/${c.id}`),
        }))
      : [];
  const all = [...customerCommands, ...matchingCommands];

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', '/']}
      scrollable
      maxHeight={420}
    >
      <Spotlight.Search
        placeholder={t('nav.searchPlaceholder')}
        leftSection={<IconSearch size={18} />}
      />
      <Spotlight.ActionsList>
        {all.length > 0 ? (
          all.map((c) => (
            <Spotlight.Action key={c.id} onClick={c.run}>
              <Group wrap="nowrap" w="100%" gap="sm">
                {c.icon}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {c.label}
                  </Text>
                  {c.description && (
                    <Text size="xs" c="dimmed" truncate>
                      {c.description}
                    </Text>
                  )}
                </div>
                {c.right}
              </Group>
            </Spotlight.Action>
          ))
        ) : (
          <Spotlight.Empty>{t('nav.nothingFound')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
