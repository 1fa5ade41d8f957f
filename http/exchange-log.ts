/**
 * The run's exchange log (exchanges.ndjson): every request and response, appended in issue order, so the
 * log streams to disk instead of piling up in memory.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Exchange } from '../core/exchange.ts';

export class ExchangeLog {
  private next: number;

  constructor(private readonly path: string | undefined) {
    // The suites run one file after another in the same log: carry on its numbering.
    this.next =
      path && existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length + 1 : 1;
  }

  /** Reserves the next sequence number, at issue time. */
  reserve(): number {
    return this.next++;
  }

  append(exchanges: Exchange[]): void {
    if (!this.path || exchanges.length === 0) return;
    appendFileSync(this.path, exchanges.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }
}
