// Speaker labels are identifiers too: Zoom and Teams label turns with display names
// ("Maria Lopez (she/her)") or a caller's phone number. Generic labels (I, P03,
// Interviewer, Speaker 2) are not.

import { detectIdentifiers } from './detect.js';
import type { IdentifierKind } from './types.js';

const GENERIC_LABEL =
  /^(?:I|Q|A|R|P|INT|IV|IE|Int|Interviewer|Interviewee|Participant|Respondent|Moderator|Facilitator|Researcher|Speaker|Unknown(?: Speaker)?|Unidentified(?: Speaker)?|Person|Subject|Case|Caller|Host|Co-?host|Guest|Translator|Interpreter|Transcriber|Note|Narrator|Voice|Both|All|Group|Audience|Inaudible|Crosstalk)(?:[\s_#-]*(?:\d+|[A-Z]))?$/i;
/** Study ids: P03, CM1, ADV-07, R12a. */
const STUDY_ID = /^[A-Z]{1,4}[-_]?\d{1,4}[a-z]?$/i;

export function isGenericLabel(label: string): boolean {
  const l = label.trim();
  return l === '' || GENERIC_LABEL.test(l) || STUDY_ID.test(l);
}

/** What kind of identifier a speaker label is, or null for a generic one. */
export function labelKind(label: string): IdentifierKind | null {
  if (isGenericLabel(label)) return null;
  const inside = detectIdentifiers(label);
  const shaped = inside.find((d) => d.kind !== 'name' && d.kind !== 'place' && d.end - d.start >= label.replace(/\s+/g, '').length * 0.6);
  return shaped ? shaped.kind : 'name';
}
