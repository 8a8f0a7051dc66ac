import { existsSync } from 'node:fs';
import { ensureRendererBuild } from '../../scripts/renderer-build';
import { locateElectron } from '../../scripts/launcher-support';
import { chromiumPath } from '../../playwright.config';

export default function globalSetup(): void {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set LARDER_CHROMIUM)`);
  ensureRendererBuild();
  const electron = locateElectron();
  if (!electron.binary) console.log(`[e2e] the electron project is skipped: ${electron.reason}`);
}
