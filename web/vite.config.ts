import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

/** A path relative to this folder (web/), so the build works from any working directory. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The public pages, one HTML entry each; the server serves them (src/pages/public-pages.ts),
 * filling the entry pages' __RI_…__ marks in the asked language (src/pages/page-heads.ts).
 */
export const PAGES = [
  'reach-out',
  'intake',
  'partner',
  'paperwork',
  'book',
  'admin',
  'embed-frame',
] as const;

/**
 * Two builds into dist/web: the multi-page site (default mode), then the embeddable
 * form (`--mode embed`) as one self-contained IIFE file with no React in it.
 */
export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    root: here('.'),
    publicDir: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic' } },
  };
  if (mode === 'embed') {
    return {
      ...common,
      build: {
        outDir: here('../dist/web/embed'),
        emptyOutDir: true,
        target: 'es2020',
        lib: {
          entry: here('src/embed/reach-out-element.ts'),
          name: 'RelationalIntakeReachOut',
          formats: ['iife'],
          fileName: () => 'reach-out.js',
        },
      },
    };
  }
  return {
    ...common,
    base: '/',
    build: {
      outDir: here('../dist/web'),
      emptyOutDir: true,
      target: 'es2022',
      // Every supported browser preloads modules itself; the polyfill would be dead code.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, here(`${page}/index.html`)])),
        // React Router and TanStack Query mark modules "use client" for server components,
        // which mean nothing in a browser bundle.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  };
});
