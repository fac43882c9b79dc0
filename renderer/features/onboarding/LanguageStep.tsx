import { Button, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusMutation } from '../../app/useStatusMutation';
import { applyLanguage, type Language } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { StepTitle } from './FirstRun';

const options: { value: Language; label: string; hint: string }[] = [
  { value: 'zh-CN', label: '简体中文', hint: 'Chinese (Simplified)' },
  { value: 'en', label: 'English', hint: '英语' },
];

export function LanguageStep({ initial }: { initial: Language }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(initial);
  const save = useStatusMutation('app.setPreferences');
  const choose = (value: Language) => {
    setLanguage(value);
    applyLanguage(value);
  };
  return (
    <>
      <StepTitle title={t('firstRun.languageTitle')} text={t('firstRun.languageHint')} />
      <Radio.Group
        value={language}
        onChange={(v) => choose(v as Language)}
        aria-label={t('firstRun.languageTitle')}
      >
        <SimpleGrid cols={2}>
          {options.map((o) => (
            <Radio.Card key={o.value} value={o.value} p="md" radius="md">
              <Stack gap={2}>
                <Text fw={600} size="lg">
                  {o.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.hint}
                </Text>
              </Stack>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {save.isError && <ErrorState error={save.error} />}
      <Button size="md" onClick={() => save.mutate({ language })} loading={save.isPending}>
        {t('common.continue')}
      </Button>
    </>
  );
}
