// Who is signed in, in the header, with "switch user": one click back to the PIN pad (the person
// picker then the PIN: two keystrokes for a regular). Also signs out after the site's idle time.
import { Button, Space, Tag } from 'antd';
import { SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { signInRequired, useSignInStore } from '../../state/sign-in-store';
import { personName } from './person-name';
import { useIdleSignOut } from './useIdleSignOut';

export function OperatorBadge() {
  const { t, i18n } = useTranslation();
  const operator = useSignInStore((s) => s.operator);
  const required = useSignInStore((s) => signInRequired(s));
  const signOut = useSignInStore((s) => s.signOut);
  useIdleSignOut(operator !== null);
  if (!required || !operator) return null;
  const name = personName(operator, i18n.language);
  return (
    <Space size={4} style={{ flex: '0 0 auto' }}>
      <Tag icon={<UserOutlined />} data-testid="operator" title={t('people.signIn.signedInAs', { name })}>
        {name}
      </Tag>
      <Button size="small" icon={<SwapOutlined />} onClick={signOut} data-testid="switch-user">
        {t('people.signIn.switchUser')}
      </Button>
    </Space>
  );
}
