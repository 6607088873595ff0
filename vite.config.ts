import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built into dist/web, which the API server serves; `vite` alone proxies /api to it. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
