import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import messages from '../../../renderer/features/forecast/i18n';
import { levelChange, modelReasonText } from '../../../renderer/features/forecast/model-reason';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: { forecast: messages.en } }, 'zh-CN': { translation: { forecast: messages['zh-CN'] } } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  zh = instance.getFixedT('zh-CN');
  en = instance.getFixedT('en');
});

describe('why this model, in words', () => {
  const weekdayMean = { model: 'weekday-mean' as const, explanation: { baseline: true, weeks: 8, members: [] }, levelShift: null };

  it('names a winning baseline as the rule a manager would compute', () => {
    expect(modelReasonText(weekdayMean, zh).reason).toBe('回测中可手算的简单规则胜出，因此直接采用：最近 8 个同星期日的平均销量。');
    expect(modelReasonText(weekdayMean, en).reason).toBe(
      'A rule you can check by hand won the backtest, so it is used: the mean of the last 8 same weekdays.',
    );
    const naive = { model: 'seasonal-naive' as const, explanation: { baseline: true, weeks: null, members: [] }, levelShift: null };
    expect(modelReasonText(naive, zh).reason).toContain('上周同一天');
  });

  it('names the members of a combination and dates a level shift with its size', () => {
    const combined = {
      model: 'combination' as const,
      explanation: { baseline: false, weeks: null, members: ['theta' as const, 'weekday-mean' as const] },
      levelShift: { date: '2025-03-10', ratio: 0.62 },
    };
    const text = modelReasonText(combined, zh);
    expect(text.reason).toBe('Theta 法（稳定趋势+周规律） + 近几周同星期均值 的加权平均，权重按回测误差确定。');
    expect(text.levelShift).toBe('自 2025-03-10 起销量进入新水平（−38%），预测按此后的水平计算。');
    expect(modelReasonText(combined, en).levelShift).toBe(
      'Sales moved to a new level from 2025-03-10 (−38%); the forecast uses the level since then.',
    );
    expect(modelReasonText(weekdayMean, en).levelShift).toBeNull();
  });

  it('signs level changes', () => {
    expect(levelChange(1.5)).toBe('+50%');
    expect(levelChange(0.6)).toBe('−40%');
    expect(levelChange(1)).toBe('0%');
  });
});
