#!/usr/bin/env python3
"""The naive reference in Python, as the performance issue describes it: a regex
tokenizer, NLTK's Porter stemmer behind a cache, set lookups of each code's `any:`
terms (phrases by their joined stems), and per code the participant turns and cases it
codes. No near/not/regex, no offsets, no evidence. Run only when NLTK is installed.
Its counts differ a little from naive.js's: NLTK's Porter variant is not natural's.

    python3 bench/naive.py <folder> <codebook.yaml> [--words-only]   -> JSON counts on stdout

--words-only looks up single words and skips the phrases (see naive.js).
"""
import json, os, re, sys
import yaml
from nltk.stem.porter import PorterStemmer

folder, codebook_file = sys.argv[1], sys.argv[2]
words_only = sys.argv[3:] == ['--words-only']
with open(codebook_file, encoding='utf-8') as f:
    book = yaml.safe_load(f)
interviewers = {s.lower() for s in book.get('interviewers', ['I'])}

porter = PorterStemmer()
cache = {}
def stem(w):
    s = cache.get(w)
    if s is None:
        s = cache[w] = porter.stem(w)
    return s

WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
def tokens(text):
    return [t.replace('\u2019', "'") for t in WORD.findall(text.lower())]

codes_by_term, longest = {}, 1
def walk(codes, parent):
    global longest
    for c in codes or []:
        cid = f'{parent}.{c["id"]}' if parent else c['id']
        for rule in c.get('match') or []:
            for raw in rule.get('any') or []:
                words = tokens(re.sub(r'[=*]', '', str(raw)))
                if not words or (words_only and len(words) > 1):
                    continue
                longest = max(longest, len(words))
                codes_by_term.setdefault(' '.join(stem(w) for w in words), set()).add(cid)
        walk(c.get('children'), cid)
walk(book['codes'], '')

LINE = re.compile(r'^([^:\n]{1,40}):\s(.*)$')
segments, cases, total = {}, {}, 0
for name in sorted(os.listdir(folder)):
    if not name.endswith('.txt'):
        continue
    with open(os.path.join(folder, name), encoding='utf-8') as f:
        text = f.read()
    seen = set()
    for line in text.split('\n'):
        m = LINE.match(line)
        if not m or m.group(1).strip().lower() in interviewers or m.group(1) in ('id', 'speakers'):
            continue
        total += 1
        stems = [stem(t) for t in tokens(m.group(2))]
        coded = set()
        for i in range(len(stems)):
            key = ''
            for n in range(min(longest, len(stems) - i)):
                key = stems[i] if n == 0 else key + ' ' + stems[i + n]
                hit = codes_by_term.get(key)
                if hit:
                    coded |= hit
        for c in coded:
            segments[c] = segments.get(c, 0) + 1
            seen.add(c)
    for c in seen:
        cases[c] = cases.get(c, 0) + 1
out = [{'code': c, 'segments': segments[c], 'cases': cases[c]} for c in sorted(segments)]
print(json.dumps({'segments': total, 'codes': out}, indent=2))
