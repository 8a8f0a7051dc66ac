// When each person last opened the message centre on this terminal (its badge counts what came
// since). Kept in the terminal's profile, like the PIN attempts.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface MessageSeenState {
  /** personId (or '' for a site without sign-in) → ISO instant the list was last opened. */
  seen: Record<string, string>;
  markSeen(personId: string, at: string): void;
}

export const useMessageSeenStore = create<MessageSeenState>()(
  persist(
    (set, get) => ({
      seen: {},
      markSeen: (personId, at) => set({ seen: { ...get().seen, [personId]: at } }),
    }),
    { name: 'larder.messages-seen', version: 1 },
  ),
);
