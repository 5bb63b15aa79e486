import { emitKeypressEvents } from 'node:readline';
import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { accept, addCode, decidedCount, reject, skip, undo, type ReviewState } from '../../core/sheet/review.js';
import { renderReviewScreen } from '../../render/sheet-review.js';
import { prepareWidths } from '../../render/text.js';
import { openReview, saveReview, type ReviewSession } from '../../study/review.js';
import { useColor } from '../emit.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

export function registerReview(program: Command): void {
  addReadingOptions(program.command('review').argument('[codes...]', 'codes to review (each with the codes under it); default: every code'), { out: 'the codings CSV the decisions are saved to, and the review resumes from (required)' })
    .description("accept or reject the auto-coder's suggestions in the terminal, one at a time; saved as codings, resumable")
    .option('--coder <name>', 'who is reviewing: the decisions are saved as this coder\'s codings')
    .option('--transcripts <paths>', 'comma-separated transcript files or folders (default: qcode.yaml transcripts)')
    .addHelpText('after', '\nKeys: a accept · r reject · c add another code · u undo · s skip · q quit.\nEvery decision is saved to --out at once; run the same command again to resume.')
    .action(async (codes: string[], opts: StudyCliOptions & { transcripts?: string }) => {
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        throw new QcodeError(
          'qcode review is interactive and needs a terminal (stdin and stdout), not a pipe or a file. ' +
            'Without one, review in a spreadsheet: qcode sheet --prefill --out review.xlsx, then qcode import sheet review.xlsx --out codings.csv',
        );
      }
      if (!opts.out) throw new QcodeError('review needs --out FILE.csv: where the decisions are saved, and where the review resumes from');
      const inputs = opts.transcripts ? opts.transcripts.split(',').map((p) => p.trim()).filter((p) => p !== '') : [];
      const { codings: _c, ...study } = studyOptions(inputs, opts);
      const session = await openReview({ ...study, codes, coder: opts.coder ?? '', out: opts.out }, hooksFor(makeUi(opts)));
      await prepareWidths();
      const final = await runTerminal(session, useColor({ color: opts.color }));
      const done = decidedCount(final);
      if (!opts.quiet) {
        process.stderr.write(`qcode: ${done} of ${final.items.length} suggestions decided; saved to ${opts.out}${done < final.items.length ? ' (run the same command to resume)' : ''}\n`);
      }
    });
}

/** The terminal a review runs in: process.stdin and process.stdout, or stand-ins in tests. */
export interface ReviewTerminal {
  stdin: NodeJS.ReadableStream & { setRawMode(mode: boolean): unknown };
  stdout: NodeJS.WritableStream & { columns?: number; on(event: 'resize', fn: () => void): unknown; off(event: 'resize', fn: () => void): unknown };
}

/** The key loop: each key changes the state, each decision is saved at once, q (or Ctrl-C) ends. */
/** Draws with terminal widths: await prepareWidths() before. */
export function runTerminal(session: ReviewSession, color: boolean, term: ReviewTerminal = { stdin: process.stdin, stdout: process.stdout }): Promise<ReviewState> {
  const { stdin, stdout } = term;
  let state = session.state;
  let prompt: string | undefined;
  let message: string | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = (): void => {
    const snapshot = state;
    saving = saving.then(() => saveReview(session, snapshot)).catch((e: unknown) => {
      message = `could not save: ${e instanceof Error ? e.message : String(e)}`;
    });
  };
  const draw = (): void => {
    const screen = renderReviewScreen({ state, codes: session.codes, coder: session.coder, width: stdout.columns || 80, color, ...(message ? { message } : {}), ...(prompt !== undefined ? { prompt } : {}) });
    stdout.write(`\u001b[H\u001b[2J${screen}`);
  };
  return new Promise((resolve) => {
    emitKeypressEvents(stdin as NodeJS.ReadableStream & NodeJS.ReadStream);
    stdin.setRawMode(true);
    stdin.resume();
    stdout.write('\u001b[?1049h\u001b[?25l');
    const finish = (): void => {
      stdin.off('keypress', onKey);
      stdout.off('resize', draw);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\u001b[?25h\u001b[?1049l');
      void saving.then(() => resolve(state));
    };
    const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean; sequence?: string } = {}): void => {
      message = undefined;
      if (key.ctrl && (key.name === 'c' || key.name === 'd')) return finish();
      if (prompt !== undefined) {
        promptKey(text, key);
      } else {
        const before = state;
        switch ((text ?? '').toLowerCase()) {
          case 'a': case 'y': state = accept(state); break;
          case 'r': case 'n': state = reject(state); break;
          case 'c': if (state.cursor >= 0) prompt = ''; break;
          case 'u': state = undo(state); message = before.decisions.length > 0 ? 'undone' : 'nothing to undo'; break;
          case 's': state = skip(state); break;
          case 'q': return finish();
          default: message = `keys: a r c u s q`;
        }
        if (state.decisions !== before.decisions) save();
      }
      draw();
    };
    const promptKey = (text: string | undefined, key: { name?: string; sequence?: string }): void => {
      const typed = prompt ?? '';
      if (key.name === 'escape') prompt = undefined;
      else if (key.name === 'backspace') prompt = typed.slice(0, -1);
      else if (key.name === 'tab') prompt = complete(typed, [...session.codes.keys()]);
      else if (key.name === 'return' || key.name === 'enter') {
        if (session.codes.has(typed)) {
          state = addCode(state, typed);
          save();
          message = `added ${typed}`;
          prompt = undefined;
        } else message = `no code "${typed}" in the codebook`;
      } else if (text && /^[\p{L}\p{N}._\-]$/u.test(text)) prompt = typed + text;
    };
    stdin.on('keypress', onKey);
    stdout.on('resize', draw);
    draw();
  });
}

/** The longest common start of the code ids that start with what was typed. */
function complete(typed: string, ids: string[]): string {
  const matches = ids.filter((id) => id.startsWith(typed));
  if (matches.length === 0) return typed;
  let common = matches[0]!;
  for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
  return common.length > typed.length ? common : typed;
}
