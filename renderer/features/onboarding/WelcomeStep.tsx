import {
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFolderShare, IconSparkles, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appContract } from '../../../shared/contract/app';
import { userRoles, type UserRole } from '../../../shared/domain/people';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';
import { JoinTeamForm } from '../sync/JoinTeam';
import { StepTitle } from './FirstRun';
import { NewPasswordField } from '../signin/PasswordField';

/** "Create my team", "load the demo team" or "join a team folder". */
export function WelcomeStep() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'create' | 'join' | null>(null);
  const demo = useStatusMutation('app.loadDemo');

  if (choice === 'create') return <CreateTeamForm onBack={() => setChoice(null)} />;
  if (choice === 'join') return <JoinTeamFolder onBack={() => setChoice(null)} />;
  return (
    <>
      <StepTitle title={t('firstRun.welcomeTitle')} text={t('firstRun.welcomeText')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ChoiceCard
          icon={<IconUsersPlus />}
          title={t('firstRun.createTitle')}
          text={t('firstRun.createText')}
          onClick={() => setChoice('create')}
          disabled={demo.isPending}
        />
        <ChoiceCard
          icon={demo.isPending ? <Loader size="sm" color="white" /> : <IconSparkles />}
          title={t('firstRun.demoTitle')}
          text={demo.isPending ? t('firstRun.loadingDemo') : t('firstRun.demoText')}
          onClick={() => demo.mutate({})}
          disabled={demo.isPending}
        />
        <ChoiceCard
          icon={<IconFolderShare />}
          title={t('sync.join.title')}
          text={t('sync.join.text')}
          onClick={() => setChoice('join')}
          disabled={demo.isPending}
        />
      </SimpleGrid>
      {demo.isError && <ErrorState error={demo.error} />}
    </>
  );
}

function ChoiceCard({
  icon,
  title,
  text,
  onClick,
  disabled,
}: {
  icon: React.ReactNode;
  title: string;
  text: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="button"
      type="button"
      onClick={onClick}
      disabled={disabled}
      style={{ textAlign: 'left', cursor: disabled ? 'wait' : 'pointer' }}
    >
      <Stack gap="sm">
        <ThemeIcon size={44} radius="md" variant="filled">
          {icon}
        </ThemeIcon>
        <Text fw={650} size="lg">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Card>
  );
}

function CreateTeamForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const create = useStatusMutation('app.createTeam');
  const fieldErrors = useFieldErrors();
  const form = useForm({
    initialValues: { teamName: '', userName: '', role: 'manager' as UserRole, password: '' },
    validate: zodFormValidator(appContract['app.createTeam'].input, t),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        create.mutate(values, { onError: (error) => form.setErrors(fieldErrors(error)) }),
      )}
    >
      <Stack gap="md">
        <StepTitle title={t('firstRun.createTitle')} text={t('firstRun.createText')} />
        <TextInput
          label={t('firstRun.teamName')}
          placeholder={t('firstRun.teamNamePlaceholder')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('teamName')}
        />
        <TextInput
          label={t('firstRun.yourName')}
          withAsterisk
          {...form.getInputProps('userName')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('firstRun.yourRole')}
          </Text>
          <SegmentedControl
            {...form.getInputProps('role')}
            data={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            aria-label={t('firstRun.yourRole')}
          />
        </Stack>
        <NewPasswordField {...form.getInputProps('password')} />
        {create.isError && Object.keys(fieldErrors(create.error)).length === 0 && (
          <ErrorState error={create.error} />
        )}
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('firstRun.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new computer of a team that already uses Pacer: its data comes from the team folder. */
function JoinTeamFolder({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepTitle title={t('sync.join.title')} text={t('sync.join.text')} />
      <JoinTeamForm
        confirm={false}
        autoFocus
        actions={
          <Button variant="subtle" onClick={onBack}>
            {t('common.back')}
          </Button>
        }
      />
    </Stack>
  );
}
