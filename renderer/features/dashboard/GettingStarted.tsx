import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GettingStartedStep } from '../../../shared/contract/dashboard';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';

/** Where each step is done. */
const stepLinks: Record<GettingStartedStep, string> = {
  people: '/team',
  customers: '/customers',
  targets: '/targets',
  plan: '/calendar',
  teamFolder: '/settings',
};

/** What each step reads to know it is done (the team folder lives in the device's state). */
const stepTables = ['users', 'customers', 'targets', 'visits'];

/**
 * A new team's first steps on the dashboard (add people, import customers, set targets, plan
 * the week, share the team folder): each opens the screen that does it and ticks itself off
 * when the data says it is done; the panel goes once all are done or it is dismissed.
 */
export function GettingStarted() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const query = useApiQuery('dashboard.gettingStarted', { today: localToday() }, stepTables, {
    // The team folder is device state no commit announces: read again on each visit.
    refetchOnMount: 'always',
  });
  const dismiss = useApiMutation('dashboard.dismissGettingStarted');
  const data = query.data;
  if (!data?.show) return null;
  const done = data.steps.filter((s) => s.done).length;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="getting-started">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <div>
          <Title order={3} size="h4" id="getting-started">
            {t('gettingStarted.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('gettingStarted.text')}
          </Text>
        </div>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          loading={dismiss.isPending}
          onClick={() =>
            dismiss.mutate(
              {},
              {
                onSuccess: () => void query.refetch(),
                onError: (error) => notifications.show({ color: 'red', message: message(error) }),
              },
            )
          }
        >
          {t('gettingStarted.dismiss')}
        </Button>
      </Group>
      <Group gap="xs" mb="sm" wrap="nowrap">
        <Progress
          value={(done / data.steps.length) * 100}
          color="teal"
          size="sm"
          style={{ flex: 1 }}
          aria-hidden
        />
        <Text size="xs" c="dimmed">
          {t('gettingStarted.progress', { done, total: data.steps.length })}
        </Text>
      </Group>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {data.steps.map(({ step, done: isDone }) => (
          <Group
            key={step}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            aria-label={t(`gettingStarted.steps.${step}.title`)}
            data-done={isDone}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon
                variant={isDone ? 'filled' : 'light'}
                color={isDone ? 'teal' : 'gray'}
                radius="xl"
                size="md"
              >
                {isDone ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
              </ThemeIcon>
              <div>
                <Text size="sm" fw={600} td={isDone ? 'line-through' : undefined}>
                  {t(`gettingStarted.steps.${step}.title`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`gettingStarted.steps.${step}.text`)}
                </Text>
              </div>
            </Group>
            {isDone ? (
              <Group gap="xs" wrap="nowrap">
                <Badge color="teal" variant="light">
                  {t('gettingStarted.done')}
                </Badge>
                <Anchor component={Link} to={stepLinks[step]} size="xs">
                  {t(`gettingStarted.steps.${step}.action`)}
                </Anchor>
              </Group>
            ) : (
              <Button component={Link} to={stepLinks[step]} size="xs" variant="light">
                {t(`gettingStarted.steps.${step}.action`)}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
