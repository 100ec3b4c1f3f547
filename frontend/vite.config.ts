/// <reference types="node" />
import { defineConfig } from 'vitest/config';

// The chat server the dev server forwards to; VITE_API_URL points it elsewhere.
const target = process.env.VITE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target },
      '/health': { target },
      '/ws': { target, ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
