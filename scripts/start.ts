// `npm start`: one command, embedded defaults. Starts a local replication endpoint on an SQLite
// file in the per-user data directory, pairs this terminal with it on first run, and opens the
// app: the Electron window where its binary exists, otherwise browser mode (the same renderer
// served by the endpoint, in a Chromium --app window when there is one). Ctrl-C stops it all.
// No terminal token is printed or put on a command line (`ps` shows every user's): Electron gets
// its token in the environment, browser mode a one-time code (shared/launcher-handoff.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEndpoint } from '../server/app';
import { PairingCodeBook } from '../server/http/launcher-pairing';
import { ensureRendererBuild, projectRoot, rendererDist } from './renderer-build';
import { chromiumFlags, defaultDataDir, findChromium, findFreePort, launcherLink, locateElectron } from './launcher-support';
import { ensureLocalTerminals, launcherFilePath, restrictToOwner } from './local-terminal';

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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // It holds the endpoint's database and launcher.json (every local terminal's token).
  if (restrictToOwner(dataDir)) console.log(`larder: made ${dataDir} readable by this user only`);
  const host = args.host ?? process.env.LARDER_HOST ?? '127.0.0.1';
  const port = await findFreePort(Number(args.port ?? process.env.LARDER_PORT ?? 4455), host);

  ensureRendererBuild();
  const pairingCodes = new PairingCodeBook();
  const endpoint = await startEndpoint({
    dataDir: path.join(dataDir, 'endpoint'),
    port,
    host,
    staticDir: rendererDist,
    launcherPairing: pairingCodes,
  });
  const launcher = await ensureLocalTerminals(endpoint.storage, dataDir);
  const terminal = launcher.terminals.find((t) => t.siteId === launcher.defaultSiteId) ?? launcher.terminals[0];
  if (!terminal) throw new Error(`${launcherFilePath(dataDir)} lists no terminal; delete it to pair again`);
  console.log(`larder: data in ${dataDir}`);
  console.log(`larder: terminal tokens are kept in ${launcherFilePath(dataDir)} (readable by this user only)`);
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

  const terminals = launcher.terminals.map(({ siteId, siteKind, siteName, token }) => ({ siteId, siteKind, siteName, token }));
  const handoff = { endpointUrl: endpoint.url, token: terminal.token, terminals };
  console.log(`larder: Electron window not opened: ${electron.reason}; using browser mode.`);
  const chromium = args['no-open'] ? null : findChromium();
  if (chromium) {
    // The code is on Chromium's command line, where any user may read it: it is worth nothing
    // once the window has used it, a second or two from now, or after a minute.
    const appUrl = launcherLink(endpoint.url, pairingCodes.issue(handoff));
    const child = spawn(chromium, chromiumFlags(appUrl, path.join(dataDir, 'browser-profile'), process.getuid?.() === 0), {
      stdio: 'ignore',
    });
    child.on('error', (error) => console.log(`larder: could not open ${chromium}: ${error.message}`));
    children.push(child);
    console.log(`larder: opened ${path.basename(chromium)} --app window on ${endpoint.url}/`);
  } else {
    console.log(`larder: open ${launcherLink(endpoint.url, pairingCodes.issue(handoff))}`);
    console.log(
      `larder: that link pairs the first browser that opens it, once, within a minute; after that, open ${endpoint.url}/ and pair in Settings with a token from launcher.json`,
    );
    if (!args['no-open']) console.log('larder: no Chromium with a display found; open the link above in any browser.');
  }
  console.log(`larder: ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl-C stops everything`);
}

main().catch((error: unknown) => {
  console.error(`larder: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
