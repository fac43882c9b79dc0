import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { teamInput, type Team } from '../../../shared/contract/team';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';

/** Create or edit a team: name, manager, parent team. */
export function TeamFormModal({
  team,
  teams,
  onClose,
}: {
  team?: Team;
  teams: Team[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const save = useApiMutation('team.saveTeam');
  const fieldErrors = useFieldErrors();
  const form = useForm({
    initialValues: {
      name: team?.name ?? '',
      managerId: team?.managerId ?? null,
      parentId: team?.parentId ?? null,
    },
    validate: zodFormValidator(teamInput, t),
  });
  const failure =
    save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{team ? t('team.editTeam') : t('team.newTeam')}</Text>}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate(
            { ...values, ...(team ? { id: team.id } : {}) },
            {
              onSuccess: (saved) => {
                notifications.show({
                  color: 'teal',
                  message: t('team.savedTeam', { name: saved.name }),
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
            label={t('team.teamName')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('team.manager')}
            data={(users.data ?? [])
              .filter((u) => u.role !== 'rep')
              .map((u) => ({ value: u.id, label: u.name }))}
            searchable
            clearable
            placeholder={t('team.noManager')}
            {...form.getInputProps('managerId')}
          />
          <Select
            label={t('team.parent')}
            data={teams
              .filter((other) => other.id !== team?.id)
              .map((other) => ({ value: other.id, label: other.name }))}
            clearable
            placeholder={t('team.noParent')}
            {...form.getInputProps('parentId')}
          />
          {failure && <ErrorState error={failure} />}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
