import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { userInput, type Team, type User } from '../../../shared/contract/team';
import { userRoles, type UserRole } from '../../../shared/domain/people';
import { useApiMutation } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';

/** Add or edit a person: name, role, team, phone, e-mail. */
export function UserFormModal({
  user,
  teams,
  defaultTeamId,
  onClose,
}: {
  user?: User;
  teams: Team[];
  defaultTeamId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useApiMutation('team.saveUser');
  const fieldErrors = useFieldErrors();
  const form = useForm({
    initialValues: {
      name: user?.name ?? '',
      role: (user?.role ?? 'rep') as UserRole,
      teamId: user?.teamId ?? defaultTeamId ?? teams[0]?.id ?? '',
      phone: user?.phone ?? '',
      email: user?.email ?? '',
    },
    validate: zodFormValidator(userInput, t),
  });
  const failure =
    save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{user ? t('team.editUser') : t('team.newUser')}</Text>}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate(
            { ...values, ...(user ? { id: user.id } : {}) },
            {
              onSuccess: (saved) => {
                notifications.show({
                  color: 'teal',
                  message: t('team.savedUser', { name: saved.name }),
                });
                onClose();
              },
              onError: (error) => form.setErrors(fieldErrors(error)),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <TextInput
            label={t('team.name')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('team.role')}
              data={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('team.team')}
              withAsterisk
              data={teams.map((team) => ({ value: team.id, label: team.name }))}
              allowDeselect={false}
              {...form.getInputProps('teamId')}
            />
            <TextInput label={t('team.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('team.email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          {failure && <ErrorState error={failure} />}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
