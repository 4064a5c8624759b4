/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleSizes } from './build/bundleSizes';

// Served by Workflow.Api under /app/ (see src/Workflow.Api/Web/WebApp.cs); `npm run dev` proxies
// the API to a local server started with `dotnet run --project src/Workflow.Api`.
export default defineConfig({
  base: '/app/',
  plugins: [react(), bundleSizes()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://localhost:5080' },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
