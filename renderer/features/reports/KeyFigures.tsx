import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportOf } from '../../../shared/contract/reports';
import { formatMoney } from '../../components/money';
import type { Field } from '../../../shared/reports/views';
import { formatCount, percent, renderField } from './fields';

/** The key figures as cards, first on every report. */
export function KeyFigures({ figures, values }: { figures: Field[]; values: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: figures.length > 6 ? 5 : Math.max(3, figures.length) }}
      spacing="sm"
    >
      {figures.map((field) => (
        <Card key={field.label + field.path} withBorder padding="sm" radius="md">
          <Text size="xs" c="dimmed" fw={600} lineClamp={2}>
            {t(`reportsui.f.${field.label}`)}
          </Text>
          <Text size="xl" fw={700} mt={4} component="div">
            {renderField(values, field, t, i18n.language)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

const metrics = ['sales', 'collections', 'newCustomers', 'visits', 'effectiveVisits'] as const;
const moneyMetrics = new Set(['sales', 'collections']);

/** Target attainment: one card per metric with attainment against time progress. */
export function AttainmentFigures({ figures }: { figures: ReportOf<'attainment'>['keyFigures'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const progress = figures.timeProgress;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
      {metrics.map((m) => {
        const x = figures[m];
        const show = (n: number) =>
          moneyMetrics.has(m) ? formatMoney(n, lang) : formatCount(n, lang);
        const rate = x.attainment;
        return (
          <Card key={m} withBorder padding="sm" radius="md" aria-label={t(`reportsui.f.${m}`)}>
            <Group justify="space-between" wrap="nowrap" gap={4}>
              <Text size="xs" c="dimmed" fw={600} lineClamp={1}>
                {t(`reportsui.f.${m}`)}
              </Text>
              {x.target !== null && (
                <Badge size="xs" variant="light" color={x.behind ? 'red' : 'teal'}>
                  {x.behind ? t('reportsui.behind') : t('reportsui.onTrack')}
                </Badge>
              )}
            </Group>
            <Text size="xl" fw={700} mt={4}>
              {show(x.actual)}
            </Text>
            <Text size="xs" c="dimmed">
              {x.target === null
                ? t('reportsui.noTarget')
                : t('reportsui.ofTarget', { target: show(x.target) })}
            </Text>
            {m === 'newCustomers' && (
              <Text size="xs" c="dimmed" data-testid="new-prospects">
                {t('reportsui.newProspectsLine', { count: figures.newProspects })}
              </Text>
            )}
            <Stack gap={2} mt="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600} c={x.behind ? 'red' : undefined}>
                  {percent(rate, lang)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('reportsui.timeProgress', { value: percent(progress, lang) })}
                </Text>
              </Group>
              <Tooltip label={t('reportsui.timeProgress', { value: percent(progress, lang) })}>
                <div style={{ position: 'relative' }}>
                  <Progress
                    value={Math.min(100, (rate ?? 0) * 100)}
                    color={x.behind ? 'red' : 'teal'}
                    size="sm"
                    aria-hidden
                  />
                  <div
                    style={{
                      position: 'absolute',
                      top: -3,
                      bottom: -3,
                      left: `${Math.min(100, progress * 100)}%`,
                      width: 2,
                      background: 'var(--mantine-color-text)',
                      opacity: 0.6,
                    }}
                  />
                </div>
              </Tooltip>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
