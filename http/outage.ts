/**
 * Tells a backend that stopped answering from one request that hangs. A single request without an answer is
 * that case's violation (R2), judged as usual; SILENT_IN_A_ROW requests in a row without one (each has waited
 * out its timeout, or the connection was refused) means the backend is gone: the watch writes what it saw and
 * the abort file, so the client sends nothing more and the runner ends the run with exit 2 instead of waiting
 * out a timeout per remaining request.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Exchange } from '../core/exchange.ts';
import type { Outage } from '../core/outage.ts';

/** Three: one hanging request, and its retry on a fresh connection, are still one case's R2. */
export const SILENT_IN_A_ROW = 3;

export class OutageWatch {
  private lastAnswered: Exchange | undefined;
  /** The first request of each batch in a row that got no answer at all. */
  private silent: Exchange[] = [];
  private tripped = false;

  constructor(
    /** Where the outage is written for the runner. */
    private readonly file: string,
    /** Whose presence stops every client of the run from sending (see ApiClient). */
    private readonly abortFile: string,
    private readonly limit = SILENT_IN_A_ROW,
  ) {}

  /**
   * One batch of exchanges (a request, or a burst sent at once), in issue order, once numbered. A batch with no
   * answer counts once: a burst that deadlocks on one customer is that case's finding (R2, S7), not an outage.
   */
  observe(exchanges: Exchange[]): void {
    const answered = exchanges.filter((exchange) => exchange.response !== undefined);
    if (answered.length > 0) {
      this.lastAnswered = answered[answered.length - 1];
      this.silent = [];
      return;
    }
    const first = exchanges[0];
    if (first === undefined) return;
    this.silent.push(first);
    if (this.silent.length >= this.limit && !this.tripped) this.trip();
  }

  private trip(): void {
    this.tripped = true;
    const outage: Outage = {
      // Requests, not attempts: a resend on a fresh connection, or a burst, is one silence.
      unanswered: this.silent.length,
      inFlight: this.silent[0] as Exchange,
      ...(this.lastAnswered ? { lastAnswered: this.lastAnswered } : {}),
    };
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(outage));
    mkdirSync(dirname(this.abortFile), { recursive: true });
    writeFileSync(this.abortFile, 'the backend stopped answering\n');
  }
}

export function readOutage(file: string): Outage | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Outage) : undefined;
}
