import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { computeAgreement } from '../../core/agree/agree.js';
import type { AgreeInput, AgreeOptions, CodeDef, SegmentInfo } from '../../core/agree/types.js';
import { flattenCodes } from '../../core/codebook/model.js';
import { codeTranscript, eligibleSegments } from '../../core/code/pass.js';
import { QcodeError } from '../../core/errors.js';
import { DEFAULT_INTERVIEWERS } from '../../core/segment/roles.js';
import type { SegmentId, TranscriptId } from '../../core/types.js';
import { loadCodebook } from '../../io/codebook-file.js';
import { looksLikeCodings, readCodings, type SourcedCoding } from '../../io/codings.js';
import { readConfig } from '../../io/config.js';
import { readAll } from '../../io/read.js';
import { agreeCsv, agreeTable, disagreementsTable } from '../../render/agree.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/md.js';
import { renderTable } from '../../render/table.js';
import { emit, terminalWidth, useColor } from '../emit.js';
import { markCheckFailed } from '../exit.js';
import { addStudyOptions, parseNumberOption, type CommonOptions } from '../options.js';
import { makeUi } from '../ui.js';
import { VERSION } from '../version.js';

interface AgreeCliOptions extends CommonOptions {
  scheme?: 'presence' | 'category';
  parent?: string;
  coder?: string;
  bootstrap: string;
  seed?: string;
  minKappa?: string;
  minAlpha?: string;
  disagreements?: boolean;
  auto?: boolean;
}

