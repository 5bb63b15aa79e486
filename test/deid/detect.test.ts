// The detector on its own: each kind of identifier in the forms people say and
// transcribers write, and the look-alikes interviews are full of left alone.

import { describe, expect, it } from 'vitest';
import { detectIdentifiers, labelKind, maskText } from '../../src/core/deid/index.js';
import { identifierWarnings, maskIdentifiers } from '../../src/study/deid.js';

const found = (text: string, allow: string[] = []) => detectIdentifiers(text, { allow }).map((d) => `${d.kind}:${d.text}`);

describe('deid finds identifiers in the forms they are said', () => {
  it.each([
    ['call me at (312) 555-0148 tonight', 'phone:(312) 555-0148'],
    ['my cell is 312.555.0148', 'phone:312.555.0148'],
    ['text +1 312 555 0148', 'phone:+1 312 555 0148'],
    ['her number in Mexico is +52 55 1234 5678', 'phone:+52 55 1234 5678'],
    ['my social is 123-45-6789', 'ssn:123-45-6789'],
    ['email me at keisha.m@example.org', 'email:keisha.m@example.org'],
    ['the page is linktr.ee/keisha_m now', 'url:linktr.ee/keisha_m'],
    ['I post as @rise.up_92 there', 'handle:@rise.up_92'],
    ['my snap is keishaaa22', 'handle:keishaaa22'],
    ['I was born on March 14, 1996.', 'date:March 14, 1996'],
    ['DOB 3/14/96 on the form', 'date:3/14/96'],
    ['on the 3rd of June 2019 we left', 'date:the 3rd of June 2019'],
    ['we lived at 1234 W. 63rd St. for a year', 'address:1234 W. 63rd St'],
    ['she was in apartment 4C upstairs', 'address:apartment 4C'],
    ['the ZIP was 60647 I think', 'zip:60647'],
    ['my case number is 2021-DV-00871 at family court', 'id:2021-DV-00871'],
    ['Case No. 22-JV-1043 was closed', 'id:22-JV-1043'],
    ['it was three one two, five five five, oh one four eight', 'phone:three one two, five five five, oh one four eight'],
    ['my sister in Leeds is on 07700 900123', 'phone:07700 900123'],
    ['write to tasha m at gmail dot com', 'email:m at gmail dot com'],
    ['born 14/03/1996 in a small town', 'date:14/03/1996'],
  ])('%s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('names: full, first alone, after a title, after the words that introduce one', () => {
    expect(found('My cousin Tasha drove me.')).toEqual(['name:Tasha']);
    expect(found('I met Jerome Whitfield there.')).toEqual(['name:Jerome Whitfield']);
    expect(found('Officer Brennan was decent.')).toEqual(['name:Brennan']);
    expect(found('a lady named Okonkwo helped')).toEqual(['name:Okonkwo']);
  });

  it('places: towns, streets, named institutions', () => {
    expect(found('We moved to Toledo after that.')).toEqual(['place:Toledo']);
    expect(found('She lived on Kedzie Avenue.')).toEqual(['place:Kedzie Avenue']);
    expect(found('They took me to Mercy Hospital.')).toEqual(['place:Mercy Hospital']);
    expect(found('It was in Holyoke, Massachusetts.')).toEqual(['place:Holyoke']);
  });
});

describe('deid leaves alone what interviews are full of', () => {
  it.each([
    'I got into Housing First in March 2019 and Medicaid started in the fall.',
    'The Department of Children and Families had an open case for a while.',
    'I was 19, and it took 3 years, 6 months to get out.',
    'My GED came in 2021; the PTSD took longer.',
    'God kept me going. I called 911 once and later 988.',
    'The trafficking hotline is 1-888-373-7888.',
    'I make $18 an hour, about $1,500 a month, and rent is 1,200.',
    'My [NAME] lives in [CITY] with her kids.',
    'We go to Walmart on Sunday, and Christmas is at my mom\'s.',
    'Section 8 has a waitlist of 3 years. Speaker 2 said that too.',
    'I work with Jane Doe cases at the Family Justice Center.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('an allowed term is never reported', () => {
    expect(found('Ms. Ortega ran the program.', ['Ortega'])).toEqual([]);
  });
});

describe('speaker labels', () => {
  it('display names and phone numbers identify; study ids and roles do not', () => {
    expect(labelKind('Maria Lopez (she/her)')).toBe('name');
    expect(labelKind('+1 415 555 0123')).toBe('phone');
    for (const generic of ['I', 'P03', 'Interviewer', 'Speaker 2', 'Participant', 'Unknown Speaker', 'R']) expect(labelKind(generic)).toBeNull();
  });
});

describe('masking and warnings for reports', () => {
  it('masks a finding to its shape and a quote to typed placeholders', () => {
    expect(maskText('Maria Lopez')).toBe('M•••• L••••');
    expect(maskText('312-555-0148')).toBe('•••-•••-••••');
    expect(maskIdentifiers('Call Tasha at 312-555-0148.')).toBe('Call [NAME] at [PHONE].');
  });

  it('warns where and what kind, never the words', () => {
    const [w] = identifierWarnings([{ text: 'My cousin Tasha drove me.', where: 'P03:4' }]);
    expect(w?.message).toMatch(/^P03:4: this excerpt may identify someone \(name\)/);
    expect(w?.message).not.toContain('Tasha');
    expect(identifierWarnings([{ text: 'Housing First helped.', where: 'P03:5' }])).toEqual([]);
  });
});
