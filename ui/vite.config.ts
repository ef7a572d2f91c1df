// Vite build for the netwatch UI: one static bundle in ui/dist, served by the api; dev proxies /api to a running netwatch.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const schemasSrc = fileURLToPath(new URL('../services/lib/schemas/src/', import.meta.url));
const stubs = fileURLToPath(new URL('./src/vendor-stubs/', import.meta.url));
const apiTarget = process.env.NETWATCH_UI_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The UI shares the schemas package's source (types and small helpers), never a service's code.
    alias: [
      { find: /^@netwatch\/schemas\/(.*)$/, replacement: `${schemasSrc}$1.ts` },
      // three-globe's WebGPU heatmap layer (unused) would pull in three's WebGPU renderer and TSL: ~1 MB minified.
      { find: /^three\/webgpu$/, replacement: `${stubs}three-webgpu.ts` },
      { find: /^three\/tsl$/, replacement: `${stubs}three-tsl.ts` },
    ],
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // three.js is large by nature; it is loaded only by the globe pages (lazy routes), in its own chunk.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // name the lazily loaded three.js + globe libraries' chunk for what it is
        codeSplitting: { groups: [{ name: 'globe-vendor', test: /node_modules[\\/](?!react|react-dom|scheduler)/ }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1' },
});
