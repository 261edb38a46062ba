// The test:vscode runner skips only when VS Code cannot be downloaded; every other error must fail it.
import assert from 'node:assert/strict';
import { TimeoutError } from '@vscode/test-electron/out/request';
import { downloadFailureReason } from './vscode/download-failure';

/** The shape Node gives a failed DNS lookup, as @vscode/test-electron passes it through. */
function dnsError(host: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname: host });
}

describe('test:vscode download-failure detection', () => {
  it('treats an unresolvable download host as a download failure, naming it', () => {
    assert.equal(downloadFailureReason(dnsError('update.code.visualstudio.com')), 'getaddrinfo ENOTFOUND update.code.visualstudio.com');
  });

  it('recognises network error codes by code, also behind a wrapper cause', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EAI_AGAIN']) {
      const wrapped = new Error('request failed', { cause: Object.assign(new Error('boom'), { code }) });
      assert.equal(downloadFailureReason(wrapped), 'request failed', code);
    }
  });

  it("recognises the library's own download errors", () => {
    assert.match(downloadFailureReason(new TimeoutError(30_000)) ?? '', /request timeout out after 30000ms/);
    assert.equal(downloadFailureReason('Failed to get JSON'), 'Failed to get JSON');
    assert.equal(downloadFailureReason(new Error('Failed to download and unzip VS Code 1.100.0')), 'Failed to download and unzip VS Code 1.100.0');
  });

  it('does not skip on other failures', () => {
    const others: unknown[] = [
      new Error('Invalid version 9.9.9'),
      new Error('Test run failed with code 1'),
      Object.assign(new Error("ENOENT: no such file or directory, open 'dist/extension.js'"), { code: 'ENOENT' }),
      new Error('Windows 32-bit is no longer supported'),
      undefined,
      null,
      42,
      { message: 'Failed to get JSON' },
    ];
    for (const err of others) assert.equal(downloadFailureReason(err), undefined, String(err));
  });

  it('survives a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    assert.equal(downloadFailureReason(a), undefined);
  });
});