export function registerAgree(program: Command): void {
  addStudyOptions(
    program.command('agree').argument('<inputs...>', 'codings CSVs (one per coder, or one with a coder column), then optional transcript files or folders'),
  )
    .description('inter-coder reliability per code and overall')
    .addOption(new Option('--scheme <scheme>', 'presence: 1/0 per code and segment; category: which child of --parent').choices(['presence', 'category']))
    .option('--parent <code>', 'category scheme: the code whose children are the categories')
    .option('--coder <name>', 'coder name for codings files without a coder column (default: the file name)')
    .option('--bootstrap <n>', 'bootstrap resamples for the alpha interval (0: none)', '1000')
    .option('--seed <n>', 'bootstrap seed (fixed by default, so output is reproducible)')
    .option('--min-kappa <x>', 'exit 1 when a code with support has kappa below X')
    .option('--min-alpha <x>', 'exit 1 when a code with support has alpha below X')
    .option('--disagreements', 'list the segments where coders differ (speaker and text need transcripts)')
    .option('--auto', 'compare the codebook\'s own coding pass (coder auto) with the human coding: adds precision, recall, F1')
    .action(async (inputs: string[], opts: AgreeCliOptions) => {
      const ui = makeUi({ quiet: opts.quiet, color: opts.color });
      const codingFiles: string[] = [];
      const transcriptPaths: string[] = [];
      for (const p of inputs) {
        const info = await stat(p).catch(() => null);
        if (!info) throw new QcodeError('no such file or folder', { file: p });
        if (info.isFile() && (await looksLikeCodings(p))) codingFiles.push(p);
        else transcriptPaths.push(p);
      }
      if (codingFiles.length === 0) throw new QcodeError('no codings file: name one or more codings CSVs (columns segment,code[,coder])');

      const config = await readConfig(opts.config);
      const codebookPath = opts.codebook ?? config.codebook;
      if (opts.auto && !codebookPath) throw new QcodeError('--auto needs a codebook: pass --codebook FILE, or run where a qcode.yaml names one');
      const codebook = codebookPath ? await loadCodebook(codebookPath) : null;

      const codings: SourcedCoding[] = [];
      const coders: string[] = [];
      for (const f of codingFiles) {
        const rows = await readCodings(f, opts.coder !== undefined ? { coder: opts.coder } : {});
        // Coders in file order; within a file with a coder column, in natural name order.
        const named = [...new Set(rows.map((r) => r.coder))].sort(new Intl.Collator('en', { numeric: true }).compare);
        for (const c of named) if (!coders.includes(c)) coders.push(c);
        codings.push(...rows);
      }

      const input: AgreeInput = { codings, coders };
      // A codebook named by qcode.yaml (not by --codebook) is the study's: codings of
      // other codes (a methods exercise, another project) are not reported against it.
      const used = new Set(codings.map((c) => c.code).filter((c) => c !== ''));
      const unrelated = codebook && !opts.codebook && !opts.auto && !flattenCodes(codebook.book.codes).some((c) => used.has(c.id));
      if (unrelated) ui.warn({ file: codebookPath!, message: 'not used: none of its codes appear in the codings (pass --codebook to report against it)' });
      if (codebook && !unrelated) {
        input.codes = flattenCodes(codebook.book.codes).map((c): CodeDef => ({ id: c.id, parent: c.parent, label: c.label }));
      }
      const tPaths = transcriptPaths.length > 0 ? transcriptPaths : opts.auto ? config.transcripts : [];
      if (opts.auto && tPaths.length === 0) throw new QcodeError('--auto needs transcripts: name files or folders, or list them in qcode.yaml');
      let gold: string | undefined;
      if (tPaths.length > 0) {
        const unit = opts.unit ?? codebook?.book.unit ?? 'turn';
        const speakers = codebook?.book.speakers ?? 'participant';
        const listed = [...(codebook?.book.interviewers ?? []), ...(config.interviewers ?? [])];
        const attributes = opts.attributes ?? config.attributes;
        const { transcripts, warnings } = await readAll(tPaths, {
          interviewers: listed.length > 0 ? listed : [...DEFAULT_INTERVIEWERS],
          ...(attributes ? { attributes } : {}),
        });
        warnings.forEach((w) => ui.warn(w));
        const eligible = new Map<TranscriptId, SegmentId[]>();
        const segments = new Map<SegmentId, SegmentInfo>();
        for (const t of transcripts) {
          t.warnings.forEach((w) => ui.warn(w));
          const segs = eligibleSegments(t, unit, speakers);
          eligible.set(t.id, segs.map((s) => s.id));
          for (const s of segs) segments.set(s.id, { transcript: t.id, speaker: s.speaker, text: s.text });
          if (opts.auto && codebook) codings.push(...codeTranscript(codebook, t, { unit, speakers }).codings.map((c) => ({ ...c, place: {} })));
        }
        input.eligible = eligible;
        input.segments = segments;
        if (opts.auto) {
          const humans = coders.filter((c) => c !== 'auto');
          if (humans.length !== 1) throw new QcodeError(`--auto compares the coding pass with one human coder; the codings name ${humans.length === 0 ? 'none' : humans.join(', ')}`);
          gold = humans[0]!;
          input.coders = [gold, 'auto'];
          input.fullCoverage = ['auto'];
        }
      }

      const agreeOpts: AgreeOptions = {
        version: VERSION,
        bootstrap: parseNumberOption(opts.bootstrap, '--bootstrap', 0, 1_000_000),
        ...(opts.scheme ? { scheme: opts.scheme } : {}),
        ...(opts.parent ? { parent: opts.parent } : {}),
        ...(opts.seed !== undefined ? { seed: parseNumberOption(opts.seed, '--seed', 0, 2 ** 32 - 1) } : {}),
        ...(opts.minKappa !== undefined ? { minKappa: parseNumberOption(opts.minKappa, '--min-kappa', -1, 1) } : {}),
        ...(opts.minAlpha !== undefined ? { minAlpha: parseNumberOption(opts.minAlpha, '--min-alpha', -1, 1) } : {}),
        ...(opts.disagreements ? { disagreements: true } : {}),
        ...(gold ? { auto: { coder: 'auto', gold } } : {}),
      };
      const report = computeAgreement(input, agreeOpts);
      const color = useColor(opts);
      const dis = disagreementsTable(report);
      await emit({
        table: () => renderTable(agreeTable(report), { color, width: terminalWidth() }) + (dis ? `\n${renderTable(dis, { color, width: terminalWidth() })}` : ''),
        md: () => renderMarkdown(agreeTable(report)) + (dis ? `\n${renderMarkdown(dis)}` : ''),
        csv: () => agreeCsv(report),
        json: () => renderJson(report),
      }, opts);
      if (report.failures.length > 0) markCheckFailed();
    });
}
