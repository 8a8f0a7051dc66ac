// A role's name in the UI language: built-in roles through the translations, HQ's custom roles by
// their own name (config 'roles').
import { useTranslation } from 'react-i18next';
import { customRolesFrom } from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

export function useRoleName(): (role: string) => string {
  const { t } = useTranslation();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find(), []) ?? [];
  const custom = customRolesFrom(config);
  return (role) => custom.find((candidate) => candidate.id === role)?.name ?? t(`people.roles.${role}`, { defaultValue: role });
}
