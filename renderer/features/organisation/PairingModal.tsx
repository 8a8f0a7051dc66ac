import { Alert, Modal, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The new terminal's pairing, shown once: the endpoint keeps only its token's hash, so once this
 * closes the link is gone (the screen that opened it drops it too).
 */
export function PairingModal({ name, link, onClose }: { name: string; link: string; onClose(): void }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 1, width: 240 }).then(
      (url) => current && setQr(url),
      (error: unknown) => console.error('larder: the pairing QR code could not be drawn', error),
    );
    return () => {
      current = false;
    };
  }, [link]);
  return (
    <Modal
      open
      title={t('organisation.pairing.title', { name })}
      onCancel={onClose}
      onOk={onClose}
      okText={t('organisation.pairing.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      width={520}
      data-testid="pairing-modal"
    >
      <Alert type="warning" showIcon message={t('organisation.pairing.once')} style={{ marginBottom: 16 }} />
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        {qr ? <img src={qr} width={240} height={240} alt={t('organisation.pairing.qrAlt', { name })} data-testid="pairing-qr" /> : <Spin />}
      </div>
      <Typography.Text type="secondary">{t('organisation.pairing.link')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: link }} style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>
        <span data-testid="pairing-link">{link}</span>
      </Typography.Paragraph>
    </Modal>
  );
}
