import { visibleControls } from './text.js';

/** Text for HTML content or a quoted attribute: markup characters escaped, control characters shown as symbols. */
export function esc(s: string): string {
  return visibleControls(s.replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
