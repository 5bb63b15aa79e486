// A deterministic synthetic corpus for `npm run bench`: one interview per file, 20 turns
// each (interviewer and participant in turn), written into bench/out/<size>mb/. The
// words follow a Zipf curve over everyday English plus made-up words (so the stemmer
// and the index meet a long tail of unseen tokens, as real talk has), and the
// codebook's own vocabulary appears at realistic rates: a term now and then inside an
// ordinary sentence, and, more rarely, one of the codebook's example sentences, which
// is what makes regex rules fire. Same seed, same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../dist/index.js';

const COMMON = `the and i to a was it that of in my he me you they we she just like so but
know had for on there with at then be all what have this would not out when were
because get go got it's didn't don't were could back really about one time from
kind up he's people him she's them her his our your going think said thing things
home stay work job money place help house family kids mom school day night week
year years some more no yes well okay mean right little lot much never always still
again first other new old long good bad hard easy after before over into around
through while where who how why which their here now even ever only also very too
want wanted need needed feel felt tell told ask asked call called come came take
took give gave make made find found keep kept let leave left start started try
tried talk talked look looked move moved live lived sleep slept eat food car bus
phone room door town city street friend friends sister brother aunt grandma man
woman girl boy baby son daughter worker case office program meeting group class
paper papers form forms court bed beds shelter rent bills check checks card bank
story stories advocate advocates trust hope scared safe safety sure maybe probably
anything nothing something everything someone anyone nobody everybody always
sometimes often later soon today tomorrow yesterday morning evening weekend month
months hour hours minute minutes number numbers list lists plan plans answer
question questions problem problems reason reasons part parts side sides end ends
way ways word words name names life lives body mind heart hand hands eyes face`
  .split(/\s+/).filter(Boolean);

const SYLLABLES = ['ba', 'ker', 'lo', 'min', 'ta', 'rus', 'ven', 'do', 'pla', 'sen', 'tor', 'mi',
  'gra', 'vel', 'no', 'str', 'ick', 'an', 'por', 'quel', 'ri', 'fen', 'wal', 'os', 'tes', 'har'];

/** The seeded generator qcode's bootstrap uses: the corpus is the same on every machine. */
export const prng = mulberry32;

export function vocabulary(rand) {
  const words = [...COMMON];
  const made = new Set();
  while (made.size < 3000) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    made.add(w + (rand() < 0.2 ? 's' : rand() < 0.1 ? 'ing' : ''));
  }
  return [...words, ...made];
}

/** Cumulative Zipf weights (exponent 1.05) for sampling a word by rank. */
function zipf(n) {
  const cum = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cum[r] = sum += 1 / Math.pow(r + 1, 1.05);
  return cum.map((c) => c / sum);
}

