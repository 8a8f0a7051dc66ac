import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { featureResources } from './features';

export const supportedLanguages = ['zh-CN', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

const storageKey = 'larder.language';

/** zh-CN when the OS/browser prefers any Chinese variant, English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  return preferred.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function initialLanguage(): Language {
  const remembered = localStorage.getItem(storageKey);
  if (remembered === 'zh-CN' || remembered === 'en') return remembered;
  return detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...featureResources('en') } },
      'zh-CN': { translation: { ...zhCN, ...featureResources('zh-CN') } },
    },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}
