// Tells a failed VS Code download apart from every other failure of the @vscode/test-electron runner.
//
// Machines that reach only a package registry cannot download VS Code; the runner then skips,
// loudly. Anything else (a bad build, a failing test, a crash) must still fail the run, so only
// errors that are plainly about reaching or fetching from the download site count.

/** Node's network error codes: the host could not be resolved, reached or kept talking. */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

/**
 * Messages @vscode/test-electron 3.x produces for download failures: its request timeout, the
 * rejection of a non-200 version query (a bare string), and the error after its download retries.
 */
const DOWNLOAD_MESSAGES = [
  /@vscode\/test-electron request timeout/,
  /^Failed to get JSON$/,
  /^Failed to download and unzip VS Code/,
  /getaddrinfo|socket hang up/,
];

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}

/** The reason to print when `err` (thrown by downloadAndUnzipVSCode) means VS Code could not be fetched; else undefined. */
export function downloadFailureReason(err: unknown): string | undefined {
  // Walk the cause chain: wrappers (fetch, retries) keep the network error as `cause`.
  const seen = new Set<unknown>();
  for (let e: unknown = err; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return describeError(err);
    if (DOWNLOAD_MESSAGES.some((re) => re.test(describeError(e)))) return describeError(err);
    if (typeof e !== 'object') break;
  }
  return undefined;
}
