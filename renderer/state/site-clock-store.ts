// The zone this terminal's site keeps time in (its site document's `timeZone`, the default until
// that document has synced). Business dates, document numbers and printed times read it; the
// computer's own zone is never asked (ARCHITECTURE.md: time belongs to the site).
import { create } from 'zustand';
import { DEFAULT_SITE_TIME_ZONE } from '../../shared/domain';

interface SiteClockState {
  timeZone: string;
  setTimeZone(timeZone: string): void;
}

export const useSiteClockStore = create<SiteClockState>()((set) => ({
  timeZone: DEFAULT_SITE_TIME_ZONE,
  setTimeZone: (timeZone) => set({ timeZone }),
}));

export const siteTimeZoneNow = (): string => useSiteClockStore.getState().timeZone;
