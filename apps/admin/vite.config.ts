import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domainSrc = fileURLToPath(new URL('../../packages/domain/src', import.meta.url));
const intakeSrc = fileURLToPath(new URL('../../packages/intake/src', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // @rabta/domain is pure TypeScript + zod: bundle its sources (tree-shaken, no CommonJS build in the way).
    // Deep imports (`@rabta/domain/access`) keep zod out of the chunk loaded before sign-in.
    alias: [
      { find: /^@rabta\/domain$/, replacement: `${domainSrc}/index.ts` },
      { find: /^@rabta\/domain\/(.*)$/, replacement: `${domainSrc}/$1` },
      // Only intake's pure parts (`@rabta/intake/language`), never its engine.
      { find: /^@rabta\/intake\/(language)$/, replacement: `${intakeSrc}/$1.ts` },
    ],
  },
  // Source maps only when asked for (ADMIN_SOURCEMAP=true npm run build): a production build does not publish the
  // admin's sources.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: process.env.ADMIN_SOURCEMAP === 'true',
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
