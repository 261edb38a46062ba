// The server's transport (stdio, Node IPC, socket, pipe), guarded: a frame that cannot be read ends the process, and
// a request after `shutdown` gets the LSP error.
//
// vscode-jsonrpc reports a malformed `Content-Length` or an unparseable body as a reader error and then waits for
// more input: the server stays alive answering nothing, and the client never learns it should restart it. Exiting
// (code 1) lets the client's restart policy take over.
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** JSON-RPC's "Invalid Request", which LSP prescribes for any request after `shutdown`. */
export const INVALID_REQUEST = -32600;

interface RequestLike {
  id?: number | string | null;
  method?: string;
}

/**
 * Wraps `reader`: after a `shutdown` request has been read, every further request (anything but the `exit`
 * notification) is answered with InvalidRequest here, before any handler sees it.
 */
export function guardAfterShutdown(reader: MessageReader, writer: MessageWriter, onShutdown: () => void = () => {}): MessageReader {
  let shutDown = false;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message: Message) => {
        const m = message as RequestLike;
        const isRequest = typeof m.method === 'string' && m.id !== undefined && m.id !== null;
        if (shutDown && isRequest) {
          void writer.write({
            jsonrpc: '2.0',
            id: m.id,
            error: { code: INVALID_REQUEST, message: `Request ${m.method} after shutdown: the server is shutting down` },
          } as Message);
          return;
        }
        if (isRequest && m.method === 'shutdown') {
          shutDown = true;
          onShutdown();
        }
        callback(message);
      });
    },
  };
}

/** The reader and writer the command line asks for (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`). */
function transportFromArgs(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[i + 1];
    if (arg === '--stdio') return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
    if (arg === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
    if (name === '--socket' && value !== undefined && Number.isInteger(Number(value))) {
      const [reader, writer] = createServerSocketTransport(Number(value));
      return { reader, writer, stdio: false };
    }
    if (name === '--pipe' && value !== undefined) {
      const [reader, writer] = createServerPipeTransport(value);
      return { reader, writer, stdio: false };
    }
  }
  return undefined;
}

/**
 * The guarded transport, or undefined when the command line names none (the library then reports the usage error).
 * `log` goes to stderr, which every client shows in the server's output.
 */
export function guardedTransport(
  argv: readonly string[],
  log: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): { reader: MessageReader; writer: MessageWriter } | undefined {
  const transport = transportFromArgs(argv);
  if (!transport) return undefined;
  let shutdownReceived = false;
  const reader = guardAfterShutdown(transport.reader, transport.writer, () => (shutdownReceived = true));
  reader.onError((err) => {
    // The message only: a JSON parse error's text would quote the frame's bytes.
    const what = /Content-Length|header/i.test(err.message) ? err.message.split('\n')[0] : 'a message body that is not valid JSON-RPC';
    log(`Secure IaC server: unreadable frame from the client (${what}); exiting so that the client restarts the server.`);
    process.exit(1);
  });
  // The library exits on end of input only for raw streams; a reader passed in needs the same.
  reader.onClose(() => process.exit(shutdownReceived ? 0 : 1));
  if (transport.stdio) {
    // stdout carries the protocol: anything a dependency logs with console.log goes to stderr instead.
    console.log = console.info = console.warn = console.debug = (...args: unknown[]) => log(args.map(String).join(' '));
  }
  return { reader, writer: transport.writer };
}
