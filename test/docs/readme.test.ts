// The README shows what qcode prints on the shipped study: every console example that
// only prints (no file written, no output cut with …) is run here and must print exactly
// what the README says, so the documentation cannot drift from the tool.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qcode } from '../cli/run.js';

interface Example {
  command: string;
  args: string[];
  output: string;
}

/** `$ qcode …` blocks whose output is whole and goes to stdout. */
function examples(): Example[] {
  const readme = readFileSync('README.md', 'utf8');
  const out: Example[] = [];
  for (const [, block] of readme.matchAll(/```console\n([\s\S]*?)```/g)) {
    const [first, ...rest] = block!.split('\n');
    if (!first!.startsWith('$ qcode ') || /[#|>]|--out|--html/.test(first!) || block!.includes('…') || block!.includes('$ echo')) continue;
    const end = rest.findIndex((l) => l.startsWith('$ '));
    const command = first!.slice(2);
    out.push({ command, args: command.split(' ').slice(1), output: (end < 0 ? rest : rest.slice(0, end)).join('\n').trimEnd() });
  }
  return out;
}

describe('the README\'s console examples', () => {
  const all = examples();

  it('are found (the commands a reader tries first)', () => {
    expect(all.map((e) => e.args[0])).toEqual(expect.arrayContaining(['matrix', 'cooccur', 'quotes', 'saturation']));
  });

  it.each(all.map((e) => [e.command, e] as const))('%s prints what the README shows', async (_, e) => {
    const r = await qcode([...e.args, ...(e.args[0] === 'check' ? ['--no-color'] : [])]);
    expect(r.stdout.trimEnd()).toBe(e.output);
  });
});
