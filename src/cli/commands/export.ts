// `qcode export qdc|qdpx` and the REFI-QDA and dictionary subcommands of `qcode import`
// (`qdc`, `qdpx`, `dic`): exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette.

import { mkdir } from 'node:fs/promises';
import type { RunHooks } from '../../study/options.js';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { QcodeError } from '../../core/errors.js';
import { checkOutputPath, writeAtomic } from '../../io/output.js';
import { plural } from '../../render/text.js';
import { runExportQdc, runExportQdpx } from '../../study/export.js';
import { runImportDic, runImportQdc, runImportQdpx } from '../../study/import-refi.js';
import { hooksFor } from '../hooks.js';
import { addReadingOptions, parseLabels, studyOptions, type StudyCliOptions } from '../options.js';
import { makeUi } from '../ui.js';

interface FileCliOptions {
  out?: string;
  quiet?: boolean;
  color: boolean;
}

const say = (opts: { quiet?: boolean }, line: string): void => {
  if (!opts.quiet) process.stderr.write(`qcode: ${line}\n`);
};

function needOut(out: string | undefined, ext: RegExp, example: string): string {
  if (!out) throw new QcodeError(`name the file to write with --out (e.g. --out ${example})`);
  if (!ext.test(out)) throw new QcodeError(`--out ${out}: name a ${example.replace(/^[^.]*/, '')} file`);
  return out;
}

export function registerExport(program: Command): void {
  const group = program.command('export').description('a codebook (.qdc) or a coded study (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette (REFI-QDA)');
  group.command('qdc')
    .description('the codebook as a REFI-QDA codebook (.qdc): definitions, criteria, examples and rules folded into each code\'s description')
    .option('--codebook <file>', 'codebook (.yaml, .yml or .json); default from qcode.yaml')
    .option('--config <file>', 'study config (default ./qcode.yaml)')
    .option('--out <file>', 'the .qdc file to write')
    .option('--no-color', 'no colour in messages')
    .option('--quiet', 'no warnings on stderr')
    .action(async (opts: FileCliOptions & { codebook?: string; config?: string }) => {
      const out = needOut(opts.out, /\.qdc$/i, 'codebook.qdc');
      const study: { codebook?: string; config?: string } = {};
      if (opts.codebook !== undefined) study.codebook = opts.codebook;
      if (opts.config !== undefined) study.config = opts.config;
      await checkOutputPath(out, [opts.codebook, opts.config].filter((p): p is string => p !== undefined));
      const result = await runExportQdc(study, hooksFor(makeUi(opts)));
      await writeAtomic(out, result.xml, result.reads);
      say(opts, `wrote ${out} (${plural(result.codes, 'code')})`);
    });
  addReadingOptions(group.command('qdpx').argument('[inputs...]', 'transcript files or folders (default: qcode.yaml transcripts)'), { out: 'the .qdpx project to write (required)' })
    .description('the study as a REFI-QDA project (.qdpx): transcripts, codebook, case attributes, and every coder\'s codings')
    .option('--codings <files...>', 'codings CSVs to include (each coder in them becomes a user)')
    .option('--no-auto', "leave out the codebook's own coding pass (the coder auto)")
    .action(async (inputs: string[], opts: Omit<StudyCliOptions, 'codings'> & { codings?: string[]; auto: boolean }) => {
      const out = needOut(opts.out, /\.qdpx$/i, 'study.qdpx');
      const { codings: _c, ...base } = opts;
      const run = { ...studyOptions(inputs, base), codingFiles: opts.codings ?? [], auto: opts.auto };
      const result = await runExportQdpx(run, hooksFor(makeUi(opts)));
      await writeAtomic(out, result.bytes, result.reads);
      say(opts, `wrote ${out} (${plural(result.transcripts, 'source')}, ${plural(result.selections, 'coded selection')}, users: ${result.coders.join(', ') || 'none'})`);
    });
}

