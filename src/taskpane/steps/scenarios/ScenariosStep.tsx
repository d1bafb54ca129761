import { Button, Field, Input, makeStyles, Select, Switch, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ScenarioSummary } from "../../../engine/scenario/StoredScenario";
import type { School } from "../../../engine/table/School";
import { FLOOR_TOP_UP } from "../../common/protectionWords";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { ComparisonView } from "./ComparisonView";
import { ScenarioFileActions } from "./ScenarioFileActions";
import { CURRENT, useScenarioComparison } from "./useScenarioComparison";
import type { CurrentFormula, useScenarios } from "./useScenarios";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold },
});

/** The protection figures saved with a scenario, in the words of the formula summary and the comparison. */
function savedProtection(summary: ScenarioSummary): string {
  const floors = summary.floored === 0 ? "no school at a floor" : `${summary.floored} at their floor (${FLOOR_TOP_UP.toLowerCase()} ${formatDollars(summary.floorCost)})`;
  return `${floors}, ${summary.capped} capped`;
}

/** Step 6: save, list, restore, delete and compare named scenarios stored in the workbook. */
export function ScenariosStep({ store, current, schools }: { store: ReturnType<typeof useScenarios>; current: CurrentFormula; schools: School[] }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const compare = useScenarioComparison(store.scenarios, current.spec, schools);
  const [name, setName] = useState("");
  const canSave = name.trim() !== "" && !store.busy && current.result !== null;
  const label = (choice: string) => (choice === CURRENT ? "the current formula" : `"${choice}"`);

  return (
    <Section title="6. Scenarios" hint="Saved inside the workbook, so they travel with the file.">
      <div className={rows.row}>
        <Field label="Scenario name" size="small">
          <Input size="small" value={name} onChange={(_, data) => setName(data.value)} onKeyDown={(event) => event.key === "Enter" && canSave && void store.save(name)} />
        </Field>
        <Button size="small" onClick={() => void store.save(name)} disabled={!canSave}>
          Save scenario
        </Button>
      </div>

      {store.scenarios.length === 0 ? (
        <p className={rows.note}>No saved scenarios yet.</p>
      ) : (
        <ul className={rows.list} aria-label="Saved scenarios">
          {store.scenarios.map((s) => (
            <li key={s.name} className={styles.item}>
              <span className={styles.name}>{s.name}</span>
              <span className={rows.note}>
                Saved {new Date(s.savedAt).toLocaleString()}
                {s.summary ? `; then: base ${formatCents(s.summary.base)}, total ${formatDollars(s.summary.total)}, ${savedProtection(s.summary)}` : ""}
              </span>
              <span className={rows.row}>
                <Button size="small" onClick={() => store.restore(s.name)} aria-label={`Restore ${s.name}`}>
                  Restore
                </Button>
                <Button size="small" appearance="subtle" onClick={() => void store.remove(s.name)} disabled={store.busy} aria-label={`Delete ${s.name}`}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <div className={rows.row}>
        {(["A", "B"] as const).map((side) => (
          <Field key={side} label={`Compare ${side}`} size="small">
            <Select size="small" value={side === "A" ? compare.a : compare.b} onChange={(_, data) => (side === "A" ? compare.setA : compare.setB)(data.value)}>
              <option value="">Choose</option>
              <option value={CURRENT}>Current formula</option>
              {store.scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {store.scenarios.some((s) => s.transition) && (
        <Switch label="Compare the final year of each transition plan" checked={compare.finalYear} onChange={(_, data) => compare.setFinalYear(data.checked)} />
      )}
      {compare.error && (
        <p role="alert" className={rows.note}>
          These two cannot be compared: {compare.error}
        </p>
      )}
      {compare.value && <ComparisonView value={compare.value} labelA={label(compare.a)} labelB={label(compare.b)} />}
      <ScenarioFileActions store={store} current={current} />

    </Section>
  );
}
