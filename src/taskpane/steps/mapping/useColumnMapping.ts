import { useCallback, useMemo, useState } from "react";
import type { ColumnMapping, SingleColumnRole } from "../../../engine/table/ColumnMapping";
import { readSchools, type ReadSchoolsResult } from "../../../engine/table/readSchools";
import { suggestMapping } from "../../../engine/table/suggestMapping";
import type { TableData } from "../../../workbook/WorkbookPort";

/** Rows the header guesser looks at to spot numeric columns (it reads at most 50 itself). */
const SAMPLE_ROWS = 50;

export interface ColumnMappingState {
  mapping: ColumnMapping;
  /** Schools read with the mapping and every problem found, or null before a table is chosen. */
  read: ReadSchoolsResult | null;
  setRole(role: SingleColumnRole, column: number | undefined): void;
  addList(list: "grades" | "counts", column: number): void;
  removeList(list: "grades" | "counts", column: number): void;
  /** Replaces the whole mapping (a restored scenario brings its own). */
  replace(mapping: ColumnMapping): void;
}

const EMPTY: ColumnMapping = { grades: [], counts: [] };

/** A column plays one part only: taking it for one role releases it from every other. */
function withoutColumn(mapping: ColumnMapping, column: number): ColumnMapping {
  const next: ColumnMapping = { ...mapping, grades: mapping.grades.filter((c) => c !== column), counts: mapping.counts.filter((c) => c !== column) };
  for (const key of Object.keys(next) as (keyof ColumnMapping)[]) {
    if (key !== "grades" && key !== "counts" && next[key] === column) delete next[key];
  }
  return next;
}

function sameTable(a: TableData, b: TableData): boolean {
  return a.info.id === b.info.id && a.info.headers.length === b.info.headers.length && a.info.headers.every((h, i) => h === b.info.headers[i]);
}

/**
 * Step 2: the column mapping of the chosen table, suggested from its headers whenever a new table is read,
 * and the schools read through it (`readSchools`) with every data problem placed at its sheet cell.
 */
export function useColumnMapping(table: TableData | null): ColumnMappingState {
  const [mapped, setMapped] = useState<{ table: TableData | null; mapping: ColumnMapping }>({ table: null, mapping: EMPTY });
  // A newly chosen table gets a fresh suggestion; the same table read again after a person edited its cells
  // (same id, same headers) keeps the mapping they may have adjusted (React's "adjust state while rendering").
  let current = mapped;
  if (mapped.table !== table) {
    const reread = table !== null && mapped.table !== null && sameTable(mapped.table, table);
    current = { table, mapping: reread ? mapped.mapping : table ? suggestMapping(table.info.headers, table.rows.slice(0, SAMPLE_ROWS)) : EMPTY };
    setMapped(current);
  }
  const mapping = current.mapping;

  const read = useMemo(
    () => (table ? readSchools(table.info.headers, table.rows, mapping, table.firstRow, table.firstColumn) : null),
    [table, mapping],
  );

  const update = useCallback((change: (m: ColumnMapping) => ColumnMapping) => setMapped((s) => ({ ...s, mapping: change(s.mapping) })), []);
  const setRole = useCallback(
    (role: SingleColumnRole, column: number | undefined) =>
      update((m) => {
        const next = column === undefined ? { ...m } : withoutColumn(m, column);
        if (column === undefined) delete next[role];
        else next[role] = column;
        return next;
      }),
    [update],
  );
  const addList = useCallback(
    (list: "grades" | "counts", column: number) =>
      update((m) => {
        const next = withoutColumn(m, column);
        next[list] = [...next[list], column].sort((a, b) => a - b);
        return next;
      }),
    [update],
  );
  const removeList = useCallback((list: "grades" | "counts", column: number) => update((m) => ({ ...m, [list]: m[list].filter((c) => c !== column) })), [update]);
  const replace = useCallback((next: ColumnMapping) => update(() => next), [update]);

  // One object while nothing in it changes, so the step (memo) is skipped when the pane renders for a formula edit.
  return useMemo(() => ({ mapping, read, setRole, addList, removeList, replace }), [mapping, read, setRole, addList, removeList, replace]);
}
