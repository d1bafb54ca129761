import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo } from "react";
import type { StoredScenario } from "../engine/scenario/StoredScenario";
import { messageContext } from "./messages/messageContext";
import { TaskPaneMessageBar } from "./messages/TaskPaneMessageBar";
import { useMessageState } from "./messages/useMessageState";
import { ApplyStep } from "./steps/apply/ApplyStep";
import { EquityStep } from "./steps/equity/EquityStep";
import { ExportStep } from "./steps/export/ExportStep";
import { FormulaStep } from "./steps/formula/FormulaStep";
import { useFormula } from "./steps/formula/useFormula";
import { MappingStep } from "./steps/mapping/MappingStep";
import { useColumnMapping } from "./steps/mapping/useColumnMapping";
import { ScenariosStep } from "./steps/scenarios/ScenariosStep";
import { useScenarios } from "./steps/scenarios/useScenarios";
import { TableStep } from "./steps/table/TableStep";
import { useSchoolsTable } from "./steps/table/useSchoolsTable";
import { OUTPUT_SHEETS } from "./steps/apply/outputSheets";
import { useApply } from "./steps/apply/useApply";
import { TitleIStep } from "./steps/titleI/TitleIStep";
import { useTitleI } from "./steps/titleI/useTitleI";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    minWidth: "280px",
    maxWidth: "560px",
    paddingInline: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalXXL,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  top: { position: "sticky", top: 0, zIndex: 1, paddingTop: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
});

/** The message bar's provider plus the pane, so every step can report into the one bar at the top. */
export function TaskPane() {
  const { message, api } = useMessageState();
  return (
    <messageContext.Provider value={api}>
      <TaskPaneBody message={message} onDismiss={api.clear} />
    </messageContext.Provider>
  );
}

/**
 * The task pane, top to bottom in the order a person works: table, mapping, formula, apply, equity,
 * scenarios, export. Later steps appear once a table is chosen. State lives in one hook per step; this
 * component only wires them together.
 */
function TaskPaneBody({ message, onDismiss }: { message: ReturnType<typeof useMessageState>["message"]; onDismiss: () => void }) {
  const styles = useStyles();
  const tableState = useSchoolsTable();
  const table = tableState.table;
  const mappingState = useColumnMapping(table);
  const schools = useMemo(() => mappingState.read?.schools ?? [], [mappingState.read]);
  const formula = useFormula(table, mappingState.mapping, schools);
  const result = formula.run?.ok ? formula.run.result : null;
  const apply = useApply({ table, mapping: mappingState.mapping, schools, spec: formula.spec, result });
  const titleI = useTitleI(table, mappingState.mapping);

  const { replace } = mappingState;
  const { loadSpec } = formula;
  const restore = useCallback(
    (scenario: StoredScenario) => {
      replace(scenario.mapping);
      loadSpec(scenario.spec, scenario.mapping);
    },
    [replace, loadSpec],
  );

  const current = useMemo(
    () => ({ spec: formula.spec, result, mapping: mappingState.mapping, tableId: table?.info.id ?? null }),
    [formula.spec, result, mappingState.mapping, table],
  );
  // Read when the pane opens, so a damaged store is reported before a table is chosen.
  const scenarios = useScenarios(current, restore);

  const headers = table?.info.headers ?? [];
  const dollarColumns = mappingState.mapping.counts.map((c) => String(headers[c]));

  return (
    <main className={styles.pane} aria-label="Weighted student funding">
      <div className={styles.top}>
        <h1 className={styles.title}>Weighted student funding</h1>
        <TaskPaneMessageBar message={message} onDismiss={onDismiss} />
      </div>
      <TableStep state={tableState} />
      {table && (
        <>
          <MappingStep table={table} state={mappingState} />
          <FormulaStep state={formula} hasPrior={mappingState.mapping.prior !== undefined} dollarColumns={dollarColumns} schoolCount={schools.length} />
          <ApplyStep state={apply} schools={schools} result={result} />
          <EquityStep table={table} mapping={mappingState.mapping} schools={schools} result={result} />
          <ScenariosStep store={scenarios} current={current} schools={schools} />
          <ExportStep sheets={OUTPUT_SHEETS} ready={apply.applied} />
          <TitleIStep state={titleI} />
        </>
      )}
    </main>
  );
}
