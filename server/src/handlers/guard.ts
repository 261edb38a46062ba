// The server's log and the wrappers that turn any exception in a handler into a log line instead of a dead server.
import type { Connection } from 'vscode-languageserver/node';

/** Where handlers write: the connection console, shown in the client's Output channel. */
export interface Log {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  /** Only when `secureIac.trace.server` is `verbose`. */
  verbose(message: string): void;
}

/** A log over the connection console; `isVerbose` is read on each call so trace changes apply at once. */
export function connectionLog(connection: Connection, isVerbose: () => boolean): Log {
  return {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
    verbose: (m) => {
      if (isVerbose()) connection.console.log(m);
    },
  };
}

/** The message and stack of anything thrown. */
export function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * Wraps a request handler: an exception is logged and `fallback` is answered, so the client gets a reply and
 * the server keeps serving (a thrown error inside vscode-jsonrpc would be answered too, but silently for the user).
 */
export function guardRequest<A extends unknown[], R>(
  log: Log,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      log.error(`${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}

/** Wraps a notification or event handler (sync or async): exceptions and rejections are logged, never thrown. */
export function guardEvent<A extends unknown[]>(log: Log, name: string, handler: (...args: A) => void | Promise<void>): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((err: unknown) => log.error(`${name} failed: ${describeError(err)}`));
    } catch (err) {
      log.error(`${name} failed: ${describeError(err)}`);
    }
  };
}

/** Lets queued messages (requests, cancellations) run before the next slice of CPU work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
