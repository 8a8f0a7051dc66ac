// What HQ's organisation screens share: the connection they call the endpoint with (this HQ
// terminal's own pairing), the fleet as last read, and endpoint refusals in the user's words.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import type { FleetTerminal } from '../../../shared/protocol/admin';
import { usePairingStore } from '../../state/pairing-store';
import { OrgAdminError, orgAdmin, type AdminConnection } from '../../sync/org-admin-api';

/** This terminal's pairing as an admin connection; null unless paired to an HQ site. */
export function useAdminConnection(): AdminConnection | null {
  const pairing = usePairingStore((s) => s.pairing);
  const endpointUrl = pairing?.endpointUrl;
  const token = pairing?.token;
  const isHq = pairing?.siteKind === 'hq';
  return useMemo(() => (endpointUrl && token && isHq ? { endpointUrl, token } : null), [endpointUrl, token, isHq]);
}

const FIELDS = ['id', 'name', 'timeZone', 'kind', 'siteId', 'terminalId'] as const;

/** An endpoint refusal in words: the field it blames, or why it refused. */
export function describeAdminError(t: TFunction, error: unknown): string {
  if (!(error instanceof OrgAdminError)) return t('organisation.errors.other', { status: '—' });
  if (error.reason === 'unreachable') return t('organisation.errors.unreachable');
  if (error.reason === 'forbidden') return t('organisation.errors.forbidden');
  if (error.reason === 'exists') return t('organisation.errors.exists');
  if (error.reason === 'not-found') return t('organisation.errors.notFound');
  const field = FIELDS.find((name) => name === error.field);
  if (field) return t(`organisation.errors.field.${field}`);
  return t('organisation.errors.other', { status: error.status ?? '—' });
}

/** The field an endpoint refusal blames, for the form to mark. */
export function blamedField(error: unknown): string | null {
  return error instanceof OrgAdminError ? error.field : null;
}

export interface FleetState {
  terminals: FleetTerminal[] | null;
  error: unknown;
  checkedAt: number | null;
  refresh(): Promise<void>;
}

const FLEET_POLL_MS = 30_000;

/** The endpoint's fleet, read now and every 30 s while a screen shows it. */
export function useFleet(connection: AdminConnection | null): FleetState {
  const [terminals, setTerminals] = useState<FleetTerminal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);
  const refresh = useCallback(async () => {
    if (!connection) return;
    try {
      setTerminals(await orgAdmin.fleet(connection));
      setError(null);
      setCheckedAt(Date.now());
    } catch (failure) {
      setError(failure);
    }
  }, [connection]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), FLEET_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { terminals, error, checkedAt, refresh };
}
