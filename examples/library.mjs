// qcode as a library: the shipped study, read, coded and counted in a script.
// Run from the repository root after `npm ci`:  node examples/library.mjs
import { codeTranscript, frequencies, loadCodebook, readTranscripts, runAgree, runFreq } from 'qcode';

// 1. A whole run, as `qcode freq` does it (config, codebook and transcripts from qcode.yaml).
const { report } = await runFreq({ config: 'qcode.yaml' });
for (const row of report.codes.filter((r) => r.depth === 1 && r.cases >= 6)) {
  console.log(`${row.code}: ${row.cases} of ${report.transcripts} participants`);
}

// 2. The same, piece by piece: read, code each transcript with the rules, count. (The CLI
//    also merges the model the codebook names; `qcode freq --merge rules` matches this.)
const codebook = await loadCodebook('codebooks/exit-barriers.yaml');
const { transcripts } = await readTranscripts(['fixtures/survivors'], { attributes: 'fixtures/survivors/cases.csv' });
const coded = transcripts.map((t) => codeTranscript(codebook, t));
const byHand = frequencies(codebook.book, 'turn', coded, 'region');

// 3. Agreement of two hand coders, as `qcode agree` computes it.
const agree = await runAgree({
  inputs: ['fixtures/codings/survivors-gold.csv', 'fixtures/codings/survivors-coder-b.csv'],
  bootstrap: 0,
});
console.log(`pooled Cohen's kappa: ${agree.report.overall.pooled.cohen_kappa.toFixed(3)}`);

// The values, for a test (or a notebook) to compare with the CLI's JSON.
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ freq: report.codes, byRegion: byHand.codes, pooled: agree.report.overall.pooled.cohen_kappa }));
}
