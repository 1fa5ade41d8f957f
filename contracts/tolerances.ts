/** The shape of tolerances.json: what a team may pin for its backend (validated by tolerances.schema.json). */
export type PutSemantics = 'merge' | 'replace' | 'either';

export interface Tolerances {
  operation: string;
  paths: { update: string; read: string; create: string; delete: string | null };
  statuses: {
    accept: number[];
    reject: number[];
    /** What a MAY-EITHER case (B4, B6, B7) may be refused with: any clean 4xx, or a pinned list. */
    rejectEdge: number[] | 'any-4xx';
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
  fields: {
    readOnly: string[];
    serverManaged: string[];
    /** Read-only source metadata a response may hold null in (R1); a name left out is pinned non-null. */
    mayBeNull: string[];
  };
  concurrency: { burstSize: number; bursts: number };
  /** What the run must reach (absent in contract copies made before it existed: nothing required). */
  coverage?: {
    /** A value class or rule not reached fails the gate (exit 2), as --require-coverage does. */
    require?: boolean;
    /** Never required: a rule id, a value class id (every field) or "field:class". */
    exempt?: string[];
  };
}

/** Every status a MAY-EITHER case may be refused with. */
export function edgeRejections(tolerances: Tolerances): number[] {
  const pinned = tolerances.statuses.rejectEdge;
  return pinned === 'any-4xx' ? Array.from({ length: 100 }, (_, i) => 400 + i) : pinned;
}

/**
 * The customer schema as R1 judges it: null is allowed in each `mayBeNull` field, around the documented schema,
 * so a value that is there keeps the example's type and format.
 */
export function allowNull(
  customer: Record<string, unknown>,
  mayBeNull: readonly string[],
): Record<string, unknown> {
  const properties = { ...(customer['properties'] as Record<string, unknown>) };
  for (const field of mayBeNull) properties[field] = { anyOf: [properties[field], { type: 'null' }] };
  return { ...customer, properties };
}
