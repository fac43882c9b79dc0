import {
  Box,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconLayoutGrid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { quadrantGrade, type Grade } from '../../../shared/domain/grading';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ScopeSwitch, useScope } from '../../components/ScopeSwitch';
import { localToday } from '../../components/dates';
import { gradeColors } from './GradeBadge';
import { useState } from 'react';

const scores = [1, 2, 3, 4, 5] as const;

/**
 * The grading matrix (seed 004, slide 31): customers placed by relationship (across) and
 * attractiveness & potential (up), the four quadrants coloured by grade. A cell opens
 * the customer list filtered to it.
 */
export function GradingMatrixPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [scope, setScope] = useScope();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const users = useApiQuery('team.listUsers', teamId ? { teamId } : {}, ['users', 'teams']);
  const matrix = useApiQuery(
    'customers.matrix',
    { scope, today: localToday(), ...(teamId ? { teamId } : {}), ...(ownerId ? { ownerId } : {}) },
    ['customers', 'users', 'settings'],
    { placeholderData: (previous) => previous },
  );

  const listUrl = (extra: Record<string, string>) => {
    const params = new URLSearchParams({
      scope,
      ...(teamId ? { team: teamId } : {}),
      ...(ownerId ? { owner: ownerId } : {}),
      ...extra,
    });
    return `/customers?${params.toString()}`;
  };
  const count = (relationship: number, attractiveness: number) =>
    matrix.data?.cells.find(
      (c) => c.relationship === relationship && c.attractiveness === attractiveness,
    )?.count ?? 0;
  const max = Math.max(1, ...(matrix.data?.cells.map((c) => c.count) ?? [1]));
  const graded = matrix.data ? matrix.data.total - matrix.data.ungraded : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('grading.matrixTitle')}</Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('grading.matrixText')}
          </Text>
        </div>
        <Group gap="sm">
          <ScopeSwitch value={scope} onChange={setScope} />
          <Select
            aria-label={t('customers.filterTeam')}
            placeholder={t('customers.filterTeam')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={(v) => {
              setTeamId(v);
              setOwnerId(null);
            }}
            clearable
            w={160}
          />
          <Select
            aria-label={t('customers.filterOwner')}
            placeholder={t('customers.filterOwner')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            clearable
            w={150}
          />
        </Group>
      </Group>

      {matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : matrix.data && graded === 0 ? (
        <Card withBorder radius="md">
          <EmptyState
            icon={<IconLayoutGrid />}
            title={t('grading.emptyTitle')}
            text={t('grading.emptyText')}
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <Card withBorder radius="md" padding="lg" style={{ gridColumn: 'span 2' }}>
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {t('grading.axisAttractiveness')}
              </Text>
              <Box
                role="grid"
                aria-label={t('grading.matrixTitle')}
                style={{ display: 'grid', gridTemplateColumns: 'auto repeat(5, 1fr)', gap: 6 }}
              >
                {[...scores].reverse().map((attractiveness) => (
                  <Row key={attractiveness} attractiveness={attractiveness}>
                    {scores.map((relationship) => {
                      const grade = quadrantGrade(relationship, attractiveness) as Grade;
                      const n = count(relationship, attractiveness);
                      return (
                        <UnstyledButton
                          key={relationship}
                          role="gridcell"
                          aria-label={t('grading.cellLabel', {
                            relationship,
                            attractiveness,
                            count: n,
                          })}
                          onClick={() =>
                            void navigate(
                              listUrl({ rel: String(relationship), attr: String(attractiveness) }),
                            )
                          }
                          style={{
                            aspectRatio: '1.6',
                            borderRadius: 8,
                            background: `color-mix(in srgb, var(--mantine-color-${gradeColors[grade]}-6) ${n === 0 ? 6 : 14 + Math.round((n / max) * 70)}%, var(--mantine-color-body))`,
                            border: '1px solid var(--mantine-color-default-border)',
                            display: 'flex',
                            alignItems: 'center',
                            justifyContent: 'center',
                          }}
                        >
                          {matrix.data ? (
                            <Text
                              fw={650}
                              size="lg"
                              className="tabular"
                              c={n / max > 0.55 ? 'white' : undefined}
                            >
                              {n.toLocaleString()}
                            </Text>
                          ) : (
                            <Skeleton h={18} w={36} />
                          )}
                        </UnstyledButton>
                      );
                    })}
                  </Row>
                ))}
                <div />
                {scores.map((s) => (
                  <Text key={s} size="xs" c="dimmed" ta="center">
                    {s}
                  </Text>
                ))}
              </Box>
              <Text size="xs" c="dimmed" ta="center">
                {t('grading.axisRelationship')}
              </Text>
            </Stack>
          </Card>
          <Stack gap="sm">
            {(['key', 'potential', 'ordinary', 'ignore'] as const satisfies readonly Grade[]).map(
              (g) => (
                <SummaryCard
                  key={g}
                  color={gradeColors[g]}
                  label={t(`grades.${g}`)}
                  value={matrix.data?.grades[g]}
                  onClick={() => void navigate(listUrl({ grade: g }))}
                />
              ),
            )}
            <SummaryCard
              color="gray"
              label={t('grades.ungraded')}
              value={matrix.data?.ungraded}
              onClick={() => void navigate(listUrl({ grade: 'ungraded' }))}
            />
            <SummaryCard
              color="yellow"
              label={t('customers.filterStale')}
              value={matrix.data?.stale}
              onClick={() => void navigate(listUrl({ stale: '1' }))}
            />
            <Text size="xs" c="dimmed">
              {t('grading.graded', { count: graded })} ·{' '}
              {t('grading.overriddenCount', { count: matrix.data?.overridden ?? 0 })}
            </Text>
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Row({ attractiveness, children }: { attractiveness: number; children: React.ReactNode }) {
  return (
    <>
      <Text size="xs" c="dimmed" style={{ alignSelf: 'center' }} pr={4}>
        {attractiveness}
      </Text>
      {children}
    </>
  );
}

function SummaryCard({
  color,
  label,
  value,
  onClick,
}: {
  color: string;
  label: string;
  value: number | undefined;
  onClick: () => void;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      component="button"
      type="button"
      onClick={onClick}
      style={{ cursor: 'pointer', textAlign: 'left' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Box
            w={10}
            h={10}
            style={{ borderRadius: 3, background: `var(--mantine-color-${color}-6)` }}
          />
          <Text size="sm" fw={550}>
            {label}
          </Text>
        </Group>
        {value === undefined ? (
          <Skeleton h={16} w={40} />
        ) : (
          <Text fw={700} className="tabular">
            {value.toLocaleString()}
          </Text>
        )}
      </Group>
    </Card>
  );
}
