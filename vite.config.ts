import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiServer = 'http://localhost:3000';

/**
 * The web app lives in src/web and builds to dist/web, which the Hearth server
 * serves (see src/server/http/web-app.ts). In development, Vite serves the app on
 * 5173 and forwards the API and the live socket to a server on 3000, so the
 * browser sees one origin, as in production (cookies and CSRF checks rely on it).
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // No inline scripts or styles: the server's CSP is script-src 'self'; style-src 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiServer, ws: true, changeOrigin: false },
      '/healthz': { target: apiServer },
    },
  },
  preview: { port: 5173 },
});
