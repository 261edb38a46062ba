// The server's state as the client's status bar shows it (`secureIac/status`): ready, scanning n/N, or an error.
import { NotificationType, type Connection } from 'vscode-languageserver/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';

const StatusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);

/**
 * Sends a state only when it differs from the last one sent, so a lint per keystroke costs no message. An error
 * stays shown until the failing part works again (a later lint or scan succeeds), not until the next keystroke
 * of another file: `recovered` clears only the error of the same origin.
 */
export class ServerStatus {
  private last = '';
  private errorOrigin: string | undefined;
  private scanning = false;

  constructor(private readonly connection: Connection) {}

  ready(): void {
    if (this.errorOrigin === undefined && !this.scanning) this.send({ state: 'ready' });
  }

  scanProgress(scanned: number, total: number): void {
    this.scanning = true;
    this.send({ state: 'scanning', scanned, total });
  }

  scanDone(): void {
    this.scanning = false;
    if (this.errorOrigin !== undefined) return;
    this.send({ state: 'ready' });
  }

  /** Something failed (`origin` names what, e.g. a file or "parsers"). */
  failed(origin: string, message: string): void {
    this.errorOrigin = origin;
    this.send({ state: 'error', message });
  }

  /** `origin` works again: back to ready if it was the error shown. */
  recovered(origin: string): void {
    if (this.errorOrigin !== origin) return;
    this.errorOrigin = undefined;
    if (!this.scanning) this.send({ state: 'ready' });
  }

  private send(params: StatusParams): void {
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(StatusNotification, params).catch(() => undefined);
  }
}
