/** yaml's first line, without the place it repeats: qcode prints its own `file:line:col`. */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
