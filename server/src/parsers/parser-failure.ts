// Words for a parser that gave up: absurd nesting exhausts the call stack, which users should read as such.

/** A stack overflow, whichever library or reader ran out of stack. */
export function isStackOverflow(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /maximum call stack size exceeded|too much recursion/i.test(message);
}

/** What to tell the user about `err`: the nesting for a stack overflow, else the error's own message. */
export function describeParserFailure(err: unknown): string {
  if (isStackOverflow(err)) return 'nested too deeply to read (thousands of levels); nothing inside it is checked';
  return err instanceof Error ? err.message : String(err);
}
