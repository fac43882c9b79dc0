import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

/**
 * Picks a customer by typing, searched in SQL twenty at a time (never the whole list): the
 * deal form's and the visit forms' customer field.
 */
export function CustomerPicker({
  label,
  placeholder,
  value,
  onChange,
  error,
  fixed,
  known,
}: {
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  /** A customer that cannot be changed (the customer page's "Plan visit"). */
  fixed?: { id: string; name: string };
  /** The customer picked already (a suggestion): shown even before the search answers. */
  known?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(fixed?.name ?? known?.name ?? '');
  const [query] = useDebouncedValue(search, 200);
  const list = useApiQuery(
    'customers.list',
    { scope: 'all', search: query, pageSize: 20, sort: 'name' },
    ['customers'],
    { enabled: !fixed, placeholderData: (previous) => previous },
  );
  const rows = (list.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }));
  const data = fixed
    ? [{ value: fixed.id, label: fixed.name }]
    : known && !rows.some((r) => r.value === known.id)
      ? [{ value: known.id, label: known.name }, ...rows]
      : rows;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      withAsterisk
      searchable
      disabled={!!fixed}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('common.none')}
      error={error}
    />
  );
}
