// Proves the lint enforces ARCHITECTURE.md's "Never" rules: each forbidden import below must be
// reported by the project's real ESLint config, and each allowed one must not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layering rules', () => {
  it.each([
    ['shared/domain/x.ts', "import { app } from '../../renderer/shell/App';"],
    ['shared/domain/x.ts', "import { startEndpoint } from '../../server/app';"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import React from 'react';"],
    ['shared/x.ts', "import Dexie from 'dexie';"],
    ['renderer/shell/x.ts', "import { startEndpoint } from '../../server/app';"],
    ['renderer/shell/x.ts', "import { createWindow } from '../../electron/window';"],
    ['renderer/shell/x.ts', "import { ipcRenderer } from 'electron';"],
    ['server/x.ts', "import { App } from '../renderer/shell/App';"],
    ['server/x.ts', "import { createWindow } from '../electron/window';"],
    ['electron/x.ts', "import { startEndpoint } from '../server/app';"],
  ])('%s may not %s', async (filePath, source) => {
    expect(await restrictedImportErrors(filePath, `${source}\nexport {};\n`)).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['renderer/shell/x.ts', "import type { LarderBridge } from '../../shared/bridge';"],
    ['server/x.ts', "import { collectionSchemas } from '../shared/schemas';"],
    ['electron/x.ts', "import type { LarderBridge } from '../shared/bridge';"],
    ['shared/domain/x.ts', "import { collectionSchemas } from '../schemas';"],
  ])('%s may %s', async (filePath, source) => {
    expect(await restrictedImportErrors(filePath, `${source}\nexport {};\n`)).toBe(0);
  });
});

describe('layering rules do not catch package subpaths', () => {
  it('renderer may import react-dom/server (a package, not the server/ folder)', async () => {
    expect(
      await restrictedImportErrors('renderer/ui/x.tsx', "import { renderToStaticMarkup } from 'react-dom/server';\nexport {};\n"),
    ).toBe(0);
  });
});

async function ruleErrors(filePath: string, source: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

describe('commands are the one write path', () => {
  it.each([
    'await db.documents.insert(draft);',
    'await db.events.bulkInsert(events);',
    'await database.config.upsert(doc);',
    "await doc.incrementalPatch({ qcStatus: 'pending' });",
    'await collection.bulkUpsert(rows);',
    'await found.remove();',
    "await db.documents.upsertLocal('k', {});",
  ])('a screen in renderer/features/ may not write: %s', async (statement) => {
    const messages = await ruleErrors(
      'renderer/features/kitchen/x.tsx',
      `export async function f(db: any, doc: any, draft: any, events: any, database: any, collection: any, rows: any, found: any) {\n  ${statement}\n}\n`,
      'no-restricted-syntax',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('run a named command');
  });

  it('the executor in renderer/db/ may write, and a screen may run a command', async () => {
    const write =
      'export async function f(db: { documents: { insert(d: unknown): Promise<void> } }) {\n  await db.documents.insert({});\n}\n';
    expect(await ruleErrors('renderer/db/x.ts', write, 'no-restricted-syntax')).toEqual([]);
    const send = "export async function f(command: (n: string, i: unknown) => Promise<void>) {\n  await command('dispatch.ship', {});\n}\n";
    expect(await ruleErrors('renderer/features/kitchen/x.tsx', send, 'no-restricted-syntax')).toEqual([]);
  });
});
