// Electron's own postinstall downloads its binary from GitHub, which some machines cannot reach
// (only the npm registry is open there). package.json's allowScripts denies that script so
// `npm install` / `npm ci` always succeed; this step then tries the download itself and, where
// it fails, says so in one line: `npm start` falls back to browser mode (README).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  process.exit(0); // electron not installed (e.g. --omit=dev): nothing to do
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('larder: ELECTRON_SKIP_BINARY_DOWNLOAD is set; Electron binary not downloaded (npm start uses browser mode).');
  process.exit(0);
}
const result = spawnSync(process.execPath, [installScript], {
  cwd: path.dirname(installScript),
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 120_000,
  encoding: 'utf8',
});
const binaryPresent = fs.existsSync(path.join(path.dirname(installScript), 'path.txt'));
if (result.status === 0 && binaryPresent) {
  console.log('larder: Electron binary installed.');
} else {
  const reason = (result.stderr || String(result.error || 'unknown error')).split('\n').find((l) => l.trim()) ?? 'unknown error';
  console.log(`larder: Electron binary could not be downloaded (${reason.trim().slice(0, 160)}); npm start will use browser mode.`);
}
