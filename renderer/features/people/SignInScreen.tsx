// The PIN pad a shared terminal shows while nobody is signed in at a site that has staff accounts
// (issue 15). Works offline: accounts and PIN hashes are in the local store. Five wrong PINs lock
// the account on this terminal for five minutes, across restarts (sign-in-store.ts).
import { Alert, Button, Card, Input, Select, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lockedFor, MAX_WRONG_PINS, noAttempts, operatorOf, verifyPin } from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { usePinAttemptsStore, useSignInStore } from '../../state/sign-in-store';
import { personName } from './person-name';

export function SignInScreen() {
  const { t, i18n } = useTranslation();
  const accounts = useSignInStore((s) => s.accounts) ?? [];
  const signIn = useSignInStore((s) => s.signIn);
  const config = useRxQuery<ConfigDoc>((db) => db.config.find(), []);
  const [accountId, setAccountId] = useState<string | undefined>(undefined);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const pinInput = useRef<InputRef | null>(null);
  const chosen = accounts.find((account) => account.id === accountId) ?? (accounts.length === 1 ? accounts[0] : undefined);
  useEffect(() => {
    if (chosen) pinInput.current?.focus();
  }, [chosen]);

  const submit = async () => {
    if (!chosen || checking) return;
    const attempts = usePinAttemptsStore.getState();
    const now = Date.now();
    const name = personName(chosen, i18n.language);
    const wait = lockedFor(attempts.attempts[chosen.id] ?? noAttempts, now);
    if (wait > 0) {
      setPin('');
      setProblem(t('people.signIn.locked', { name, minutes: Math.ceil(wait / 60_000) }));
      return;
    }
    setChecking(true);
    const right = await verifyPin(pin, chosen.pinHash);
    setChecking(false);
    setPin('');
    if (right) {
      attempts.rightPin(chosen.id);
      setProblem(null);
      signIn(chosen.id, operatorOf(chosen, config ?? []));
      return;
    }
    const after = attempts.wrongPin(chosen.id, Date.now());
    setProblem(
      after.lockedUntil > 0
        ? t('people.signIn.locked', { name, minutes: Math.ceil(lockedFor(after, Date.now()) / 60_000) })
        : t('people.signIn.wrong', { left: MAX_WRONG_PINS - after.wrong }),
    );
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 48 }} data-testid="sign-in">
      <Card title={t('people.signIn.title')} style={{ width: 380 }}>
        <Typography.Paragraph type="secondary">{t('people.signIn.intro')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            placeholder={t('people.signIn.who')}
            value={chosen?.id}
            onChange={(id: string) => {
              setAccountId(id);
              setProblem(null);
            }}
            options={accounts.map((account) => ({
              value: account.id,
              label: `${personName(account, i18n.language)}${account.code ? ` · ${account.code}` : ''}`,
            }))}
            data-testid="sign-in-person"
          />
          <Input.Password
            ref={pinInput}
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
            placeholder={t('people.signIn.pin')}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            onPressEnter={() => void submit()}
            disabled={!chosen}
            data-testid="sign-in-pin"
          />
          {problem && <Alert type="error" showIcon message={problem} data-testid="sign-in-problem" />}
          <Button
            type="primary"
            block
            disabled={!chosen || pin.length < 4}
            loading={checking}
            onClick={() => void submit()}
            data-testid="sign-in-submit"
          >
            {checking ? t('people.signIn.checking') : t('people.signIn.submit')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
