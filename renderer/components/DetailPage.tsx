import { Anchor, Breadcrumbs, Button, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiFailure } from '../api/client';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { PageLoader } from './PageLoader';

/** "List / this record" breadcrumbs above a record's page. */
export function DetailCrumbs({
  to,
  list,
  current,
}: {
  to: string;
  list: string;
  current?: string;
}) {
  return (
    <Breadcrumbs>
      <Anchor component={Link} to={to} size="sm">
        {list}
      </Anchor>
      {current && <Text size="sm">{current}</Text>}
    </Breadcrumbs>
  );
}

/**
 * What a record's page shows before it has the record: a loader, "it no longer exists"
 * (deleted by someone, or a stale link) with a way back, or the error with a retry.
 */
export function DetailQueryState({
  query,
  crumbs,
  icon,
  notFound,
  backTo,
}: {
  query: UseQueryResult<unknown>;
  crumbs: ReactNode;
  icon: ReactNode;
  notFound: string;
  backTo: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  const gone = query.error instanceof ApiFailure && query.error.error.code === 'not_found';
  return (
    <Stack>
      {crumbs}
      {gone ? (
        <EmptyState
          icon={icon}
          title={notFound}
          text=""
          action={
            <Button component={Link} to={backTo} variant="light">
              {t('common.back')}
            </Button>
          }
        />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
    </Stack>
  );
}
