// The public library: `import { … } from 'qcode'`. Everything here returns values and
// has no side effects beyond reading the files it is asked to read.

// The values that flow through a run.
export * from './core/types.js';
export { QcodeError, formatMessage, formatPlace } from './core/errors.js';
export { VERSION } from './version.js';

// Whole runs, as the commands do them.
export type { StudyOptions, RunHooks } from './study/options.js';
export { runIngest, streamIngest, type IngestResult, type StreamedIngest } from './study/ingest.js';
export { runCode, streamCode, codeStudy, type CodeResult, type StreamedCodings, type CodedStudy } from './study/code.js';
export { SpilledList, SPILL_MEMORY_BYTES } from './io/spill.js';
export { keepHeapSmall } from './study/heap.js';
export { runFreq, type FreqRunOptions, type FreqResult } from './study/freq.js';
export { runAgree, type AgreeRunOptions, type AgreeResult } from './study/agree.js';
export { runLint, openCodebook, type CodebookOptions, type LintResult } from './study/codebook.js';
export { openStudy, type Study } from './study/open.js';
export { readConfig, parseConfig, type StudyConfig, type CheckConfig } from './io/config.js';

// The pieces, one at a time.
export { readTranscripts, parseTranscript, compileCodebook, loadCodebook, codeTranscript } from './study/library.js';
export type { ReadTranscriptsOptions, ParseTranscriptOptions } from './study/library.js';
export { parseCodebook } from './core/codebook/parse.js';
export type { Codebook, Code, Rule, Term, SpeakerScope } from './core/codebook/model.js';
export type { CompiledCodebook } from './core/codebook/compile.js';
export { lintCodebook, type LintReport, type LintFinding } from './core/codebook/lint.js';
export { segmentTranscript } from './core/segment/segment.js';
export { parseSegmentId, type SegmentIdParts } from './core/segment/ids.js';
export { eligibleSegments, type CodedTranscript } from './core/code/pass.js';
export { frequencies, FrequencyCounter, type FreqReport, type FreqRow, type GroupCount, type CodebookRef } from './core/aggregate/freq.js';
export { summarise, type IngestSummary, type SpeakerSummary } from './core/aggregate/ingest.js';
export { computeAgreement } from './core/agree/agree.js';
export { mulberry32 } from './core/agree/bootstrap.js';
export type { AgreeInput, AgreeOptions, AgreeReport, CodeReport, Coefficients, PairReport, Pooled, MeanOverCodes } from './core/agree/types.js';
export { readCodings, parseCodings, type SourcedCoding } from './io/codings.js';

// The JSON documents the commands print with --format json.
export type { IngestJson, IngestTranscriptJson, IngestSegmentJson } from './render/ingest.js';
export type { CodingsJson } from './render/codings.js';
export type { ShowJson, LintJson } from './render/codebook.js';
/** `qcode freq --format json`. */
export type FreqJson = { qcode: string } & import('./core/aggregate/freq.js').FreqReport;
/** `qcode agree --format json`. */
export type AgreeJson = import('./core/agree/types.js').AgreeReport;

// `qcode sheet`, `qcode import sheet`, `qcode review`: coding by hand.
export { runSheet, type SheetRunOptions, type SheetResult } from './study/sheet.js';
export { runImportSheet, type ImportSheetOptions, type ImportSheetResult } from './study/import-sheet.js';
export { openReview, saveReview, type ReviewRunOptions, type ReviewSession } from './study/review.js';
export { sheetWorkbook, readSheetWorkbook } from './study/library.js';
export type { ReadWorkbook } from './io/sheet-xlsx.js';
export { importSheet, type SheetGrid, type ImportInput, type ImportedSheet } from './core/sheet/import.js';
export { readMark, type CellValue } from './core/sheet/marks.js';
export type { SheetModel, SheetRow, SheetCode, SheetAbout } from './core/sheet/layout.js';
export type { ReviewItem, ReviewState, Decision } from './core/sheet/review.js';

// `qcode quotes`, `matrix`, `cooccur`, `saturation`, `report`: the analysis of a coded study.
export type { ReportOptions } from './study/reports.js';
export { runQuotes, type QuotesRunOptions, type QuotesResult, type Quote, type QuoteGroup, type ContextTurn } from './study/quotes.js';
export { runMatrix, type MatrixRunOptions, type MatrixResult } from './study/matrix.js';
export { runCooccur, type CooccurRunOptions, type CooccurResult } from './study/cooccur.js';
export { runSaturation, type SaturationRunOptions, type SaturationResult } from './study/saturation.js';
export { runReport, type ReportRunOptions, type ReportResult, type CodeCard } from './study/report.js';
export { reportHtml } from './render/report-html.js';
export { caseCodeMatrix, MatrixRows, type MatrixReport, type MatrixGroup, type MatrixOptions } from './core/aggregate/matrix.js';
export { cooccurrence, CooccurCounter, type CooccurReport, type CooccurOptions, type CooccurLevel, type CooccurMeasure } from './core/aggregate/cooccur.js';
export { saturation, SaturationSteps, type SaturationReport, type SaturationStep } from './core/aggregate/saturation.js';
export { selectQuotes, BusiestQuotes, excerpt, type QuotePick, type QuoteSelection, type Excerpt, type ExcerptPart } from './core/aggregate/quotes.js';
export type { QuotesJson } from './render/quotes.js';
export type { MatrixJson } from './render/matrix.js';
export type { CooccurJson } from './render/cooccur.js';
export type { SaturationJson } from './render/saturation.js';

