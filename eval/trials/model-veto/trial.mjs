// Offline: would a model veto of rules codings (drop an `auto` coding when the model's p < v) help? LOSO models.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interviewersOf, learnedFrom, transcriptsOf, tuningSets } from '../../../scripts/hand-coded.mjs';
const { runAgree, runLearn, runCode, readCodings } = await import('../../../dist/index.js');
const codebook = 'codebooks/exit-barriers.yaml';
const work = mkdtempSync(join(tmpdir(), 'veto-'));
const sets = tuningSets();
const V = [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12];
const rows = [];
for (const s of sets) {
  const from = sets.filter((x) => x.name !== s.name);
  const r = await runLearn(learnedFrom(codebook, from));
  const model = join(work, `${s.name}.model.json`); writeFileSync(model, r.modelText);
  const coded = await runCode({ codebook, inputs: transcriptsOf(s.folder), model, merge: 'vote', ...interviewersOf(s.folder) });
  const gold = new Set((await readCodings(s.gold)).map((c) => `${c.segment}\t${c.code}`));
  const row = { set: s.name };
  for (const v of V) {
    const kept = coded.codings.filter((c) => !(c.coder === 'auto' && c.probability !== undefined && c.probability < v));
    const csv = join(work, `${s.name}-${v}.csv`);
    writeFileSync(csv, 'transcript,segment,speaker,code,coder\n' + kept.map((c) => [c.transcript, c.segment, c.speaker, c.code, 'auto'].map((x) => `"${String(x).replace(/"/g, '""')}"`).join(',')).join('\n') + '\n');
    const { report: d } = await runAgree({ inputs: [s.gold, csv, ...transcriptsOf(s.folder)], codebook, bootstrap: 0, ...interviewersOf(s.folder) });
    const leaf = kept.filter((c) => c.code.includes('.'));
    const tp = leaf.filter((c) => gold.has(`${c.segment}\t${c.code}`)).length;
    row[`k${v}`] = d.overall.mean.cohen_kappa; row[`tp${v}`] = tp; row[`fp${v}`] = leaf.length - tp;
  }
  rows.push(row);
  console.log(s.name, V.map((v) => `${v}:${row[`k${v}`].toFixed(3)}(${row[`fp${v}`]}fp/${row[`tp${v}`]}tp)`).join(' '));
}
const summarise = (label, g) => console.log(label, V.map((v) => `${v}: κ ${(g.reduce((a, r) => a + r[`k${v}`], 0) / g.length).toFixed(4)} P ${(g.reduce((a, r) => a + r[`tp${v}`], 0) / g.reduce((a, r) => a + r[`tp${v}`] + r[`fp${v}`], 0)).toFixed(3)}`).join(' | '));
summarise('ALL', rows);
summarise('NEWEST dev26-31', rows.filter((r) => ['dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31'].includes(r.set)));
