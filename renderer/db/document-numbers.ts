import type { NumberPrefix } from '../../shared/commands';

/**
 * A human document number: prefix, business date, this terminal's short code and a running
 * number kept per terminal, so two offline terminals of one site never print the same number.
 */
export function nextDocumentNumber(prefix: NumberPrefix, terminalId: string, businessDate: string): string {
  const day = businessDate.replaceAll('-', '');
  const key = `larder.docseq.${prefix}.${day}`;
  const next = Number(localStorage.getItem(key) ?? '0') + 1;
  localStorage.setItem(key, String(next));
  const terminalCode = terminalId
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(-4)
    .toUpperCase();
  return `${prefix}-${day}-${terminalCode}-${String(next).padStart(3, '0')}`;
}
