/**
 * Bundles the Electron main process and preload into dist-electron/*.cjs.
 *
 * CommonJS because the sandboxed preload cannot load ES modules, and one format for both keeps
 * `__dirname` meaningful in main. `electron` stays external: it is provided by the runtime.
 */
import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV === 'production';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron's bundled Node is newer than this; node20 is a floor that needs no down-levelling.
  target: 'node20',
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  minify: false,
  logLevel: 'info',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
]);
