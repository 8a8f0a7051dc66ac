import { Alert, Checkbox, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { computeExpiry, isExpired } from '../../../shared/domain';
import type { ProductDoc } from '../../../shared/schemas';

export interface ExpiryChoice {
  productId?: string;
  expiryDate?: string;
  productionDate?: string;
  /** Take the batch in quarantined (QC holds it out of every sale until released). */
  quarantine?: boolean;
  /** Or why it is taken in as it is. */
  expiredReason?: string;
}

/** The line's expiry when it is before the site's business date (given, or from the production date). */
export function passedExpiry(line: ExpiryChoice, product: ProductDoc | undefined, businessDate: string): string | undefined {
  const expiryDate =
    line.expiryDate ?? (product && line.productionDate ? computeExpiry(product, line.productionDate).expiryDate : undefined);
  return expiryDate !== undefined && isExpired({ expiryDate }, businessDate) ? expiryDate : undefined;
}

/** Whether an expired line still needs the clerk's choice (quarantine or a reason). */
export function needsExpiryChoice(line: ExpiryChoice, product: ProductDoc | undefined, businessDate: string): boolean {
  return passedExpiry(line, product, businessDate) !== undefined && !line.quarantine && !line.expiredReason?.trim();
}

/**
 * One warning per line whose batch is already past its expiry: receive it quarantined or give a
 * reason (the command refuses it otherwise). Indexes are the form's line indexes (test ids).
 */
export function ExpiredLines<L extends ExpiryChoice>(props: {
  lines: readonly L[];
  product(id: string | undefined): ProductDoc | undefined;
  productName(id: string | undefined): string;
  businessDate: string;
  onChange(index: number, change: Partial<ExpiryChoice>): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.lines.map((line, index) => {
        const expiry = passedExpiry(line, props.product(line.productId), props.businessDate);
        if (!line.productId || expiry === undefined) return null;
        return (
          <Alert
            key={index}
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid={`receipt-expired-${index}`}
            message={t('purchasing.receipt.expiredWarning', {
              line: index + 1,
              product: props.productName(line.productId),
              expiry,
              date: props.businessDate,
            })}
            description={
              <Space wrap>
                <Checkbox
                  checked={line.quarantine ?? false}
                  data-testid={`receipt-line-quarantine-${index}`}
                  onChange={(event) => props.onChange(index, { quarantine: event.target.checked })}
                >
                  {t('purchasing.receipt.quarantine')}
                </Checkbox>
                <Input
                  style={{ width: 360 }}
                  maxLength={200}
                  disabled={line.quarantine ?? false}
                  placeholder={t('purchasing.receipt.expiredReason')}
                  aria-label={t('purchasing.receipt.expiredReason')}
                  data-testid={`receipt-line-expired-reason-${index}`}
                  value={line.expiredReason ?? ''}
                  onChange={(event) => props.onChange(index, { expiredReason: event.target.value })}
                />
              </Space>
            }
          />
        );
      })}
    </>
  );
}
