/**
 * Where a run of rows (or columns) `start`..`start + count - 1` goes when rows are inserted or deleted, as
 * Excel moves a table or a formatted range: rows inserted before it push it down, rows inserted inside it
 * grow it (inserting just below it does not), deleted rows before it pull it up, deleted rows inside it
 * shrink it. Returns null when every row of the run was deleted.
 */
export function shiftSpan(start: number, count: number, change: { at: number; inserted?: number; deleted?: number }): { start: number; count: number } | null {
  const { at } = change;
  if (change.inserted) {
    const n = change.inserted;
    if (at <= start) return { start: start + n, count };
    if (at < start + count) return { start, count: count + n };
    return { start, count };
  }
  const n = change.deleted ?? 0;
  const end = start + count; // exclusive
  const removedBefore = (position: number) => Math.max(0, Math.min(at + n, position) - at);
  const newStart = start - removedBefore(start);
  const newEnd = end - removedBefore(end);
  return newEnd > newStart ? { start: newStart, count: newEnd - newStart } : null;
}
