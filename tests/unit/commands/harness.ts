// Runs a command as the executor would, without a database: a fixed stamp (ids and numbers count
// up), a ledger from the domain fixtures, and the documents, events and config the test names.
import {
  commandNamed,
  type CommandInput,
  type CommandName,
  type CommandOutcome,
  type CommandResult,
  type CommandStamp,
} from '../../../shared/commands';
import { Ledger } from '../../../shared/domain';
import type { ConfigDoc, DocumentDoc, EventDoc, PartnerDoc, PersonDoc, ProductDoc } from '../../../shared/schemas';
import { KITCHEN } from '../domain/fixtures';

export const AT = '2025-03-01T08:00:00.000Z';

export function stampFor(overrides: Partial<Omit<CommandStamp, 'newId' | 'nextNumber'>> = {}): CommandStamp {
  let ids = 0;
  const numbers = new Map<string, number>();
  return {
    siteId: KITCHEN,
    siteKind: 'kitchen',
    terminalId: 'term-1',
    operator: null,
    at: AT,
    businessDate: '2025-03-01',
    ...overrides,
    newId: () => `id-${++ids}`,
    nextNumber: (prefix) => {
      const next = (numbers.get(prefix) ?? 0) + 1;
      numbers.set(prefix, next);
      return `${prefix}-${next}`;
    },
  };
}

export interface World {
  ledger?: Ledger;
  documents?: DocumentDoc[];
  events?: EventDoc[];
  config?: ConfigDoc[];
  products?: ProductDoc[];
  partners?: PartnerDoc[];
  people?: PersonDoc[];
  stamp?: CommandStamp;
}

/** The command's outcome; it throws what the command throws. Documents it reads are the world's documents plus the ledger's. */
export function run<N extends CommandName>(name: N, input: CommandInput<N>, world: World = {}): CommandOutcome<CommandResult<N>> {
  const ledger = world.ledger ?? new Ledger();
  for (const document of world.documents ?? []) ledger.upsertDocument(document);
  return commandNamed(name).run(input, {
    stamp: world.stamp ?? stampFor(),
    ledger,
    documents: world.documents ?? [],
    events: world.events ?? [],
    config: world.config ?? [],
    products: world.products ?? [],
    partners: world.partners ?? [],
    people: world.people ?? [],
  });
}
