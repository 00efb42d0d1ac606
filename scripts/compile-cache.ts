// V8's code cache for the Node processes that `npm test` and the tests start (issue 10): the
// commands run from their sources, npm, Prism, Redocly, Spectral, tsc, Jest, a consumer's vitest.
// Each of them compiles the same modules on every start; with Node's compile cache
// (NODE_COMPILE_CACHE, Node 22.1+) a start of easemob-contract took 0.14 CPU-s instead of 0.55.
// The cache is keyed by each file's content and the Node version, so a changed file is compiled
// afresh; older Nodes ignore the variable. Kept under node_modules/.cache, beside the tools'.
import { fileURLToPath } from 'node:url';

export const COMPILE_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url));

/** Gives the processes started from here on the shared cache, unless the caller chose another. */
export function shareCompileCache(): void {
  process.env.NODE_COMPILE_CACHE ??= COMPILE_CACHE_DIR;
}
