/**
 * The memory a machine must have for a run: the sum of VmRSS over a process and all its descendants (vitest's
 * worker is a thread today, but a fork, an esbuild service or a browser would be a process of its own), read from
 * /proc. GNU time's figure is the largest single process's peak, which undercounts a tree.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Best effort: a process may end between two reads. */
function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** The pid and every descendant's, through each of its threads' children lists. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    out.push(current);
    for (const task of list(`/proc/${current}/task`)) {
      const children = read(`/proc/${current}/task/${task}/children`)?.trim();
      if (children) queue.push(...children.split(/\s+/).map(Number));
    }
  }
  return out;
}

export interface TreeSample {
  rssKb: number;
  processes: number;
}

/** One reading: the tree's summed VmRSS (kB) and how many processes it has. */
export function treeRss(pid: number): TreeSample {
  let rssKb = 0;
  let processes = 0;
  for (const p of descendants(pid)) {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${p}/status`) ?? '');
    if (!match) continue;
    rssKb += Number(match[1]);
    processes++;
  }
  return { rssKb, processes };
}
