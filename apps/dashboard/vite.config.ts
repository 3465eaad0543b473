import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Served by the API under /dashboard/ (its routes and the admin API share one origin, so the session
// cookie is same-site and no CORS is needed).
export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1_000 },
})
