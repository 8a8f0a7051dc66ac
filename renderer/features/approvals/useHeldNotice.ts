// What a screen says when an approval rule held the document it just submitted.
import { useTranslation } from 'react-i18next';
import { useRoleName } from './role-name';

/** "Held for approval by 店长: PD-… posts once approved"; null for a document that posted. */
export function useHeldNotice(): (result: { number: string; heldFor: readonly string[] | null }) => string | null {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (result) =>
    result.heldFor ? t('approvals.held', { number: result.number, roles: result.heldFor.map(roleName).join(' → ') }) : null;
}
