// PINs are kept only as salted slow hashes (scrypt, RFC 7914), computed on the terminal that sets
// them and checked on the terminal where a person signs in, offline. The cost is chosen so a check
// takes tens of milliseconds on a till but a stolen hash costs an attacker the same per guess; a
// 4–6 digit PIN is still a small space, so the lock-out (lockout.ts) is what stops guessing at a
// terminal, and the hash only reaches the terminals of the person's own sites (server/scope.ts).
import { scryptAsync } from '@noble/hashes/scrypt';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { ValidationError } from '../errors';

const PIN = /^[0-9]{4,6}$/;
export const PIN_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

/** Refuses a PIN that is not 4–6 digits, naming the field. */
export function assertValidPin(pin: string): void {
  if (!PIN.test(pin)) throw new ValidationError('pin', 'a PIN is 4 to 6 digits');
}

async function derive(pin: string, salt: Uint8Array, params: { N: number; r: number; p: number }): Promise<Uint8Array> {
  return scryptAsync(utf8ToBytes(pin), salt, { ...params, dkLen: KEY_BYTES });
}

/** `scrypt$N$r$p$salt$hash`, the form accounts store (schemas/people.ts). */
export async function hashPin(pin: string, salt: Uint8Array = randomBytes(16)): Promise<string> {
  assertValidPin(pin);
  const { N, r, p } = PIN_SCRYPT;
  return `scrypt$${N}$${r}$${p}$${bytesToHex(salt)}$${bytesToHex(await derive(pin, salt, PIN_SCRYPT))}`;
}

/** Whether `pin` matches the stored hash; false for a malformed or empty one. */
export async function verifyPin(pin: string, stored: string | undefined): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt' || !PIN.test(pin)) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || N > 2 ** 20) return false;
  let expected: Uint8Array;
  let salt: Uint8Array;
  try {
    salt = hexToBytes(parts[4]!);
    expected = hexToBytes(parts[5]!);
  } catch {
    return false;
  }
  const actual = await derive(pin, salt, { N, r, p });
  // Constant time over the key: the check does not tell how many bytes matched.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ (expected[i] ?? 0);
  return difference === 0;
}
