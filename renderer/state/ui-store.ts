import { create } from 'zustand';
import type { Language } from '../i18n';

export const sectionIds = ['stock', 'counts', 'production', 'dispatch', 'receiving', 'purchasing', 'reports', 'settings'] as const;
export type SectionId = (typeof sectionIds)[number];

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (sectionIds as readonly string[]).includes(id ?? '') ? (id as SectionId) : 'stock';
}

interface UiState {
  language: Language;
  section: SectionId;
  setLanguage(language: Language): void;
  setSection(section: SectionId): void;
}

export const useUiStore = create<UiState>()((set) => ({
  language: 'en',
  section: 'stock',
  setLanguage: (language) => set({ language }),
  setSection: (section) => set({ section }),
}));
