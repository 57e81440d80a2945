// Benchmarks call the server's query modules from a plain Node.js process. Those modules start
// with `import "server-only"`, which throws outside a React Server Components bundle; the
// react-server export condition would silence it, but would also take away react-dom/server,
// which the benchmarks need to render. So resolve that one module to an empty one instead
// (as vitest.config.ts does for the tests). Loaded with `tsx --import`.

import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
