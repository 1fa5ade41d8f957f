/** The shape of tolerances.json: what a team may pin for its backend (validated by tolerances.schema.json). */
export type PutSemantics = 'merge' | 'replace' | 'either';

export interface Tolerances {
  operation: string;
  paths: { update: string; read: string; create: string; delete: string | null };
  statuses: {
    accept: number[];
    reject: number[];
    rejectContentType: number[];
    unauthenticated: number[];
    wrongToken: number[];
    notFound: number[];
  };
  putSemantics: PutSemantics;
  envelope: {
    minLength: number;
    maxLength: number;
    forbiddenCodePoints: [number, number][];
    emailPattern: string;
  };
  fields: { readOnly: string[]; serverManaged: string[] };
  concurrency: { burstSize: number; bursts: number };
}
