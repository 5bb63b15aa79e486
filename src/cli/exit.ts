// Exit codes (SPEC §6): 0 success, 1 a check failed, 2 usage or input error.
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

let checkFailed = false;

/** A command found what it was asked to check for (lint failures, a threshold not met). */
export function markCheckFailed(): void {
  checkFailed = true;
}

export function takeCheckFailed(): boolean {
  const was = checkFailed;
  checkFailed = false;
  return was;
}
