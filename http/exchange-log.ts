/**
 * The run's exchange log (exchanges.ndjson): every request and response, appended in issue order, so the
 * log streams to disk instead of piling up in memory.
 */
import { appendFileSync, closeSync, existsSync, openSync, readSync } from 'node:fs';
import type { Exchange } from '../core/exchange.ts';

/** Lines in a file, read in chunks: the log of a long run is far larger than a string may be. */
export function countLines(path: string): number {
  if (!existsSync(path)) return 0;
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

export class ExchangeLog {
  private next: number;

  constructor(private readonly path: string | undefined) {
    // The suites run one file after another in the same log: carry on its numbering.
    this.next = path ? countLines(path) + 1 : 1;
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
