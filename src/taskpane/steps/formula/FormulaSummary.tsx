import { makeStyles, tokens } from "@fluentui/react-components";
import { formatCents, formatDollars, formatNumber } from "../../common/formatNumbers";
import { FLOOR_TOP_UP, FLOOR_TOP_UP_MEANS } from "../../common/protectionWords";
import { useRowStyles } from "../../common/useRowStyles";
import { describeError } from "../../messages/describeError";
import type { FormulaRun } from "./useFormula";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  pair: { display: "contents" },
});

/** The headline of a run (base, total, protected schools), or why the formula cannot run yet. */
export function FormulaSummary({ run, schools }: { run: FormulaRun | null; schools: number }) {
  const styles = useStyles();
  const rows = useRowStyles();
  if (!run) return <p className={rows.note}>{schools === 0 ? "No schools to allocate to yet: fix the errors in the table." : "Correct the fields marked above to see the result."}</p>;
  if (!run.ok && "blockedBy" in run) {
    const first = run.blockedBy[0];
    const n = run.blockedBy.length;
    return (
      <p role="alert" className={styles.error} aria-label="Formula result">
        No result while the schools table has {n === 1 ? "a problem" : `${n} problems`}: a school left out would change every school&apos;s amount. First: {first.message}. Fix{" "}
        {n === 1 ? "it" : "them"} (the list in step 2 goes to each cell) and the result comes back; your formula is kept as it is.
      </p>
    );
  }
  if (!run.ok) {
    return (
      <p role="alert" className={styles.error}>
        The formula cannot run: {describeError(run.error, "Change the formula or the data it names.")}
      </p>
    );
  }
  const r = run.result;
  const floored = r.floored.filter(Boolean).length;
  const capped = r.capped.filter(Boolean).length;
  const weighted = r.weightedPupils.reduce((a, b) => a + b, 0);
  const items: [string, string][] = [
    ["Base per weighted pupil", formatCents(r.base)],
    ["Total allocated", formatDollars(r.total)],
    ["Schools", String(schools)],
    ["Weighted pupils", formatNumber(weighted)],
    ["Schools at their floor (stop-loss)", `${floored}${floored > 0 ? `; ${FLOOR_TOP_UP.toLowerCase()} ${formatDollars(r.floorCost)}, ${FLOOR_TOP_UP_MEANS}` : ""}`],
    ["Schools capped (gain cap)", `${capped}${capped > 0 ? `, holding back ${formatDollars(r.capSavings)}` : ""}`],
  ];
  return (
    <dl className={styles.figures} aria-label="Formula result">
      {items.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
