// Reading a learned model file (`qcode learn --out`); writing goes through `--out`'s
// atomic writer like every other output.

import { parseModel, type LearnedModel } from '../core/learn/model.js';
import { QcodeError } from '../core/errors.js';
import { readTextFile } from './file.js';

export async function readModel(path: string): Promise<LearnedModel> {
  if (!/\.json$/i.test(path)) throw new QcodeError('a model must be a .json file written by qcode learn --out', { file: path });
  return parseModel(await readTextFile(path), path);
}
