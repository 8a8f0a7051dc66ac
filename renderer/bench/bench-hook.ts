// Measuring hooks for bench/terminal.ts, compiled in only when the renderer is built with
// VITE_LARDER_BENCH=1 (the bench builds its own copies): a shipped build never exposes the
// command executor on `window`. The bench runs commands the way a screen does (runCommand) and
// reads the `larder:command:*` measures the executor records for every command.
import { currentCommandSession, runCommand } from '../db/commands';
import type { CommandInput, CommandName } from '../../shared/commands';
import { useSessionStore } from '../db/session';

export interface LarderBenchHook {
  /** True once the local store and ledger are open and the terminal is paired. */
  ready(): boolean;
  run(name: string, input: unknown): Promise<unknown>;
}

export function installBenchHook(): void {
  const hook: LarderBenchHook = {
    ready: () => currentCommandSession() !== null && useSessionStore.getState().ledger !== null,
    run: async (name, input) => {
      const session = currentCommandSession();
      if (!session) throw new Error('bench: no command session yet');
      const run = await runCommand(session, name as CommandName, input as CommandInput<CommandName>);
      return run.result;
    },
  };
  (globalThis as unknown as { larderBench: LarderBenchHook }).larderBench = hook;
}
