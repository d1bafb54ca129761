import { Button, Field, Input, makeStyles, mergeClasses, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { changeCounts, filterDifferences, sortDifferences, type DifferenceFilter, type DifferenceKey } from "../../../engine/scenario/compareScenarios";
import type { ProtectionCost } from "../../../engine/scenario/protectionCost";
import { protectionAtBase } from "../../../engine/scenario/summarizeResult";
import { formatCents, formatDollars, formatNumber, formatPercent, formatWhole, parseTypedNumber } from "../../common/formatNumbers";
import { floorTopUpLine, gainCapLine, stopLossCostLine } from "../../common/protectionWords";
import { useRowStyles } from "../../common/useRowStyles";
import type { Comparison } from "./useScenarioComparison";

/** Rows per page of the school table: 850 schools are 17 pages, each rendered at once. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  table: { tableLayout: "auto", fontSize: tokens.fontSizeBase200 },
  school: { maxWidth: "13em" },
  name: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  amounts: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  nowrap: { whiteSpace: "nowrap" },
  gain: { color: tokens.colorPaletteGreenForeground1 },
  loss: { color: tokens.colorPaletteRedForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A page of schools: contained, as useRowStyles' scroll box, so an edit elsewhere in the pane does not re-walk it.
  scroll: { maxHeight: "420px", overflowY: "auto", contain: "content" },
  pager: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

function ProtectionLines({ label, cost }: { label: string; cost: ProtectionCost }) {
  const atBase = protectionAtBase(cost.result);
  return (
    <li>
      {label}: {floorTopUpLine(atBase)} {stopLossCostLine(cost.maxLoss)} {gainCapLine(cost.maxGain)}
    </li>
  );
}

/** "+$1,234 (+2.1%)" / "-$1,234 (-2.1%)" / "$0": the sign written out, never "-$0". */
function signedDollars(x: number): string {
  const shown = formatDollars(Math.abs(x));
  if (shown === "$0") return shown;
  return `${x > 0 ? "+" : "-"}${shown}`;
}

function signedPercent(x: number | null): string {
  if (x === null) return "n/a";
  const shown = formatPercent(Math.abs(x));
  if (shown === "0.0%") return shown;
  return `${x > 0 ? "+" : "-"}${shown}`;
}

/** Three sortable columns fit the pane; each school's amounts under A and B are written under its name. */
const COLUMNS: { key: DifferenceKey; label: string }[] = [
  { key: "name", label: "School" },
  { key: "difference", label: "Change" },
  { key: "percent", label: "Change %" },
];

/**
 * Every school of the comparison, sortable by any column, with counts of schools that gain, lose and
 * lose more than a chosen share, a filter, and what each protection rule costs. Says on which data each
 * side is shown (a saved scenario runs again on today's table).
 */
export function ComparisonView({ value, labelA, labelB }: { value: Comparison; labelA: string; labelB: string }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const c = value.comparison;
  const [shareText, setShareText] = useState("5");
  const typedShare = parseTypedNumber(shareText.replace(/%$/, ""));
  const shareProblem = typedShare === null || typedShare < 0 || typedShare > 100 ? "Give a per cent from 0 to 100, e.g. 5." : null;
  const lossShare = shareProblem ? 0.05 : typedShare! / 100;
  const counts = changeCounts(c, lossShare);
  const [filter, setFilter] = useState<DifferenceFilter>("all");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<{ key: DifferenceKey; direction: "ascending" | "descending" }>({ key: "difference", direction: "ascending" });
  const [page, setPage] = useState(0);

  const listed = useMemo(() => sortDifferences(filterDifferences(c.rows, filter, lossShare, search), sort.key, sort.direction), [c.rows, filter, lossShare, search, sort]);
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = listed.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const shareLabel = shareProblem ? "5%" : `${formatNumber(typedShare!)}%`;

  const sortBy = (key: DifferenceKey) => {
    setSort((old) => ({ key, direction: old.key === key && old.direction === "ascending" ? "descending" : "ascending" }));
    setPage(0);
  };

  return (
    <div aria-label="Comparison">
      <ul className={rows.list} aria-label="Where the figures come from">
        <li>
          {labelA}: {value.provenanceA}
        </li>
        <li>
          {labelB}: {value.provenanceB}
        </li>
      </ul>
      <ul className={rows.list} aria-label="Who gains and who loses">
        <li>
          Total: {formatDollars(c.totalA)} under {labelA}, {formatDollars(c.totalB)} under {labelB}. Base {formatCents(c.baseA)} against {formatCents(c.baseB)}.
        </li>
        <li>
          {counts.gain} {counts.gain === 1 ? "school gains" : "schools gain"} {formatDollars(c.winners.total)} in all under {labelB}.
        </li>
        <li>
          {counts.lose} {counts.lose === 1 ? "school loses" : "schools lose"} {formatDollars(c.losers.total)} in all under {labelB}; {counts.loseMoreThan} of them lose more than {shareLabel}.
        </li>
        <li>{counts.unchanged} unchanged.</li>
      </ul>
      <div className={rows.row}>
        <Field label="Loss share to count (%)" size="small" validationMessage={shareProblem ?? undefined}>
          <Input size="small" value={shareText} onChange={(_, data) => setShareText(data.value)} style={{ width: "6em" }} />
        </Field>
        <Field label="Show" size="small">
          <Select
            size="small"
            value={filter}
            onChange={(_, data) => {
              setFilter(data.value as DifferenceFilter);
              setPage(0);
            }}
          >
            <option value="all">Every school</option>
            <option value="gain">Schools that gain</option>
            <option value="lose">Schools that lose</option>
            <option value="loseMoreThan">Schools that lose more than {shareLabel}</option>
          </Select>
        </Field>
        <Field label="Find a school" size="small">
          <Input
            size="small"
            value={search}
            onChange={(_, data) => {
              setSearch(data.value);
              setPage(0);
            }}
          />
        </Field>
      </div>
      <h3 className={styles.heading}>School by school</h3>
      <p className={rows.note}>
        A is {labelA}, B is {labelB}; the change is B - A, in dollars and as a share of A.
      </p>
      <p className={rows.note} aria-label="Rows shown">
        {listed.length === 0
          ? "No school matches."
          : `Schools ${formatWhole(current * PAGE_SIZE + 1)}-${formatWhole(current * PAGE_SIZE + shown.length)} of ${formatWhole(listed.length)}${listed.length < c.rows.length ? ` (of ${formatWhole(c.rows.length)} in all)` : ""}. Click a column heading to sort.`}
      </p>
      <div className={styles.scroll}>
        <Table size="extra-small" className={styles.table} aria-label="Schools compared" sortable>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((col) => (
                <TableHeaderCell key={col.key} sortDirection={sort.key === col.key ? sort.direction : undefined} onClick={() => sortBy(col.key)}>
                  {col.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((m) => (
              <TableRow key={m.row}>
                <TableCell className={styles.school}>
                  <span className={styles.name} title={m.name}>
                    {m.name}
                  </span>
                  <span className={styles.amounts}>
                    A {formatDollars(m.a)}, B {formatDollars(m.b)}
                  </span>
                </TableCell>
                <TableCell className={mergeClasses(rows.numeric, styles.nowrap, m.difference > 0.005 ? styles.gain : m.difference < -0.005 ? styles.loss : undefined)}>{signedDollars(m.difference)}</TableCell>
                <TableCell className={mergeClasses(rows.numeric, styles.nowrap, m.difference > 0.005 ? styles.gain : m.difference < -0.005 ? styles.loss : undefined)}>{signedPercent(m.percent)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {pages > 1 && (
        <div className={styles.pager}>
          <Button size="small" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </Button>
          <span className={rows.note}>
            Page {current + 1} of {pages}
          </span>
          <Button size="small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </Button>
        </div>
      )}
      <h3 className={styles.heading}>What protection costs</h3>
      <ul className={rows.list} aria-label="What protection costs">
        <ProtectionLines label={labelA} cost={value.protectionA} />
        <ProtectionLines label={labelB} cost={value.protectionB} />
      </ul>
    </div>
  );
}
