import { formatMessage } from '../core/errors.js';
import type { Warning } from '../core/types.js';

/** Everything a command says besides its data goes to stderr, through here. */
export interface Ui {
  quiet: boolean;
  warn(w: Warning): void;
  /** A spinner on stderr, only when stderr is a terminal and the pass is long enough to need one. */
  progress(total: number, label: string): Promise<Progress>;
}

export interface Progress {
  tick(what: string): void;
  done(): void;
}

const SPINNER_MIN_FILES = 3;

export function makeUi(opts: { quiet?: boolean; color: boolean }): Ui {
  const quiet = Boolean(opts.quiet);
  return {
    quiet,
    warn(w) {
      if (!quiet) process.stderr.write(`qcode: warning: ${formatMessage(w)}\n`);
    },
    async progress(total, label) {
      if (quiet || !process.stderr.isTTY || total < SPINNER_MIN_FILES) return { tick() {}, done() {} };
      // Loaded only when a terminal will show it: ora costs start-up time every run would pay.
      const { default: ora } = await import('ora');
      let n = 0;
      const spinner = ora({ text: `${label} 0/${total}`, stream: process.stderr, color: 'cyan', isEnabled: true }).start();
      return {
        tick(what) {
          n++;
          spinner.text = `${label} ${n}/${total} ${what}`;
        },
        done() {
          spinner.stop();
        },
      };
    },
  };
}