// qcode check, qcode codebook diff, qcode init: the CI gate for codebooks.
export { runCheck, type CheckRunOptions, type CheckResult, type SnapshotUpdate } from './study/check.js';
export { runCodebookDiff, type DiffRunOptions, type DiffResult, type CodebookDiffReport } from './study/diff.js';
export { runInit, type InitResult } from './study/init.js';
export { checkReport, type CheckReport, type LintPart } from './core/check/report.js';
export { judgeAgreement, DEFAULT_THRESHOLDS, type AgreementVerdict, type AgreementRow, type Thresholds } from './core/check/agreement.js';
export { snapshotOf, parseSnapshot, compareSnapshot, type Snapshot, type SnapshotCount, type SnapshotComparison, type SnapshotRow } from './core/check/snapshot.js';
export { diffCodebooks, type CodebookDiff, type CodeField, type BookField } from './core/check/diff.js';
export { codebookEffect, type EffectRow, type EffectInput, type Excerpt as DiffExcerpt } from './core/check/effect.js';
export { renderSnapshot } from './render/check.js';
/** `qcode check --format json`: the report, and with `--update` what the snapshot rewrite changed. */
export type CheckJson = import('./core/check/report.js').CheckReport & { updated?: import('./study/check.js').SnapshotUpdate };
/** `qcode codebook diff --format json`. */
export type CodebookDiffJson = import('./study/diff.js').CodebookDiffReport;

// qcode export qdc|qdpx and qcode import qdc|qdpx|dic: REFI-QDA exchange (NVivo, ATLAS.ti,
// MAXQDA, QualCoder, Taguette) and word-count dictionaries.
export { runExportQdc, runExportQdpx, type ExportQdcResult, type ExportQdpxOptions, type ExportQdpxResult } from './study/export.js';
export { runImportQdc, runImportQdpx, runImportDic, type ImportFileResult, type ImportQdpxResult } from './study/import-refi.js';

// qcode deid and qcode redact: text that may identify a person, found, masked or replaced.
export { runDeid, findInTranscript, identifierWarnings, maskIdentifiers, guardQuotes, guardCodings, type DeidRunOptions, type DeidResult, type DeidFinding, type FindingPlace, type GuardOptions } from './study/deid.js';
export { runRedact, pseudonymsFor, type RedactRunOptions, type RedactResult, type RedactedFile } from './study/redact.js';
export { detectIdentifiers, labelKind, isGenericLabel, maskText, replaceDetections, IDENTIFIER_KINDS, PLACEHOLDERS, type Detection, type DetectOptions, type IdentifierKind } from './core/deid/index.js';
export { redactSource, type RedactContext, type Replacement } from './core/deid/redact.js';
export type { DeidJson, RedactJson } from './render/deid.js';

// qcode codebook suggest: terms a code's coded segments use that its rules do not yet.
export { runSuggest, type SuggestRunOptions, type SuggestResult } from './study/suggest.js';
export { TermTally, suggestTerms, logOddsZ, type SuggestSegment, type TermSuggestion, type TermSuggestions, type TermExample, type SuggestTermsOptions } from './core/codebook/suggest-terms.js';
export type { SuggestJson } from './render/suggest.js';

// qcode learn and code --model: a learned second opinion beside the rules (per-code
// logistic regression on human codings), merged with them by a documented policy.
export { runLearn, passModel, codeWithModel, type LearnRunOptions, type LearnResult, type PassModel } from './study/learn.js';
export { learnModel, leafCodes, DEFAULT_LEARN, type LabelledSegment, type LearnOptions } from './core/learn/train.js';
export { applyModel, decide, scoreText, scoringModel, MERGE_POLICIES, DEFAULT_MERGE, MODEL_CODER, type MergePolicy, type Opinion, type ScoringModel } from './core/learn/apply.js';
export { crossValidate, type Evaluation, type CodeEvaluation, type Scores, type Summary, type JudgedSegment } from './core/learn/evaluate.js';
export { parseModel, canonicalJson, MODEL_FORMAT, type LearnedModel, type CodeModel } from './core/learn/model.js';
export { featuresOf } from './core/learn/features.js';
export { groupWords, groupsFromFile, groupsToFile, type WordGroups, type WordGroupsFile } from './core/learn/groups.js';
export { makeWordGroups, type WordGroupOptions } from './study/word-groups.js';
export { readModel } from './io/learn-model.js';
export type { LearnJson } from './render/learn.js';
