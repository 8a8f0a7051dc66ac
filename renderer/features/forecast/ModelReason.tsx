import { useTranslation } from 'react-i18next';
import type { SeriesResult } from './forecast-compute';
import { modelReasonText } from './model-reason';

/** The chosen model's reason and any level shift, under the product's forecast figures. */
export function ModelReason({ series }: { series: Pick<SeriesResult, 'model' | 'explanation' | 'levelShift'> }) {
  const { t } = useTranslation();
  const text = modelReasonText(series, t);
  return (
    <span data-testid="model-reason">
      {text.reason}
      {text.levelShift && (
        <>
          <br />
          <span data-testid="level-shift">{text.levelShift}</span>
        </>
      )}
    </span>
  );
}
