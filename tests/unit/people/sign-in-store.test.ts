// The terminal's sign-in state (renderer/state/sign-in-store.ts): a change HQ makes to the person
// signed in takes effect at once, by signing them out.
import { describe, expect, it } from 'vitest';
import { useSignInStore, signInRequired } from '../../../renderer/state/sign-in-store';
import { operatorOf } from '../../../shared/domain';
import type { PersonDoc } from '../../../shared/schemas';

const account = (roles: string[], active = true): PersonDoc => ({
  id: 'fang@s1',
  personId: 'fang',
  siteId: 's1',
  name: '王芳',
  roles,
  pinHash: 'scrypt$x',
  active,
  updatedAt: '2026-12-07T00:00:00.000Z',
});

describe('the sign-in store', () => {
  it('needs a sign-in once the site has accounts, and signs out a person whose roles or account changed', () => {
    const store = useSignInStore.getState();
    store.setAccounts([]);
    expect(signInRequired()).toBe(false);
    store.setAccounts([account(['clerk'])]);
    expect(signInRequired()).toBe(true);
    store.signIn('fang@s1', operatorOf(account(['clerk']), []));
    store.setAccounts([account(['clerk']), { ...account(['clerk']), id: 'li@s1', personId: 'li' }]);
    expect(useSignInStore.getState().operator?.name).toBe('王芳');
    store.setAccounts([account(['store-manager'])]);
    expect(useSignInStore.getState().operator).toBeNull();
    store.signIn('fang@s1', operatorOf(account(['store-manager']), []));
    store.setAccounts([]);
    expect(useSignInStore.getState().operator).toBeNull();
  });
});
