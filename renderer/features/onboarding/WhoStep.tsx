import {
  Avatar,
  Badge,
  Button,
  Group,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appContract } from '../../../shared/contract/app';
import type { UserRole } from '../../../shared/domain/people';
import { useApiQuery } from '../../api/queries';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';
import { PageLoader } from '../../components/PageLoader';
import { SignInPassword } from '../signin/SignInPassword';
import { StepTitle } from './FirstRun';
import { NewPasswordField } from '../signin/PasswordField';

/** "Who are you?": pick yourself from the team and sign in with your password, or add yourself. */
export function WhoStep({ demoPassword }: { demoPassword: string | null }) {
  const { t } = useTranslation();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const [picked, setPicked] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);

  if (adding) return <JoinForm onBack={() => setAdding(false)} />;
  if (users.isPending) return <PageLoader />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const rolesOrder: Record<UserRole, number> = { admin: 0, manager: 1, rep: 2 };
  const needle = filter.trim().toLowerCase();
  const list = users.data
    .filter(
      (u) =>
        !needle ||
        u.name.toLowerCase().includes(needle) ||
        (u.teamName ?? '').toLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        rolesOrder[a.role] - rolesOrder[b.role] ||
        (a.teamName ?? '').localeCompare(b.teamName ?? '') ||
        a.name.localeCompare(b.name),
    );

  return (
    <>
      <StepTitle title={t('firstRun.whoTitle')} text={t('firstRun.whoText')} />
      {users.data.length > 8 && (
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('nav.search')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      )}
      <Radio.Group value={picked} onChange={setPicked} aria-label={t('firstRun.whoTitle')}>
        <ScrollArea.Autosize mah={340} type="auto">
          <Stack gap={6} pr="xs">
            {list.map((u) => (
              <Radio.Card key={u.id} value={u.id} p="sm" radius="md" aria-label={u.name}>
                <Group wrap="nowrap">
                  <Avatar radius="xl" color="teal">
                    {u.name.slice(0, 1)}
                  </Avatar>
                  <div style={{ flex: 1 }}>
                    <Text fw={600}>{u.name}</Text>
                    <Text size="xs" c="dimmed">
                      {u.teamName}
                    </Text>
                  </div>
                  <Badge variant="light" color={u.role === 'rep' ? 'gray' : 'teal'}>
                    {t(`roles.${u.role}`)}
                  </Badge>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Radio.Group>
      <SignInPassword
        userId={picked}
        demoPassword={demoPassword}
        secondary={
          <Button variant="subtle" onClick={() => setAdding(true)}>
            {t('firstRun.imNew')}
          </Button>
        }
      />
    </>
  );
}

function JoinForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const join = useStatusMutation('app.joinAsNew');
  const fieldErrors = useFieldErrors();
  const form = useForm({
    initialValues: { name: '', teamId: '', password: '' },
    validate: zodFormValidator(appContract['app.joinAsNew'].input, t),
  });
  const submit = form.onSubmit((values) =>
    join.mutate(values, { onError: (error) => form.setErrors(fieldErrors(error)) }),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <StepTitle title={t('firstRun.joinTitle')} text={t('signIn.newPerson')} />
        <TextInput
          label={t('firstRun.yourName')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label={t('team.team')}
          withAsterisk
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          searchable
          {...form.getInputProps('teamId')}
        />
        <NewPasswordField {...form.getInputProps('password')} />
        {join.isError && Object.keys(fieldErrors(join.error)).length === 0 && (
          <ErrorState error={join.error} />
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={join.isPending}>
            {t('firstRun.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
