import { createRequire } from 'node:module';

// dist/cli/version.js → the package's own package.json, two folders up.
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
export const VERSION: string = pkg.version;