/** An import that turns one file into a codebook, written to --out or stdout. */
function addCodebookImport(
  group: Command, name: string, argument: string, description: string,
  run: (opts: { file: string }, hooks: RunHooks) => Promise<{ yaml: string; reads: string[]; codes: number }>,
): void {
  group.command(name).argument('<file>', argument)
    .description(description)
    .option('--out <file>', 'the codebook to write (.yaml); default stdout')
    .option('--no-color', 'no colour in messages')
    .option('--quiet', 'no warnings on stderr')
    .action(async (file: string, opts: FileCliOptions) => {
      const result = await run({ file }, hooksFor(makeUi(opts)));
      await writeText(opts, result.yaml, result.reads, plural(result.codes, 'code'));
    });
}

/** `import qdc`, `import qdpx`, `import dic` on the `import` group. */
export function registerImportRefi(group: Command): void {
  addCodebookImport(group, 'qdc', 'a REFI-QDA codebook (.qdc), or a project.qde',
    'a REFI-QDA codebook (NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette) as a qcode codebook', runImportQdc);
  addCodebookImport(group, 'dic', 'a LIWC dictionary (.dic) or a quanteda/YAML dictionary (.yml, .yaml)',
    'a word-count dictionary as codebook rules: each category a code, * a prefix, other entries exact words', runImportDic);
  group.command('qdpx').argument('<file>', 'a REFI-QDA project (.qdpx)')
    .description('a REFI-QDA project as a study folder: transcripts, codebook.yaml, one codings CSV per user, qcode.yaml')
    .option('--out-dir <dir>', 'the folder to write the study into (created if needed)')
    .option('--interviewers <labels>', 'comma-separated interviewer labels in the sources (default: I, INT, Interviewer, Q, Facilitator, Moderator)')
    .option('--force', 'replace files of an earlier import in the folder')
    .option('--no-color', 'no colour in messages')
    .option('--quiet', 'no warnings on stderr')
    .action(async (file: string, opts: FileCliOptions & { outDir?: string; interviewers?: string; force?: boolean }) => {
      if (!opts.outDir) throw new QcodeError('name the folder to write the study into with --out-dir DIR');
      const run: { file: string; interviewers?: string[] } = { file };
      if (opts.interviewers !== undefined) run.interviewers = parseLabels(opts.interviewers);
      const result = await runImportQdpx(run, hooksFor(makeUi(opts)));
      await writeFolder(opts.outDir, result.files, result.reads, Boolean(opts.force));
      say(opts, `offsets: ${result.assumed}`);
      const coders = result.coders.map((c) => `${c.name} (${c.codings})`).join(', ') || 'none';
      say(opts, `wrote ${opts.outDir}: ${plural(result.transcripts.length, 'transcript')}, ${plural(result.codes, 'code')}, codings by ${coders}`);
    });
}

async function writeText(opts: FileCliOptions, text: string, reads: string[], what: string): Promise<void> {
  if (!opts.out) {
    process.stdout.write(text);
    return;
  }
  await writeAtomic(opts.out, text, reads);
  say(opts, `wrote ${opts.out} (${what})`);
}

/** Every file checked before any is written: none over an input, none over an existing file unless --force. */
async function writeFolder(dir: string, files: Map<string, string>, reads: string[], force: boolean): Promise<void> {
  const targets = [...files.keys()].map((rel) => join(dir, rel));
  for (const read of reads) {
    if (resolve(read) === resolve(dir) || resolve(dir).startsWith(resolve(read) + '/')) {
      throw new QcodeError(`--out-dir ${dir} is where the project being read lies: choose another folder`);
    }
  }
  await mkdir(dir, { recursive: true });
  for (const t of targets) {
    await mkdir(dirname(t), { recursive: true });
    const target = await checkOutputPath(t, reads);
    if (target.mode !== undefined && !force) {
      throw new QcodeError(`${t} already exists: import into a new or empty folder, or pass --force to replace the files of an earlier import`);
    }
  }
  for (const [rel, text] of files) await writeAtomic(join(dir, rel), text, reads);
}
