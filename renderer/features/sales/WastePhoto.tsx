import { Button, Modal, Space, Tag, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePairingStore } from '../../state/pairing-store';
import { ErrorAlert } from '../../ui/errors';

export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/** Chooses the optional photo of a waste entry (a phone or tablet offers its camera). */
export function WastePhotoPicker({
  photo,
  onChange,
  onError,
}: {
  photo: File | null;
  onChange(file: File | null): void;
  onError(message: string): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        // antd's form styles show file inputs (display: block) over the `hidden` attribute
        style={{ display: 'none' }}
        data-testid="waste-photo-file"
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          event.target.value = '';
          if (!file) return;
          if (!file.type.startsWith('image/')) return onError(t('sales.waste.photo.notImage', { file: file.name }));
          if (file.size > MAX_PHOTO_BYTES)
            return onError(t('sales.waste.photo.tooLarge', { file: file.name, size: (file.size / 1048576).toFixed(1) }));
          onChange(file);
        }}
      />
      <Space>
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} data-testid="waste-photo">
          {photo ? t('sales.waste.photo.replace') : t('sales.waste.photo.add')}
        </Button>
        {photo ? (
          <Tag closable closeIcon={<CloseOutlined />} onClose={() => onChange(null)} data-testid="waste-photo-name">
            {photo.name}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('sales.waste.photo.optional')}</Typography.Text>
        )}
      </Space>
    </>
  );
}

/** The photo column of the recent list: attached (view), waiting to upload, or none. */
export function WastePhotoCell({ hash, queued }: { hash: string | undefined; queued: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (hash) {
    return (
      <>
        <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="waste-photo-view">
          {t('sales.waste.photo.view')}
        </Button>
        {open ? <PhotoModal hash={hash} onClose={() => setOpen(false)} /> : null}
      </>
    );
  }
  if (queued)
    return (
      <Tag color="orange" data-testid="waste-photo-queued">
        {t('sales.waste.photo.queued')}
      </Tag>
    );
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** Files are served to authorised terminals only, so the image is fetched with the token. */
function PhotoModal({ hash, onClose }: { hash: string; onClose(): void }) {
  const { t } = useTranslation();
  const pairing = usePairingStore((s) => s.pairing);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!pairing) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(`${pairing.endpointUrl.replace(/\/$/, '')}/api/v1/files/${hash}`, { headers: { authorization: `Bearer ${pairing.token}` } })
      .then(async (response) => {
        if (!response.ok) throw new Error(t('sales.waste.photo.unavailable', { status: response.status }));
        objectUrl = URL.createObjectURL(await response.blob());
        if (!cancelled) setUrl(objectUrl);
      })
      .catch((caught: unknown) => !cancelled && setError(caught instanceof TypeError ? new Error(t('sales.waste.photo.offline')) : caught));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [hash, pairing, t]);
  return (
    <Modal open title={t('sales.waste.photo.title')} footer={null} onCancel={onClose} width={640}>
      <ErrorAlert error={error} testId="waste-photo-error" />
      {url ? (
        <img src={url} alt={t('sales.waste.photo.title')} style={{ maxWidth: '100%' }} data-testid="waste-photo-image" />
      ) : error ? null : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Modal>
  );
}
