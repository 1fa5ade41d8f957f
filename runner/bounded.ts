/**
 * Waiting that always ends: the command line must finish with 0, 1 or 2 and a line saying why, whatever the
 * embedded backend or a bug in the suite leaves pending.
 */

/** `work`, or what `onTimeout` gives (or throws) once `ms` have passed without it settling. */
export async function withinTime<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // The timer is kept referenced: it is what keeps the process alive while nothing else is pending.
  const late = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Node ends a process whose top-level await can never settle (everything it waits on is gone) with exit 13
 * and no message. This turns that into exit 2 and one line: no verdict, and a bug to report.
 */
export function guardUnsettled<T>(
  work: Promise<T>,
  say: (line: string) => void,
  exit: (code: number) => never = (code) => process.exit(code),
): Promise<T> {
  let settled = false;
  const onBeforeExit = () => {
    if (settled) return;
    say(
      'customer-conformance: internal error: the run was left waiting on something that can no longer happen, so there is no verdict; please report it with the command you ran\n',
    );
    exit(2);
  };
  process.on('beforeExit', onBeforeExit);
  return work.finally(() => {
    settled = true;
    process.off('beforeExit', onBeforeExit);
  });
}
