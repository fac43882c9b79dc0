import { Alert, Button, Group, Modal, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DuplicateChoice,
  ImportMapping,
  ImportPreview,
  ImportResult,
} from '../../../shared/contract/imports';
import { useApiMutation } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { FileStep } from './FileStep';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { readFileBase64, useImportProgress } from './useImportProgress';

const sameMapping = (a: ImportMapping, b: ImportMapping) =>
  a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * The import wizard: file → columns → check → import. The file is read and checked in
 * the main process, which keeps it between steps; the import is one transaction.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [step, setStep] = useState(0);
  const [loading, setLoading] = useState(false);
  const [fileError, setFileError] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateChoice>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const read = useApiMutation('imports.previewCustomers');
  const remap = useApiMutation('imports.remapCustomers');
  const commit = useApiMutation('imports.commitCustomers');
  const discard = useApiMutation('imports.discard');
  const { progress, reset } = useImportProgress();
  const importing = commit.isPending;

  const forget = () => {
    if (preview && !result) discard.mutate({ importId: preview.importId });
  };
  const close = () => {
    if (importing) return;
    forget();
    onClose();
  };
  const startOver = () => {
    forget();
    setPreview(null);
    setResult(null);
    setOnDuplicate('skip');
    commit.reset();
    setStep(0);
  };

  const chooseFile = async (file: File) => {
    forget();
    reset();
    setFileError(null);
    setLoading(true);
    try {
      const dataBase64 = await readFileBase64(file);
      const next = await read.mutateAsync({ fileName: file.name, dataBase64 });
      read.reset(); // drops the file's base64 from the mutation state
      setPreview(next);
      setMapping(next.mapping);
      setStep(1);
    } catch (error) {
      setFileError(error);
    } finally {
      setLoading(false);
    }
  };

  const toPreview = () => {
    if (!preview) return;
    if (sameMapping(mapping, preview.mapping)) return setStep(2);
    reset();
    remap.mutate(
      { importId: preview.importId, mapping },
      {
        onSuccess: (next) => {
          setPreview(next);
          setStep(2);
        },
      },
    );
  };

  const runImport = () => {
    if (!preview) return;
    reset();
    setStep(3);
    commit.mutate(
      { importId: preview.importId, mapping: preview.mapping, onDuplicate },
      {
        onSuccess: (done) => {
          setResult(done);
          notifications.show({
            color: 'teal',
            message: t('imports.result.toast', { count: done.created + done.updated }),
          });
        },
      },
    );
  };

  const stepError = step === 1 ? remap.error : step === 3 ? commit.error : null;
  // With "skip", rows that match a customer change nothing: the button counts what will be written.
  const toImport = preview
    ? preview.counts.valid - (onDuplicate === 'skip' ? preview.counts.existing : 0)
    : 0;
  const canImport = preview !== null && preview.mappingIssues.length === 0 && toImport > 0;

  return (
    <Modal
      opened
      onClose={close}
      size="xl"
      title={<Text fw={650}>{t('imports.title')}</Text>}
      closeOnClickOutside={false}
      closeOnEscape={!importing}
      withCloseButton={!importing}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stepper
        active={step}
        onStepClick={(i) => i < step && step < 3 && setStep(i)}
        size="sm"
        mb="lg"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={t('imports.steps.file')} description={t('imports.steps.fileText')} />
        <Stepper.Step
          label={t('imports.steps.mapping')}
          description={t('imports.steps.mappingText')}
        />
        <Stepper.Step
          label={t('imports.steps.preview')}
          description={t('imports.steps.previewText')}
        />
        <Stepper.Step
          label={t('imports.steps.import')}
          description={t('imports.steps.importText')}
          loading={importing}
        />
      </Stepper>

      {step === 0 && (
        <FileStep
          onFile={(file) => void chooseFile(file)}
          busy={loading}
          progress={progress}
          error={fileError}
        />
      )}
      {step === 1 && preview && (
        <MappingStep preview={preview} mapping={mapping} onChange={setMapping} />
      )}
      {step === 2 && preview && (
        <PreviewStep preview={preview} onDuplicate={onDuplicate} setOnDuplicate={setOnDuplicate} />
      )}
      {step === 3 && importing && <ImportProgress progress={progress} />}
      {step === 3 && result && <ResultStep result={result} />}
      {stepError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} mt="md">
          {message(stepError)}
        </Alert>
      )}

      <Group justify="flex-end" mt="lg" gap="sm">
        {step === 0 && (
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
        )}
        {(step === 1 || step === 2 || (step === 3 && commit.isError)) && (
          <Button
            variant="default"
            onClick={() => setStep(step === 3 ? 2 : step - 1)}
            disabled={remap.isPending}
          >
            {t('imports.actions.back')}
          </Button>
        )}
        {step === 1 && (
          <Button
            onClick={toPreview}
            loading={remap.isPending}
            disabled={!mapping.includes('name')}
          >
            {t('imports.actions.next')}
          </Button>
        )}
        {step === 2 && preview && (
          <Button onClick={runImport} disabled={!canImport}>
            {t('imports.actions.import', { count: toImport })}
          </Button>
        )}
        {step === 3 && result && (
          <>
            <Button variant="default" onClick={startOver}>
              {t('imports.actions.another')}
            </Button>
            <Button onClick={close}>{t('imports.actions.close')}</Button>
          </>
        )}
      </Group>
    </Modal>
  );
}
