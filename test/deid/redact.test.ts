// Redacting one file's text: the format's scaffolding and line ends stay, labels become
// pseudonyms where they stand as labels, other identifying words typed placeholders.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { redactSource } from '../../src/core/deid/redact.js';

const ctx = (format: string, pseudonyms: Record<string, string> = {}) => ({
  format, pseudonyms: new Map(Object.entries(pseudonyms)), found: [], allow: [], knownNames: Object.keys(pseudonyms),
});

describe('redactSource', () => {
  it('keeps WebVTT timings, cue numbers and CRLF line ends', () => {
    const vtt = 'WEBVTT\r\n\r\n12345\r\n00:00:01.000 --> 00:00:04.000\r\nMaria Lopez: call me at 312-555-0148\r\n';
    const out = redactSource(vtt, ctx('vtt', { 'Maria Lopez': 'Participant 1' }));
    expect(out.text).toBe('WEBVTT\r\n\r\n12345\r\n00:00:01.000 --> 00:00:04.000\r\nParticipant 1: call me at [PHONE]\r\n');
    expect(out.replacements.map((r) => `${r.line} ${r.kind} ${r.replacement}`)).toEqual(['5 speaker Participant 1', '5 phone [PHONE]']);
  });

  it('renames speakers in front matter and at labels, and a first name said in the words becomes [NAME]', () => {
    const txt = '---\nid: P09\nspeakers: [I, Maria Lopez]\n---\nI: Thanks, Maria.\nMaria Lopez: Sure.\n';
    const out = redactSource(txt, ctx('txt', { 'Maria Lopez': 'Participant 1' }));
    expect(out.text).toBe('---\nid: P09\nspeakers: [I, Participant 1]\n---\nI: Thanks, [NAME].\nParticipant 1: Sure.\n');
  });

  it('replaces what was found in the transcript wherever it is left, whole words only', () => {
    const out = redactSource('P1: we met Okonkwo there\nP1: Okonkwo again, not Okonkwos\n', { ...ctx('txt'), found: [{ text: 'Okonkwo', kind: 'name' }] });
    expect(out.text).toBe('P1: we met [NAME] there\nP1: [NAME] again, not Okonkwos\n');
  });

  it("keeps the study's bookkeeping in front matter: an id shaped like a case number is the transcript's key", () => {
    const txt = '---\nid: T000001\ndate: 2024-03-05\nspeakers: [I, P]\n---\nI: Hello.\nP: My case number was T000001.\n';
    const out = redactSource(txt, ctx('txt'));
    expect(out.text).toBe('---\nid: T000001\ndate: 2024-03-05\nspeakers: [I, P]\n---\nI: Hello.\nP: My case number was [ID].\n');
  });

  it('quotes a placeholder that would turn a front matter value into a list, so YAML reads the text it shows', () => {
    const txt = '---\nid: P07\ncity: Toledo\naliases: [Rosa Delgado, Ana]\nhome: near Toledo\n---\nP: Toledo, with Rosa Delgado.\n';
    const out = redactSource(txt, { ...ctx('txt'), found: [{ text: 'Toledo', kind: 'place' }, { text: 'Rosa Delgado', kind: 'name' }] });
    const front = out.text.split('---')[1]!;
    expect(front).toBe('\nid: P07\ncity: "[PLACE]"\naliases: ["[NAME]", Ana]\nhome: near [PLACE]\n');
    expect(parse(front)).toEqual({ id: 'P07', city: '[PLACE]', aliases: ['[NAME]', 'Ana'], home: 'near [PLACE]' });
  });

  it("keeps a CSV row's and a JSON transcript's id, the study's key, where it stands as a value of its own", () => {
    const csv = 'transcript,speaker,text\nT000001,P,"My case number was T000001, call 312-555-0148"\nT000001,I,Thanks.\n';
    expect(redactSource(csv, { ...ctx('csv'), keep: ['T000001'] }).text).toBe('transcript,speaker,text\nT000001,P,"My case number was [ID], call [PHONE]"\nT000001,I,Thanks.\n');
    const json = '{\n "id": "T000001",\n "turns": [{ "speaker": "P", "text": "It was T000001 on the form." }]\n}\n';
    expect(redactSource(json, { ...ctx('json'), keep: ['T000001'] }).text).toBe('{\n "id": "T000001",\n "turns": [{ "speaker": "P", "text": "It was [ID] on the form." }]\n}\n');
  });

  it('redacts a name in running text even when a transcript is named after it', () => {
    const out = redactSource('P: Maria said no.\n', { ...ctx('txt'), found: [{ text: 'Maria', kind: 'name' }], keep: ['Maria'] });
    expect(out.text).toBe('P: [NAME] said no.\n');
  });
});

