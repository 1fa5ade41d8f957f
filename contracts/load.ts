/**
 * Loads the contract folder once: the JSON Schemas, the OpenAPI document and the tolerances, compiled with
 * ajv + ajv-formats. A contract file that is itself wrong raises a ContractError naming the file and the
 * JSON pointer, so the runner can say what to fix (exit 2) instead of judging a backend with a broken contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { allowNull, type Tolerances } from './tolerances.ts';
import { checkOpenApi, referencedFiles } from './openapi-check.ts';

export type { Tolerances, PutSemantics } from './tolerances.ts';
export { edgeRejections } from './tolerances.ts';

export const DEFAULT_CONTRACT_DIR = fileURLToPath(new URL('.', import.meta.url));

export class ContractError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    detail: string,
  ) {
    super(`contract file ${file}${pointer ? ` at ${pointer}` : ''}: ${detail}`);
    this.name = 'ContractError';
  }
}

export type JsonSchema = Record<string, unknown>;

export interface Contract {
  dir: string;
  tolerances: Tolerances;
  /** The schema files as written (the documented types, which the generators read). */
  schemas: {
    updateRequest: JsonSchema;
    createRequest: JsonSchema;
    customer: JsonSchema;
    response: JsonSchema;
  };
  openapi: JsonSchema;
  /** Compiled with the tolerances applied: the response validator allows null where fields.mayBeNull says. */
  validate: {
    updateRequest: ValidateFunction;
    createRequest: ValidateFunction;
    response: ValidateFunction;
  };
  fields: {
    /** Every property of the update body, in schema order. */
    updatable: string[];
    required: string[];
    optional: string[];
    /** Every documented property of UnifiedCustomer. */
    documented: string[];
    readOnly: string[];
    serverManaged: string[];
    /** Documented properties a backend must keep unless the suite changes them: all but the server-managed. */
    kept: string[];
  };
}

const FILES = {
  updateRequest: 'schemas/update-request.schema.json',
  createRequest: 'schemas/create-request.schema.json',
  customer: 'schemas/unified-customer.schema.json',
  response: 'schemas/customer-response.schema.json',
  tolerances: 'tolerances.json',
  tolerancesSchema: 'tolerances.schema.json',
  openapi: 'openapi.json',
} as const;

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

function readJson(dir: string, file: string): JsonSchema {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ContractError(file, '', `cannot be read from ${dir}; check --contract-dir`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ContractError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContractError(file, '', 'must hold a JSON object');
  }
  return value as JsonSchema;
}

function firstError(errors: ErrorObject[] | null | undefined): { pointer: string; message: string } {
  const error = errors?.[0];
  if (!error) return { pointer: '', message: 'is invalid' };
  const allowed =
    error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : [];
  // An enum error names the values a team may write: "must be equal to one of the allowed values: …".
  const choices = allowed?.length ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { pointer: error.instancePath || '/', message: `${error.message ?? 'is invalid'}${choices}` };
}

function schemaFields(schema: JsonSchema, file: string): { all: string[]; required: string[] } {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) {
    throw new ContractError(file, '/properties', 'must be an object listing the fields');
  }
  const required = schema['required'];
  return {
    all: Object.keys(properties),
    required: Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [],
  };
}

function loadTolerances(root: string, ajv: Ajv2020): Tolerances {
  const tolerancesSchema = readJson(root, FILES.tolerancesSchema);
  const tolerancesValue = readJson(root, FILES.tolerances);
  let validateTolerances: ValidateFunction;
  try {
    validateTolerances = ajv.compile(tolerancesSchema);
  } catch (error) {
    throw new ContractError(FILES.tolerancesSchema, '', `cannot be compiled (${(error as Error).message})`);
  }
  if (!validateTolerances(tolerancesValue)) {
    const { pointer, message } = firstError(validateTolerances.errors);
    throw new ContractError(FILES.tolerances, pointer, message);
  }
  const tolerances = tolerancesValue as unknown as Tolerances;
  const { envelope } = tolerances;
  if (envelope.minLength > envelope.maxLength) {
    throw new ContractError(FILES.tolerances, '/envelope/minLength', 'must not exceed maxLength');
  }
  try {
    new RegExp(envelope.emailPattern);
  } catch {
    throw new ContractError(FILES.tolerances, '/envelope/emailPattern', 'is not a valid regular expression');
  }
  return tolerances;
}

const textOf = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '\0unreadable';
  }
};

/**
 * What a compiled contract was made from, as text: the folder's JSON files (not under node_modules) and any file
 * the OpenAPI document's $refs name, wherever it is. Unreadable parts are marked (the load says what is wrong).
 */
function contractText(root: string): string {
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return '';
  }
  const files = new Set(
    entries.filter((name) => name.endsWith('.json') && !name.split(/[\\/]/).includes('node_modules')),
  );
  try {
    for (const file of referencedFiles(JSON.parse(textOf(join(root, FILES.openapi))))) files.add(file);
  } catch {
    // An unparsable OpenAPI document is reported by the load itself.
  }
  return [...files]
    .sort()
    .map((name) => `${name}\0${textOf(join(root, name))}`)
    .join('\0');
}

/** Frozen all the way down: a compiled contract is shared by every caller in the process. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Compiled contracts of this process (or thread), by folder and content: an edited file is compiled afresh. */
const compiled = new Map<string, Contract>();

