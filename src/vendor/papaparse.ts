// papaparse through `require`, not `import`: it is a CommonJS file, and Node's ESM
// loader scans such a file for its export names before running it, which for
// papaparse costs 50 ms of every run's start-up (require: 5 ms).
import { createRequire } from 'node:module';
import type PapaType from 'papaparse';

const require = createRequire(import.meta.url);

const Papa = require('papaparse') as typeof PapaType;
export default Papa;
