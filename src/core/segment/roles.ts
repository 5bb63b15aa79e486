import type { Role } from '../types.js';

/** labels read as interviewers when neither codebook nor config says otherwise. */
export const DEFAULT_INTERVIEWERS: readonly string[] = ['I', 'INT', 'Interviewer', 'Q', 'Facilitator', 'Moderator'];

/** Labels compare case-insensitively, so `interviewer:` and `INTERVIEWER:` are the same person. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

export function isInterviewer(label: string, interviewers: readonly string[]): boolean {
  const key = labelKey(label);
  return interviewers.some((i) => labelKey(i) === key);
}

export function roleOf(label: string, interviewers: readonly string[]): Role {
  return isInterviewer(label, interviewers) ? 'interviewer' : 'participant';
}