function pick(cum, u) {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The codebook's terms (as written, without `=`/`*` marks) and its example sentences. */
export function codebookVocabulary(book) {
  const terms = new Set();
  const sentences = [];
  const walk = (codes) => {
    for (const c of codes) {
      for (const r of c.rules) {
        for (const t of [...(r.any ?? []), ...(r.all ?? []), ...(r.near?.left ?? []), ...(r.near?.right ?? []), ...(r.not ?? [])]) {
          terms.add(t.raw.replace(/[=*]/g, ''));
        }
      }
      sentences.push(...c.examples, ...c.counterexamples);
      walk(c.children);
    }
  };
  walk(book.codes);
  return { terms: [...terms].sort(), sentences };
}

/**
 * Writes about `megabytes` MB of transcripts into `dir` (skipped when a finished corpus
 * of that size and seed is already there). Returns the file count and bytes.
 */
export function writeCorpus(dir, megabytes, book, seed = 20261129) {
  const stamp = join(dir, '.done');
  const { terms, sentences } = codebookVocabulary(book);
  // The codebook's words are in the corpus: a corpus made from another version of it is made again.
  const words = createHash('sha256').update(JSON.stringify([terms, sentences])).digest('hex').slice(0, 16);
  const want = `${megabytes} ${seed} ${words}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return measure(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const everyday = vocabulary(rand);
  const cum = zipf(everyday.length);
  const word = () => everyday[pick(cum, rand())];
  const sentence = () => {
    const n = 5 + Math.floor(rand() * 16);
    const out = [];
    for (let i = 0; i < n; i++) out.push(word());
    // About one sentence in twelve carries a codebook term somewhere in it.
    if (rand() < 0.08) out.splice(Math.floor(rand() * n), 0, terms[Math.floor(rand() * terms.length)]);
    const s = out.join(' ');
    return s[0].toUpperCase() + s.slice(1) + (rand() < 0.1 ? '?' : rand() < 0.1 ? ',' : '.');
  };
  const turn = (participant) => {
    const n = participant ? 2 + Math.floor(rand() * 12) : 1 + Math.floor(rand() * 2);
    const out = [];
    for (let i = 0; i < n; i++) {
      // One participant sentence in fifty is one of the codebook's own example sentences.
      out.push(participant && rand() < 0.02 ? sentences[Math.floor(rand() * sentences.length)] : sentence());
    }
    return out.join(' ');
  };
  return writeInterviews(dir, megabytes, 'T', turn, stamp, want);
}

/**
 * Interviews of 20 turns (a question, then an answer; `turn(participant)` says each) written
 * into `dir` until they hold about `megabytes` MB, ids `${prefix}000001`…; then the stamp.
 */
function writeInterviews(dir, megabytes, prefix, turn, stamp, want) {
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const id = `${prefix}${String(files + 1).padStart(6, '0')}`;
    const lines = ['---', `id: ${id}`, 'speakers: [I, P]', '---'];
    for (let k = 0; k < 20; k++) lines.push(k % 2 === 0 ? `I: ${turn(false)}` : `P: ${turn(true)}`);
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, `${id}.txt`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  writeFileSync(stamp, want);
  return { files, bytes };
}

function measure(dir) {
  let files = 0;
  let bytes = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.txt')) continue;
    files++;
    bytes += statSync(join(dir, f)).size;
  }
  return { files, bytes };
}

/**
 * Writes about `megabytes` MB of real talk into `dir`: turns drawn (seeded) from the
 * repository's hand-written transcripts (`sources`: folders of .txt files), put together
 * as interviews of 20 turns, a question then an answer. The synthetic corpus above meets
 * the codebook's words now and then; real answers about leaving the life meet them in
 * nearly every sentence, so rules, patterns and the model have far more to do per
 * megabyte. The words are the sets' own, so the same repository gives the same bytes.
 */
export function writeTalkCorpus(dir, megabytes, sources, seed = 20261130) {
  const stamp = join(dir, '.done');
  const { questions, answers } = turnsOf(sources);
  const want = `talk ${megabytes} ${seed} ${questions.length} ${answers.length}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return measure(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const turn = (participant) => {
    const list = participant ? answers : questions;
    return list[Math.floor(rand() * list.length)];
  };
  return writeInterviews(dir, megabytes, 'R', turn, stamp, want);
}

/** The interviewer's and the participants' turns of every transcript under `sources`, in path order. */
function turnsOf(sources) {
  const questions = [];
  const answers = [];
  const files = sources.flatMap((folder) => readdirSync(folder, { recursive: true }).map((f) => join(folder, String(f))))
    .filter((f) => f.endsWith('.txt') && statSync(f).isFile()).sort();
  for (const file of files) {
    const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const line of body.split('\n')) {
      const turn = /^([A-Za-z][\w .'-]{0,30}):\s+(\S.*)$/.exec(line);
      if (!turn) continue;
      (/^(I|INT|Interviewer)$/i.test(turn[1]) ? questions : answers).push(turn[2]);
    }
  }
  return { questions, answers };
}
