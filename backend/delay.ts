/** A remote backend's latency without a network: every answer of a handler comes `ms` milliseconds late. */
import type { Handler } from './types.ts';

export function delayed(handler: Handler, ms: number): Handler {
  if (ms <= 0) return handler;
  return async (request) => {
    const [response] = await Promise.all([
      handler(request),
      new Promise((resolve) => setTimeout(resolve, ms)),
    ]);
    return response;
  };
}
