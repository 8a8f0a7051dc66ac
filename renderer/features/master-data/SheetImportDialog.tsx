import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableModel } from '../../../shared/finance/export';
import { columnTitle, type ImportCounts, type SheetColumn, type SheetLanguage, type SheetProblem } from '../../../shared/ops/master-sheet';
import { readSheetFile } from '../../import/read-sheet';
import { useErrorText } from '../../ui/errors';
import { ExportButtons } from '../finance/ExportButtons';

/** Records saved per command: the progress bar moves, and one command never holds 10,000 writes. */
const CHUNK = 1000;

/** What a dry run returns (shared/ops/*-sheet.ts): problems per row, counts, the records to save. */
export interface SheetPlan<D> {
  fileProblems: SheetProblem[];
  rows: readonly { problems: SheetProblem[] }[];
  counts: ImportCounts;
  toApply: D[];
}

/** One kind of master list as the dialog imports it. */
export interface ImportSheet<D> {
  /** i18n keys under masterData.import: the dialog's title, its hint and the plural noun. */
  noun: 'products' | 'partners' | 'openingStock';
  columns: readonly SheetColumn[];
  plan(rows: string[][]): SheetPlan<D>;
  template(language: SheetLanguage): TableModel;
  /** False where rows only add (opening stock): the dialog then shows no "changed" count. */
  updates?: boolean;
  /** Records per command (default 1,000): one opening-stock document holds at most 500 lines. */
  chunk?: number;
  /** Saves one chunk through its import command. */
  apply(chunk: D[]): Promise<void>;
}

type Stage<D> =
  | { kind: 'choose'; error?: string }
  | { kind: 'planned'; name: string; plan: SheetPlan<D> }
  | { kind: 'importing'; name: string; plan: SheetPlan<D>; done: number }
  | { kind: 'finished'; name: string; plan: SheetPlan<D>; done: number; error?: string };

