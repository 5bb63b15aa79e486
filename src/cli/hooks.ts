import type { RunHooks } from '../study/options.js';
import type { Progress, Ui } from './ui.js';

/** The study layer's hooks, shown on the terminal: warnings as they come, a spinner while reading. */
export function hooksFor(ui: Ui): RunHooks {
  let progress: Promise<Progress> | undefined;
  return {
    onWarning: (w) => ui.warn(w),
    onProgress: ({ done, total, file }) => {
      if (done === 0) progress = ui.progress(total, 'reading');
      else void progress?.then((p) => (done === total ? p.done() : p.tick(file)));
    },
  };
}
