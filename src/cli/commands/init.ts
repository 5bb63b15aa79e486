import type { Command } from 'commander';
import { plural } from '../../render/text.js';
import { runInit } from '../../study/init.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit.js';

export function registerInit(program: Command, setExit: (code: number) => void): void {
  program
    .command('init')
    .argument('[dir]', 'folder for the new study (default: the current folder); created if missing')
    .description('start a study that passes qcode check: a sample transcript, a codebook with examples, a gold coding, a snapshot, qcode.yaml and a CI workflow')
    .option('--quiet', 'print nothing but errors')
    .action(async (dir: string | undefined, opts: { quiet?: boolean }) => {
      const result = await runInit(dir !== undefined ? { dir } : {});
      if (!opts.quiet) {
        const where = result.dir === '.' ? 'this folder' : result.dir;
        const lines = [
          `qcode: wrote a new study in ${where} (${plural(result.files.length, 'file')}):`,
          ...result.files.map((f) => `  ${f}`),
          result.check.failed ? 'qcode check FAILED on the new study (please report it)' : 'qcode check passes on it. Next:',
          `  ${result.dir === '.' ? '' : `cd ${result.dir} && `}qcode check            # the gate CI runs`,
          '  qcode freq             # the coding pass, per code',
          '  git add . && git commit -m "Start a qcode study"   # then open a pull request that changes the codebook',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      setExit(result.check.failed ? EXIT_CHECK_FAILED : EXIT_OK);
    });
}
