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
