import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  onCancel(): void;
  onSave(discountPct: number, note: string): Promise<void> | void;
}

/** Discount and a note for a near-expiry lot; Enter in either field saves. */
export function MarkdownDialog({ title, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const [pct, setPct] = useState<number>(30);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await onSave(pct, note.trim());
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t('foodSafety.board.markdownSave')}
      onOk={save}
      onCancel={onCancel}
      confirmLoading={saving}
      okButtonProps={{ id: 'markdown-save' }}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={save}>
        <Form.Item label={t('foodSafety.board.markdownPct')}>
          <InputNumber
            autoFocus
            min={5}
            max={90}
            step={5}
            value={pct}
            onChange={(value) => setPct(value ?? 30)}
            onPressEnter={save}
            data-testid="markdown-pct"
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item label={t('foodSafety.board.markdownNote')}>
          <Input
            value={note}
            maxLength={200}
            onChange={(event) => setNote(event.target.value)}
            onPressEnter={save}
            data-testid="markdown-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
