import { Badge, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DataProblem } from "../../../engine/table/School";
import { useRowStyles } from "../../common/useRowStyles";

/** How many problems the list shows before summarising the rest (a broken 10,000-row file stays usable). */
const SHOWN = 100;

const useStyles = makeStyles({
  item: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "baseline" },
  link: { textAlign: "start" },
});

/** Every data problem with its row; each is a button that selects the offending cell. */
export function ProblemList({ problems, onSelect }: { problems: DataProblem[]; onSelect: (problem: DataProblem) => void }) {
  const rows = useRowStyles();
  const styles = useStyles();
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return <p className={rows.note}>No problems found in the table.</p>;
  return (
    <div>
      <p className={rows.note}>
        {errors > 0 ? `${errors} ${errors === 1 ? "error" : "errors"} (those schools are left out until fixed)` : "No errors"}
        {warnings > 0 ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}. Select a problem to go to its cell.
      </p>
      <ul className={mergeClasses(rows.list, rows.scroll)} aria-label="Data problems">
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={`${p.row}-${p.column}-${i}`} className={styles.item}>
            <Badge appearance="tint" color={p.severity === "error" ? "danger" : "warning"} size="small">
              {p.severity === "error" ? "Error" : "Warning"}
            </Badge>
            <Link as="button" className={styles.link} onClick={() => onSelect(p)}>
              {p.message}
            </Link>
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p className={rows.note}>and {problems.length - SHOWN} more; fix these first.</p>}
    </div>
  );
}
