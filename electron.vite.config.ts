import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// electron-vite builds the three Electron bundles (main, preload, renderer) from one config;
// the backend and CLI need no bundling to run under Node (tsx), only to ship inside the app.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Two entries: the main process, and the backend that main forks into a utility process
      // (out/main/backend.js). Dependencies stay external: node_modules ships beside them, with
      // better-sqlite3 rebuilt for Electron by electron-builder.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/index.ts'),
          backend: resolve(__dirname, 'main/backend/port/backend-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': everything else (zod, shared/)
      // is bundled into this one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is also what serve mode sends over the
      // network, and half the bytes parse in half the time on first paint.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        // Two chunks: what the first screen needs (everything imported statically from main.tsx),
        // and the rest (the screens behind lazy routes, the markdown renderer), which the app loads
        // when idle after its first render. Left to itself the bundler cuts the rest into dozens of
        // small shared chunks, each one more request and compile before a screen can show.
        output: {
          codeSplitting: {
            groups: [
              { name: 'index', tags: ['$initial'], priority: 2 },
              { name: 'screens', priority: 1 },
            ],
          },
        },
      },
    },
  },
});

// The dev server injects <style> tags and React Refresh's inline preamble, and talks to its HMR
// socket, all of which the strict CSP of renderer/index.html forbids; only `electron-vite dev`
// gets the relaxed policy, builds keep the strict one.
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'synthlab:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, (_match, head: string) =>
        `${head}default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"`,
      );
    },
  };
}
