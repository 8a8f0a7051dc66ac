import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// One renderer for both hosts: base './' makes asset URLs relative, so the same build loads from
// app://larder/ in Electron and from the endpoint's http://127.0.0.1:<port>/ in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __LARDER_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
