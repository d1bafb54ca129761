import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo } from "react";
import type { StoredScenario } from "../engine/scenario/StoredScenario";
import { messageContext } from "./messages/messageContext";
import { TaskPaneMessageBar } from "./messages/TaskPaneMessageBar";
import { staysUntilDealtWith, useMessageState } from "./messages/useMessageState";
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
import { StatementsStep } from "./steps/statements/StatementsStep";
import { useStatements } from "./steps/statements/useStatements";
import { TransitionStep } from "./steps/transition/TransitionStep";
import { useTransition } from "./steps/transition/useTransition";
import { useReopen } from "./steps/apply/useReopen";
import type { FormulaOrigin } from "./steps/formula/useFormula";
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
  const problems = useMemo(() => mappingState.read?.problems ?? [], [mappingState.read]);
  const formula = useFormula(table, mappingState.mapping, schools, problems);
  const result = formula.run?.ok ? formula.run.result : null;
  const transition = useTransition({ table, mapping: mappingState.mapping, schools, spec: formula.spec, result });
  const statements = useStatements({ table, mapping: mappingState.mapping, schools, spec: formula.spec, result });
  const titleI = useTitleI(table, mappingState.mapping);
  const { replace } = mappingState;
  const { loadSpec } = formula;
  const loadTransition = transition.load;
  const loadTitleI = titleI.load;
  // After Apply the parameters sheet is the formula: when it changes, the pane loads what it says.
  const onSheetFormula = useCallback(
    (spec: StoredScenario["spec"], mapping: StoredScenario["mapping"], origin: FormulaOrigin | null) => loadSpec(spec, mapping, origin ?? undefined),
    [loadSpec],
  );
  const apply = useApply({ table, mapping: mappingState.mapping, schools, problems, spec: formula.spec, result, origin: formula.origin, onSheetFormula });
  useReopen({
    tables: tableState.tables,
    selectedId: tableState.selectedId,
    table,
    choose: tableState.choose,
    replaceMapping: replace,
    loadSpec,
    adopt: apply.adopt,
  });

  const restore = useCallback(
    (scenario: StoredScenario) => {
      replace(scenario.mapping);
      loadSpec(scenario.spec, scenario.mapping);
      loadTransition(scenario.transition);
      // A scenario saved without Title I choices leaves the Title I step as it is.
      loadTitleI(scenario.titleI);
    },
    [replace, loadSpec, loadTransition, loadTitleI],
  );

  const current = useMemo(
    () => ({ spec: formula.spec, result, mapping: mappingState.mapping, tableId: table?.info.id ?? null, transition: transition.settings, titleI: titleI.settings }),
    [formula.spec, result, mappingState.mapping, table, transition.settings, titleI.settings],
  );
  // Read when the pane opens, so a damaged store is reported before a table is chosen.
  const scenarios = useScenarios(current, restore);

  const headers = table?.info.headers ?? [];
  const dollarColumns = mappingState.mapping.counts.map((c) => String(headers[c]));

  return (
    <main className={styles.pane} aria-label="Weighted student funding">
      {/* Errors and warnings stay in view (sticky) until dealt with; a success or info notice sits in the flow
          at the top, never over an input, and goes by itself (useMessageState). */}
      <div className={styles.top}>
        <h1 className={styles.title}>Weighted student funding</h1>
        {message && staysUntilDealtWith(message) && <TaskPaneMessageBar message={message} onDismiss={onDismiss} />}
      </div>
      {message && !staysUntilDealtWith(message) && <TaskPaneMessageBar message={message} onDismiss={onDismiss} />}
      <TableStep state={tableState} />
      {table && (
        <>
          <MappingStep table={table} state={mappingState} />
          <FormulaStep state={formula} hasPrior={mappingState.mapping.prior !== undefined} dollarColumns={dollarColumns} schoolCount={schools.length} />
          <ApplyStep state={apply} schools={schools} result={result} paneName={formula.spec?.name ?? null} />
          <EquityStep table={table} mapping={mappingState.mapping} schools={schools} result={result} problems={problems} />
          <ScenariosStep store={scenarios} current={current} schools={schools} />
          <TransitionStep state={transition} />
          <StatementsStep state={statements} schools={schools} />
          <ExportStep sheets={OUTPUT_SHEETS} ready={apply.applied} />
          <TitleIStep state={titleI} />
        </>
      )}
    </main>
  );
}
