import { create } from 'zustand';
import type { Language } from '../i18n';

interface UiState {
  language: Language;
  /** The location hash, e.g. '#/dispatch/<id>'; renderer/shell/routes.tsx parses it. */
  hash: string;
  setLanguage(language: Language): void;
  setHash(hash: string): void;
}

export const useUiStore = create<UiState>()((set) => ({
  language: 'en',
  hash: '',
  setLanguage: (language) => set({ language }),
  setHash: (hash) => set({ hash }),
}));