export interface LoadOptions {
  /**
   * The schema files were already checked against JSON Schema's meta-schema by the runner that hands this folder
   * on (the suites' worker loads it again): checking them again costs a run about 50 ms and finds nothing new.
   */
  schemasChecked?: boolean;
}

/**
 * The contract in `dir`. Compiling its schemas is most of the cost, so a folder whose JSON files are unchanged
 * is compiled once per process; each caller gets its own tolerances to pin (--put-semantics sets them).
 */
export function loadContract(dir: string = DEFAULT_CONTRACT_DIR, options: LoadOptions = {}): Contract {
  const root = resolve(dir);
  const checked = options.schemasChecked ?? false;
  const key = `${root}\0${checked}\0${contractText(root)}`;
  let contract = compiled.get(key);
  if (!contract) {
    contract = compileContract(root, checked);
    // Shared by every caller, so frozen (a write would leak into the next run); the validators are code, not data.
    for (const data of [contract.schemas, contract.openapi, contract.fields, contract.tolerances])
      deepFreeze(data);
    compiled.set(key, contract);
  }
  return { ...contract, tolerances: structuredClone(contract.tolerances) };
}

function compileContract(root: string, schemasChecked: boolean): Contract {
  const ajv = new Ajv2020({
    allErrors: false,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    validateSchema: !schemasChecked,
  });
  addFormats(ajv);

  const raw = {
    updateRequest: readJson(root, FILES.updateRequest),
    createRequest: readJson(root, FILES.createRequest),
    customer: readJson(root, FILES.customer),
    response: readJson(root, FILES.response),
  };
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) {
    if (!schemasChecked && !ajv.validateSchema(raw[key])) {
      const { pointer, message } = firstError(ajv.errors);
      throw new ContractError(FILES[key], pointer, `is not a valid JSON Schema (${message})`);
    }
  }
  const tolerances = loadTolerances(root, ajv);
  const documented = schemaFields(raw.customer, FILES.customer).all;
  for (const [index, field] of tolerances.fields.mayBeNull.entries()) {
    if (!documented.includes(field)) {
      throw new ContractError(
        FILES.tolerances,
        `/fields/mayBeNull/${index}`,
        `"${field}" is not a documented customer property`,
      );
    }
  }

  const compile = (key: keyof typeof raw): ValidateFunction => {
    try {
      return ajv.getSchema(String(raw[key]['$id'])) ?? ajv.compile(raw[key]);
    } catch (error) {
      throw new ContractError(FILES[key], '', `cannot be compiled (${(error as Error).message})`);
    }
  };
  // The customer schema first (as the tolerances judge it): the response schema refers to it by $id.
  try {
    ajv.addSchema(allowNull(raw.customer, tolerances.fields.mayBeNull));
  } catch (error) {
    throw new ContractError(FILES.customer, '', `cannot be added (${(error as Error).message})`);
  }
  const validate = {
    updateRequest: compile('updateRequest'),
    createRequest: compile('createRequest'),
    response: compile('response'),
  };

  const update = schemaFields(raw.updateRequest, FILES.updateRequest);
  const roles = [...update.all, ...tolerances.fields.readOnly, ...tolerances.fields.serverManaged];
  for (const field of update.all) {
    if (!documented.includes(field)) {
      throw new ContractError(
        FILES.updateRequest,
        `/properties/${field}`,
        `"${field}" is not a documented customer property`,
      );
    }
  }
  // Each documented property has exactly one role: a server-managed field is checked like a read-only one.
  const roleNames = { readOnly: 'read-only', serverManaged: 'server-managed' } as const;
  for (const role of ['readOnly', 'serverManaged'] as const) {
    for (const [index, field] of tolerances.fields[role].entries()) {
      const pointer = `/fields/${role}/${index}`;
      if (!documented.includes(field)) {
        throw new ContractError(
          FILES.tolerances,
          pointer,
          `"${field}" is not a documented customer property`,
        );
      }
      if (update.all.includes(field)) {
        throw new ContractError(
          FILES.tolerances,
          pointer,
          `"${field}" is updatable, so it cannot be ${roleNames[role]}`,
        );
      }
      if (role === 'serverManaged' && tolerances.fields.readOnly.includes(field)) {
        throw new ContractError(
          FILES.tolerances,
          pointer,
          `"${field}" is read-only, so it cannot be server-managed`,
        );
      }
    }
  }
  for (const field of documented) {
    if (!roles.includes(field)) {
      throw new ContractError(
        FILES.tolerances,
        '/fields',
        `documented property "${field}" is neither updatable, read-only nor server-managed`,
      );
    }
  }

  const openapi = readJson(root, FILES.openapi);
  const problem = checkOpenApi(openapi, root);
  if (problem) throw new ContractError(FILES.openapi, problem.pointer, problem.message);

  return {
    dir: root,
    tolerances,
    schemas: raw,
    openapi,
    validate,
    fields: {
      updatable: update.all,
      required: update.required,
      optional: update.all.filter((f) => !update.required.includes(f)),
      documented,
      readOnly: tolerances.fields.readOnly,
      serverManaged: tolerances.fields.serverManaged,
      kept: documented.filter((f) => !tolerances.fields.serverManaged.includes(f)),
    },
  };
}
