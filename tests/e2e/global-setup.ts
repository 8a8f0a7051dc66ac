import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureRendererBuild, projectRoot } from '../../scripts/renderer-build';
import { locateElectron } from '../../scripts/launcher-support';
import { chromiumPath } from '../../playwright.config';

export default function globalSetup(): void {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set LARDER_CHROMIUM)`);
  ensureRendererBuild();
  const electron = locateElectron();
  if (!electron.binary) {
    console.log(`[e2e] the electron project is skipped: ${electron.reason}`);
    return;
  }
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the Electron main/preload build failed');
}
