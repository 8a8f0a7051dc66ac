import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One renderer for both hosts: base './' makes asset URLs relative, so the same build loads from
// app://larder/ in Electron and from the endpoint's http://127.0.0.1:<port>/ in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
