import { Box, Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/app';
import { useStatusMutation } from '../../app/useStatusMutation';
import { systemLanguage, type Language } from '../../app/i18n';
import { Logo } from '../../app/Logo';
import { LanguageStep } from './LanguageStep';
import { WelcomeStep } from './WelcomeStep';
import { WhoStep } from './WhoStep';

/**
 * First run: language, then "create my team", "load the demo team" or "join a team folder",
 * then "who are you" when the file already holds a team (the demo, a joined team folder, or a
 * new device of an existing team).
 */
export function FirstRun({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const setPreferences = useStatusMutation('app.setPreferences');
  const language = status.language ?? systemLanguage();
  const step = status.hasTeam ? 'who' : status.language === null ? 'language' : 'welcome';

  return (
    <Box
      mih="100vh"
      bg="var(--mantine-color-body)"
      style={{
        backgroundImage:
          'radial-gradient(circle at 20% 0%, var(--mantine-color-teal-light) 0, transparent 45%)',
      }}
    >
      <Group justify="space-between" p="lg">
        <Logo />
        {step !== 'language' && (
          <SegmentedControl
            size="xs"
            value={language}
            onChange={(value) => setPreferences.mutate({ language: value as Language })}
            data={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
            aria-label={t('settings.language')}
          />
        )}
      </Group>
      <Center px="md" pb={64}>
        <Paper
          withBorder
          shadow="sm"
          radius="lg"
          p={{ base: 'lg', sm: 40 }}
          w="100%"
          maw={step === 'welcome' ? 900 : 520}
        >
          <Stack gap="lg">
            {step === 'language' && <LanguageStep initial={language} />}
            {step === 'welcome' && <WelcomeStep />}
            {step === 'who' && <WhoStep demoPassword={status.demoPassword} />}
            <Text size="xs" c="dimmed" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

export function StepTitle({ title, text }: { title: string; text?: string }) {
  return (
    <Stack gap={6}>
      <Title order={2}>{title}</Title>
      {text && <Text c="dimmed">{text}</Text>}
    </Stack>
  );
}