/** 导入: choose a file, read the dry run (every bad cell by row and column), import the valid rows. */
export function SheetImportDialog<D>({ sheet, onClose }: { sheet: ImportSheet<D>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const noun = t(`masterData.import.nouns.${sheet.noun}`);
  const [stage, setStage] = useState<Stage<D>>({ kind: 'choose' });
  const language: SheetLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const read = async (file: File): Promise<void> => {
    if (/\.xls$/i.test(file.name)) return setStage({ kind: 'choose', error: t('masterData.import.xls') });
    try {
      const rows = await readSheetFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const plan = sheet.plan(rows);
      setStage({ kind: 'planned', name: file.name, plan });
    } catch (error) {
      setStage({
        kind: 'choose',
        error: t('masterData.import.unreadable', { name: file.name, reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  const apply = async (name: string, plan: SheetPlan<D>): Promise<void> => {
    let done = 0;
    setStage({ kind: 'importing', name, plan, done });
    try {
      const size = sheet.chunk ?? CHUNK;
      for (let start = 0; start < plan.toApply.length; start += size) {
        const chunk = plan.toApply.slice(start, start + size);
        await sheet.apply(chunk);
        done += chunk.length;
        setStage({ kind: 'importing', name, plan, done });
      }
      setStage({ kind: 'finished', name, plan, done });
    } catch (error) {
      setStage({ kind: 'finished', name, plan, done, error: errorText(error) });
    }
  };

  const problemText = (problem: SheetProblem): string =>
    t(`masterData.import.problem.${problem.kind}`, { value: problem.value ?? '', detail: problem.detail ?? '' });
  const titleOf = (key: string): string => {
    const column = sheet.columns.find((c) => c.key === key);
    return column ? columnTitle(column, language) : key;
  };

  const footer =
    stage.kind === 'planned' ? (
      <Space>
        <Button onClick={onClose} data-testid="import-close">
          {t('masterData.import.close')}
        </Button>
        <Button onClick={() => setStage({ kind: 'choose' })} data-testid="import-again">
          {t('masterData.import.other')}
        </Button>
        <Button
          type="primary"
          disabled={stage.plan.toApply.length === 0}
          onClick={() => void apply(stage.name, stage.plan)}
          data-testid="import-run"
        >
          {t('masterData.import.run', { count: stage.plan.toApply.length, noun })}
        </Button>
      </Space>
    ) : (
      <Button onClick={onClose} disabled={stage.kind === 'importing'} data-testid="import-close">
        {t('masterData.import.close')}
      </Button>
    );

  return (
    <Modal
      open
      title={t('masterData.import.title', { noun })}
      width={760}
      onCancel={stage.kind === 'importing' ? undefined : onClose}
      closable={stage.kind !== 'importing'}
      maskClosable={false}
      footer={footer}
    >
      {stage.kind === 'choose' && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="import-choose">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t(`masterData.import.hints.${sheet.noun}`)}
          </Typography.Paragraph>
          <Space>
            <Typography.Text>{t('masterData.import.template')}</Typography.Text>
            <ExportButtons table={() => sheet.template(language)} testId="import-template" />
          </Space>
          {stage.error && <Alert type="error" showIcon message={stage.error} data-testid="import-error" />}
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".xlsx,.csv,.txt"
              showUploadList={false}
              beforeUpload={(file) => {
                void read(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('masterData.import.choose')}</p>
            </Upload.Dragger>
          </div>
        </Space>
      )}
      {stage.kind !== 'choose' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{stage.name}</Typography.Text>
          {stage.plan.fileProblems.map((problem) => (
            <Alert
              key={problem.column}
              type="error"
              showIcon
              message={t('masterData.import.missingColumn', { column: titleOf(problem.column) })}
              data-testid="import-file-problem"
            />
          ))}
          <Space wrap data-testid="import-counts">
            <Tag color="blue">{t('masterData.import.new', { count: stage.plan.counts.new })}</Tag>
            {sheet.updates !== false && <Tag color="gold">{t('masterData.import.changed', { count: stage.plan.counts.changed })}</Tag>}
            <Tag>{t('masterData.import.unchanged', { count: stage.plan.counts.unchanged })}</Tag>
            <Tag color={stage.plan.counts.invalid > 0 ? 'red' : undefined}>
              {t('masterData.import.invalid', { count: stage.plan.counts.invalid })}
            </Tag>
          </Space>
          {stage.plan.counts.invalid > 0 && <Alert type="warning" showIcon message={t('masterData.import.skipInvalid')} />}
          {stage.kind === 'planned' && stage.plan.toApply.length === 0 && stage.plan.fileProblems.length === 0 && (
            <Alert type="info" showIcon message={t('masterData.import.nothing')} data-testid="import-nothing" />
          )}
          {stage.kind !== 'planned' && (
            <Progress
              percent={Math.round((100 * stage.done) / Math.max(1, stage.plan.toApply.length))}
              status={stage.kind === 'finished' && stage.error ? 'exception' : undefined}
              data-testid="import-progress"
            />
          )}
          {stage.kind === 'finished' &&
            (stage.error ? (
              <Alert
                type="error"
                showIcon
                message={t('masterData.import.failed', { count: stage.done, reason: stage.error, noun })}
                data-testid="import-failed"
              />
            ) : (
              <Alert type="success" showIcon message={t('masterData.import.done', { count: stage.done, noun })} data-testid="import-done" />
            ))}
          {stage.plan.counts.invalid > 0 && (
            <Table<SheetProblem & { key: number }>
              size="small"
              virtual
              scroll={{ y: 280 }}
              pagination={false}
              dataSource={stage.plan.rows.flatMap((row) => row.problems).map((problem, key) => ({ ...problem, key }))}
              data-testid="import-problems"
              columns={[
                { title: t('masterData.import.col.row'), dataIndex: 'row', width: 70 },
                { title: t('masterData.import.col.column'), key: 'column', width: 170, render: (_, problem) => titleOf(problem.column) },
                { title: t('masterData.import.col.problem'), key: 'problem', render: (_, problem) => problemText(problem) },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
