import type { SQLInputValue, StatementSync } from 'node:sqlite';

/** A prepared statement whose rows come as arrays of column values, in the order selected. */
export interface ArrayRowStatement {
  get(...params: SQLInputValue[]): unknown[] | undefined;
  all(...params: SQLInputValue[]): unknown[][];
}

/**
 * Rows as arrays: node:sqlite builds an object row key by key, which costs more than the lookup
 * itself on the read path. `setReturnArrays` came with Node 24; the sandbox also runs on Node
 * 22.13 (docs/sandbox.md), where the object's values are taken instead: in column order, as the
 * statements using this select distinct, non-numeric column names.
 */
export function arrayRows(statement: StatementSync): ArrayRowStatement {
  if (typeof statement.setReturnArrays === 'function') {
    statement.setReturnArrays(true);
    return statement as unknown as ArrayRowStatement;
  }
  return {
    get: (...params) => {
      const row = statement.get(...params);
      return row && Object.values(row);
    },
    all: (...params) => statement.all(...params).map((row) => Object.values(row)),
  };
}
