// Who is signed in at this terminal (issue 15). The site's staff accounts arrive by sync
// (session.ts follows them); once the site has one with a PIN, every write needs a person signed
// in, and the shell shows the PIN pad until someone is. The signed-in person is kept in memory
// only: a restart, an idle timeout or "switch user" asks for a PIN again. Wrong-PIN counts are
// kept in the terminal's storage, so a restart does not lift a lock-out.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { afterWrongPin, noAttempts, type Operator, type PinAttempts } from '../../shared/domain';
import type { PersonDoc } from '../../shared/schemas';

interface SignInState {
  /** This site's active accounts that have a PIN; undefined until the store has been read. */
  accounts: PersonDoc[] | undefined;
  operator: Operator | null;
  accountId: string | null;
  setAccounts(accounts: PersonDoc[]): void;
  signIn(accountId: string, operator: Operator): void;
  signOut(): void;
}

export const useSignInStore = create<SignInState>()((set, get) => ({
  accounts: undefined,
  operator: null,
  accountId: null,
  setAccounts: (accounts) => {
    const { accountId: current, accounts: before } = get();
    const rolesOf = (list: PersonDoc[] | undefined) => JSON.stringify(list?.find((account) => account.id === current)?.roles ?? null);
    // Deactivated, moved away or given other roles while signed in: signed out at once, so the
    // next sign-in carries what the person may do now.
    const unchanged = current === null || (accounts.some((account) => account.id === current) && rolesOf(accounts) === rolesOf(before));
    set(unchanged ? { accounts } : { accounts, operator: null, accountId: null });
  },
  signIn: (accountId, operator) => set({ accountId, operator }),
  signOut: () => set({ operator: null, accountId: null }),
}));

/** Whether this terminal's writes need a person signed in: its site has staff accounts with PINs. */
export function signInRequired(state: Pick<SignInState, 'accounts'> = useSignInStore.getState()): boolean {
  return (state.accounts?.length ?? 0) > 0;
}

interface AttemptsState {
  /** Per account id. */
  attempts: Record<string, PinAttempts>;
  wrongPin(accountId: string, now: number): PinAttempts;
  rightPin(accountId: string): void;
}

export const usePinAttemptsStore = create<AttemptsState>()(
  persist(
    (set, get) => ({
      attempts: {},
      wrongPin: (accountId, now) => {
        const next = afterWrongPin(get().attempts[accountId] ?? noAttempts, now);
        set({ attempts: { ...get().attempts, [accountId]: next } });
        return next;
      },
      rightPin: (accountId) => {
        const { [accountId]: _cleared, ...rest } = get().attempts;
        set({ attempts: rest });
      },
    }),
    { name: 'larder.pin-attempts', version: 1 },
  ),
);
