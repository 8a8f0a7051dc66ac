// `npm start`: one command, embedded defaults. Starts a local replication endpoint on an SQLite
// file in the per-user data directory, pairs this terminal with it on first run, and opens the
// app: the Electron window where its binary exists, otherwise browser mode (the same renderer
// served by the endpoint, in a Chromium --app window when there is one). Ctrl-C stops it all.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEndpoint } from '../server/app';
import { ensureRendererBuild, projectRoot, rendererDist } from './renderer-build';
import { defaultDataDir, findChromium, findFreePort, locateElectron, pairingFragment } from './launcher-support';
import { ensureLocalTerminals } from './local-terminal';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    browser: { type: 'boolean', default: false }, // force browser mode even where Electron exists
    'no-open': { type: 'boolean', default: false }, // print the URL only (tests, servers)
  },
});

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = path.resolve(args.data ?? process.env.LARDER_DATA_DIR ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true });
  const host = args.host ?? process.env.LARDER_HOST ?? '127.0.0.1';
  const port = await findFreePort(Number(args.port ?? process.env.LARDER_PORT ?? 4455), host);

  ensureRendererBuild();
  const endpoint = await startEndpoint({ dataDir: path.join(dataDir, 'endpoint'), port, host, staticDir: rendererDist });
  const launcher = await ensureLocalTerminals(endpoint.storage, dataDir);
  const terminal = launcher.terminals.find((t) => t.siteId === launcher.defaultSiteId) ?? launcher.terminals[0];
  if (!terminal) throw new Error(`${path.join(dataDir, 'launcher.json')} lists no terminal; delete it to pair again`);
  console.log(`larder: data in ${dataDir}`);
  console.log(`larder: endpoint listening ${endpoint.url} (site ${terminal.siteId}, terminal ${terminal.terminalId})`);

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('larder: stopping…');
    for (const child of children) child.kill('SIGTERM');
    await endpoint.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const electron = args.browser ? { binary: null, reason: '--browser was given' } : locateElectron();
  if (electron.binary) {
    // The main process and preload are bundled by esbuild (a second or two); always fresh.
    const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/build-electron.ts')], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the Electron main/preload build failed');
    console.log('larder: opening the Electron window');
    const child = spawn(electron.binary, [projectRoot], {
      stdio: 'inherit',
      env: { ...process.env, LARDER_ENDPOINT_URL: endpoint.url, LARDER_TERMINAL_TOKEN: terminal.token },
    });
    child.on('exit', () => void stop(0));
    children.push(child);
    return;
  }

  const demoLinks = launcher.terminals.map(({ siteId, siteKind, siteName, token }) => ({ siteId, siteKind, siteName, token }));
  const appUrl = `${endpoint.url}/${pairingFragment(endpoint.url, terminal.token, demoLinks)}`;
  console.log(`larder: Electron window not opened: ${electron.reason}; using browser mode.`);
  console.log(`larder: open ${appUrl}`);
  const chromium = args['no-open'] ? null : findChromium();
  if (chromium) {
    const profile = path.join(dataDir, 'browser-profile');
    const flags = [
      `--app=${appUrl}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ];
    if (process.getuid?.() === 0) flags.push('--no-sandbox'); // Chromium refuses to run as root otherwise
    const child = spawn(chromium, flags, { stdio: 'ignore' });
    child.on('error', (error) => console.log(`larder: could not open ${chromium}: ${error.message}`));
    children.push(child);
    console.log(`larder: opened ${path.basename(chromium)} --app window`);
  } else if (!args['no-open']) {
    console.log('larder: no Chromium with a display found; open the URL above in any browser.');
  }
  console.log(`larder: ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl-C stops everything`);
}

main().catch((error: unknown) => {
  console.error(`larder: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
