/**
 * `npm run serve -- [--port N] [--token T] [--semantics merge|replace] [--strict] [--delay MS]`: the reference
 * backend alone; --delay answers every request MS milliseconds late, like a remote backend.
 */
import { parseArgs } from 'node:util';
import { loadContract } from '../contracts/load.ts';
import { createReferenceBackend } from './reference-backend.ts';
import { delayed } from './delay.ts';
import { serve } from './http-server.ts';

function fail(message: string): never {
  console.error(`serve: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      token: { type: 'string' },
      semantics: { type: 'string', default: 'merge' },
      strict: { type: 'boolean', default: false },
      delay: { type: 'string', default: '0' },
    },
  }));
} catch (error) {
  fail(
    `${(error as Error).message}; usage: npm run serve -- [--port N] [--token T] [--semantics merge|replace] [--strict] [--delay MS]`,
  );
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0..65535, got "${values.port}"`);
const delay = Number(values.delay);
if (!/^\d+$/.test(values.delay) || delay > 60_000)
  fail(`--delay must be 0..60000 milliseconds, got "${values.delay}"`);
if (values.semantics !== 'merge' && values.semantics !== 'replace')
  fail('--semantics must be merge or replace');
const token = values.token ?? process.env['API_TOKEN'];
if (!token) fail('give the token the backend accepts with --token or API_TOKEN');

const backend = createReferenceBackend({
  contract: loadContract(),
  token,
  semantics: values.semantics,
  edgePolicy: values.strict ? 'strict' : 'lenient',
});
try {
  const server = await serve(delayed(backend.handler, delay), port);
  console.log(
    `reference backend (${values.semantics}${delay > 0 ? `, ${delay} ms late` : ''}) listening: BASE_URL=${server.origin}/api/v1`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  fail(`cannot listen on port ${port} (${(error as Error).message}); pick another with --port`);
}
