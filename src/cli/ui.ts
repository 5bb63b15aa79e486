import { formatMessage } from '../core/errors.js';
import { visibleControls, visibleLines } from '../render/text.js';
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

export function makeUi(opts: { quiet?: boolean }): Ui {
  const quiet = Boolean(opts.quiet);
  return {
    quiet,
    warn(w) {
      if (!quiet) process.stderr.write(`qcode: warning: ${visibleLines(formatMessage(w))}\n`);
    },
    async progress(total, label) {
      if (quiet || total < SPINNER_MIN_FILES || !spinnerCanDraw(process.stderr, process.env)) return { tick() {}, done() {} };
      // Loaded only when a terminal will show it: ora costs start-up time every run would pay.
      const { default: ora } = await import('ora');
      let n = 0;
      // discardStdin off: ora would put stdin in raw mode, and Ctrl-C must stay a plain SIGINT.
      const spinner = ora({ text: `${label} 0/${total}`, stream: process.stderr, color: 'cyan', isEnabled: true, discardStdin: false }).start();
      return {
        tick(what) {
          n++;
          spinner.text = `${label} ${n}/${total} ${visibleControls(what)}`;
        },
        done() {
          spinner.stop();
        },
      };
    },
  };
}

/**
 * A spinner redraws its line in place, which needs a terminal that knows its width:
 * one reporting 0 columns (under `script`, some CI pseudo-terminals) makes ora clear
 * "infinitely many" lines in a loop that never yields, not even to SIGTERM. A dumb
 * terminal or CI log gets no spinner either: it would only fill the log.
 */
export function spinnerCanDraw(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): boolean {
  if (!stream.isTTY || !stream.columns || stream.columns <= 0) return false;
  if (env.TERM === 'dumb') return false;
  return env.CI === undefined || env.CI === '' || env.CI === 'false' || env.CI === '0';
}
