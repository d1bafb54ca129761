import { makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { ProtectionCost, RuleCost } from "../../../engine/scenario/protectionCost";
import { formatCents, formatDollars, formatPercent } from "../../common/formatNumbers";
import { useRowStyles } from "../../common/useRowStyles";
import type { Comparison } from "./useScenarioComparison";

const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  gain: { color: tokens.colorPaletteGreenForeground1 },
  loss: { color: tokens.colorPaletteRedForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

function ruleLine(rule: RuleCost): string {
  const name = rule.rule === "maxLoss" ? "Stop-loss" : "Gain cap";
  if (rule.limit === null) return `${name}: none.`;
  const who = rule.rule === "maxLoss" ? `protects ${rule.helped} ${rule.helped === 1 ? "school" : "schools"}` : `holds back ${rule.hurt} ${rule.hurt === 1 ? "school" : "schools"}`;
  return `${name} ${formatPercent(rule.limit)}: ${who}, moving ${formatDollars(rule.cost)}; base ${formatCents(rule.baseWith)} with it, ${formatCents(rule.baseWithout)} without.`;
}

function ProtectionLines({ label, cost }: { label: string; cost: ProtectionCost }) {
  const rows = useRowStyles();
  return (
    <li>
      {label}: {ruleLine(cost.maxLoss)} {ruleLine(cost.maxGain)}
      {cost.maxLoss.limit === null && cost.maxGain.limit === null && <span className={rows.note}> No protection rules.</span>}
    </li>
  );
}

/** Winners and losers, the top movers school by school, and what each protection rule costs. */
export function ComparisonView({ value, labelA, labelB }: { value: Comparison; labelA: string; labelB: string }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const c = value.comparison;
  return (
    <div aria-label="Comparison">
      <ul className={rows.list}>
        <li>
          Total: {formatDollars(c.totalA)} under {labelA}, {formatDollars(c.totalB)} under {labelB}. Base {formatCents(c.baseA)} against {formatCents(c.baseB)}.
        </li>
        <li>
          {c.winners.count} {c.winners.count === 1 ? "school gains" : "schools gain"} {formatDollars(c.winners.total)} in all under {labelB}.
        </li>
        <li>
          {c.losers.count} {c.losers.count === 1 ? "school loses" : "schools lose"} {formatDollars(c.losers.total)} in all under {labelB}.
        </li>
        <li>{c.unchanged} unchanged.</li>
      </ul>
      <h3 className={styles.heading}>Top movers</h3>
      <Table size="extra-small" className={styles.table} aria-label="Top movers">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>School</TableHeaderCell>
            <TableHeaderCell>{labelA}</TableHeaderCell>
            <TableHeaderCell>{labelB}</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {value.movers.map((m) => (
            <TableRow key={m.row}>
              <TableCell>{m.name}</TableCell>
              <TableCell className={rows.numeric}>{formatDollars(m.a)}</TableCell>
              <TableCell className={rows.numeric}>{formatDollars(m.b)}</TableCell>
              <TableCell className={mergeClasses(rows.numeric, m.difference >= 0 ? styles.gain : styles.loss)}>
                {m.difference >= 0 ? "+" : "-"}
                {formatDollars(Math.abs(m.difference))}
                {m.percent !== null ? ` (${formatPercent(m.percent)})` : ""}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <h3 className={styles.heading}>What protection costs</h3>
      <ul className={rows.list}>
        <ProtectionLines label={labelA} cost={value.protectionA} />
        <ProtectionLines label={labelB} cost={value.protectionB} />
      </ul>
    </div>
  );
}
