import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer loads from file:// in Electron, so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 800,
    target: 'chrome130',
  },
  server: {
    port: 5173,
    strictPort: true,
    // `npm run dev`: the browser host answers the API on 5174 (it checks the Host header, hence changeOrigin).
    proxy: { '/api': { target: 'http://127.0.0.1:5174', changeOrigin: true } },
  },
});
