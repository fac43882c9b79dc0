import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail } from '../../../shared/contract/deals';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../components/money';

type Row = {
  key: number;
  productId: string | null;
  quantity: number | string;
  unitPrice: number | string;
};

let nextKey = 1;
function rowsOf(deal: DealDetail): Row[] {
  return deal.lines.map((l) => ({
    key: nextKey++,
    productId: l.productId,
    quantity: l.quantity,
    unitPrice: fenToYuan(l.unitPrice),
  }));
}

/** Product lines: pick a product, quantity, unit price (its list price by default); the amount is the sum. */
export function LinesEditor({ deal }: { deal: DealDetail }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const products = useApiQuery('products.list', { includeInactive: false }, ['products']);
  const save = useApiMutation('deals.setLines');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(deal));
  useEffect(() => setRows(rowsOf(deal)), [deal]);
  const editable = deal.status === 'open';
  const priceOf = (id: string | null) => products.data?.find((p) => p.id === id)?.listPrice ?? 0;
  const total = rows.reduce(
    (n, r) => n + Math.round(Number(r.quantity) || 0) * (yuanToFen(r.unitPrice || 0) ?? 0),
    0,
  );
  const options = (products.data ?? []).map((p) => ({
    value: p.id,
    label: p.unit ? `${p.name} (${p.unit})` : p.name,
  }));
  // A retired product still shows on the lines that use it.
  for (const l of deal.lines)
    if (!options.some((o) => o.value === l.productId))
      options.push({ value: l.productId, label: l.productName });
  const patch = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const valid = rows.every((r) => r.productId && Number(r.quantity) >= 1);

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.lines.title')}
    >
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('deals.lines.title')}</Title>
        {editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setRows((rs) => [
                ...rs,
                { key: nextKey++, productId: null, quantity: 1, unitPrice: '' },
              ])
            }
          >
            {t('deals.lines.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {products.data?.length === 0
          ? t('deals.lines.noProducts')
          : rows.length === 0
            ? t('deals.lines.empty')
            : t('deals.lines.text')}
      </Text>
      {rows.length > 0 && (
        <Table verticalSpacing={4} aria-label={t('deals.lines.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.lines.product')}</Table.Th>
              <Table.Th w={90}>{t('deals.lines.quantity')}</Table.Th>
              <Table.Th w={140}>{t('deals.lines.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('deals.lines.lineTotal')}</Table.Th>
              {editable && <Table.Th w={36} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <Select
                    aria-label={`${t('deals.lines.product')} ${i + 1}`}
                    data={options}
                    value={r.productId}
                    searchable
                    disabled={!editable}
                    onChange={(productId) =>
                      patch(r.key, {
                        productId,
                        unitPrice: r.unitPrice === '' ? fenToYuan(priceOf(productId)) : r.unitPrice,
                      })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('deals.lines.quantity')} ${i + 1}`}
                    value={r.quantity}
                    min={1}
                    allowDecimal={false}
                    disabled={!editable}
                    onChange={(quantity) => patch(r.key, { quantity })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('deals.lines.unitPrice')} ${i + 1}`}
                    value={r.unitPrice}
                    min={0}
                    decimalScale={2}
                    thousandSeparator=","
                    disabled={!editable}
                    onChange={(unitPrice) => patch(r.key, { unitPrice })}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  {formatMoney(
                    Math.round(Number(r.quantity) || 0) * (yuanToFen(r.unitPrice || 0) ?? 0),
                    i18n.language,
                  )}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('deals.lines.remove')} ${i + 1}`}
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" fw={700}>
          {t('deals.lines.total')}{' '}
          {formatMoney(rows.length > 0 ? total : deal.amount, i18n.language)}
        </Text>
        {editable && (
          <Button
            size="xs"
            disabled={!valid}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  id: deal.id,
                  lines: rows.map((r) => ({
                    productId: r.productId ?? '',
                    quantity: Math.round(Number(r.quantity)),
                    unitPrice: yuanToFen(r.unitPrice || 0) ?? 0,
                  })),
                },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', message: t('deals.lines.saved') }),
                  onError: (e) => notifications.show({ color: 'red', message: message(e) }),
                },
              )
            }
          >
            {t('deals.lines.save')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
