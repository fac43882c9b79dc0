import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/products';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../components/money';

type Editing = { product: Product | null } | null;

/** The product catalogue in Settings: list, add, edit, deactivate (reps read it). */
export function ProductsCard() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const products = useApiQuery('products.list', { includeInactive: true }, ['products']);
  const setActive = useApiMutation('products.setActive');
  const message = useErrorMessage();
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = me.role !== 'rep';

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.products.title')}
    >
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('deals.products.title')}</Title>
        {canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing({ product: null })}
          >
            {t('deals.products.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('deals.products.text')}
      </Text>
      {products.isPending && <PageLoader />}
      {products.isError && (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      )}
      {products.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('deals.products.empty')}
        </Text>
      )}
      {products.data && products.data.length > 0 && (
        <Table aria-label={t('deals.products.table')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.products.name')}</Table.Th>
              <Table.Th>{t('deals.products.unit')}</Table.Th>
              <Table.Th ta="right">{t('deals.products.listPrice')}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.map((p) => (
              <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                <Table.Td>
                  {p.name}{' '}
                  {!p.active && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('deals.products.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.unit ?? t('common.none')}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.listPrice, i18n.language)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('deals.products.edit')} ${p.name}`}
                        onClick={() => setEditing({ product: p })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color={p.active ? 'red' : 'teal'}
                        onClick={() =>
                          setActive.mutate(
                            { id: p.id, active: !p.active },
                            {
                              onError: (e) =>
                                notifications.show({ color: 'red', message: message(e) }),
                            },
                          )
                        }
                      >
                        {p.active ? t('deals.products.deactivate') : t('deals.products.activate')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <ProductModal product={editing.product} onClose={() => setEditing(null)} />}
    </Card>
  );
}

type ProductForm = { name: string; unit: string; listPrice: number | string };

function ProductModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useApiMutation('products.save');
  const fieldErrors = useFieldErrors();
  const message = useErrorMessage();
  const form = useForm<ProductForm>({
    initialValues: {
      name: product?.name ?? '',
      unit: product?.unit ?? '',
      listPrice: product ? fenToYuan(product.listPrice) : '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      listPrice: (v) => (v === '' || Number(v) < 0 ? t('validation.range') : null),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        ...(product ? { id: product.id } : {}),
        name: values.name,
        unit: values.unit,
        listPrice: yuanToFen(values.listPrice) ?? 0,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('deals.products.saved') });
          onClose();
        },
        onError: (error) => {
          const fields = fieldErrors(error);
          if (Object.keys(fields).length) form.setErrors(fields);
          else form.setFieldError('name', message(error));
        },
      },
    ),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{product ? t('deals.products.edit') : t('deals.products.add')}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('deals.products.name')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={t('deals.products.unit')} {...form.getInputProps('unit')} />
          <NumberInput
            label={t('deals.products.listPrice')}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            prefix="¥"
            withAsterisk
            {...form.getInputProps('listPrice')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
