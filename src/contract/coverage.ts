// Which operation answered with which documented status during a run: the contract suite
// prints it as a table and fails when an operation's success answer was never seen.
import type { Description, JsonObject } from './description.ts';
import { listOperations } from './operations.ts';

export class Coverage {
  readonly #seen = new Map<string, Map<string, number>>();
  readonly #documented: Map<string, string[]>;

  constructor(description: Description) {
    this.#documented = new Map(
      listOperations(description).map((op) => [op.operationId, Object.keys(op.operation.responses as JsonObject)]),
    );
  }

  record(operationId: string, status: number): void {
    const row = this.#seen.get(operationId) ?? new Map<string, number>();
    row.set(String(status), (row.get(String(status)) ?? 0) + 1);
    this.#seen.set(operationId, row);
  }

  seen(operationId: string, status: number | string): number {
    return this.#seen.get(operationId)?.get(String(status)) ?? 0;
  }

  /** Operations whose 2xx answer was never exercised. */
  missingSuccess(): string[] {
    return [...this.#documented.keys()].filter(
      (id) => ![...(this.#seen.get(id)?.keys() ?? [])].some((status) => status.startsWith('2')),
    );
  }

  /** Documented statuses (other than `default`) never exercised, per operation. */
  missingStatuses(): Record<string, string[]> {
    const missing: Record<string, string[]> = {};
    for (const [id, statuses] of this.#documented) {
      const gaps = statuses.filter((s) => s !== 'default' && this.seen(id, s) === 0);
      if (gaps.length) missing[id] = gaps;
    }
    return missing;
  }

  /** An operation × status table: counts of answers seen, `·` for documented but unseen. */
  table(): string {
    const statuses = [...new Set([...this.#documented.values()].flat().filter((s) => s !== 'default'))]
      .concat([...this.#seen.values()].flatMap((row) => [...row.keys()]))
      .filter((s, i, all) => all.indexOf(s) === i)
      .sort();
    const width = Math.max(...[...this.#documented.keys()].map((id) => id.length));
    const lines = [`${'operation'.padEnd(width)} ${statuses.map((s) => s.padStart(5)).join('')}`];
    for (const [id, documented] of this.#documented) {
      const cells = statuses.map((s) => {
        const count = this.seen(id, s);
        return (count ? String(count) : documented.includes(s) ? '·' : '').padStart(5);
      });
      lines.push(`${id.padEnd(width)} ${cells.join('')}`);
    }
    return lines.join('\n');
  }
}
