import { createRequire } from 'node:module';

// dist/version.js → the package's own package.json, one folder up.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
export const VERSION: string = pkg.version;
