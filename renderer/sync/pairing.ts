import { fetchWhoAmI, normaliseEndpointUrl } from './endpoint-api';
import type { Pairing } from '../state/pairing-store';

export class PairingInputError extends Error {
  override readonly name = 'PairingInputError';
  constructor(readonly field: 'urlRequired' | 'urlInvalid' | 'tokenRequired') {
    super(field);
  }
}

/** Checks the URL and token against the endpoint's whoami before anything is stored. */
export async function pairTerminal(endpointUrlInput: string, tokenInput: string): Promise<Pairing> {
  if (!endpointUrlInput.trim()) throw new PairingInputError('urlRequired');
  const endpointUrl = normaliseEndpointUrl(endpointUrlInput);
  if (!endpointUrl) throw new PairingInputError('urlInvalid');
  const token = tokenInput.trim();
  if (!token) throw new PairingInputError('tokenRequired');
  const who = await fetchWhoAmI(endpointUrl, token);
  return { ...who, endpointUrl, token, pairedAt: new Date().toISOString() };
}
