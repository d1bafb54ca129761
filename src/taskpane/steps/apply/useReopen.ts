import { useEffect, useRef, useState } from "react";
import { parseScenarioStore } from "../../../engine/scenario/parseScenarioStore";
import type { AppliedFormula } from "../../../engine/scenario/StoredScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { TableData, TableInfo } from "../../../workbook/WorkbookPort";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import type { FormulaOrigin } from "../formula/useFormula";

export interface ReopenTargets {
  tables: TableInfo[];
  selectedId: string | null;
  table: TableData | null;
  choose(id: string): Promise<void>;
  replaceMapping(mapping: ColumnMapping): void;
  loadSpec(spec: FormulaSpec, mapping: ColumnMapping, origin?: FormulaOrigin): void;
  adopt(record: AppliedFormula, info: { label: string; headers: string[]; rowCount: number }): void;
}

/**
 * Opens the pane on the formula last applied to this workbook (design.md: "a workbook reopened next week
 * opens the pane on the applied formula and its scenarios, not on an empty step 1"). Reads the record kept in
 * the scenario store when the pane opens; once the tables are listed it chooses the table the formula was
 * applied to, puts back its column mapping and formula, and takes it as the formula on the sheets, whose
 * parameters sheet is then read back (useApply): what a person changed there while the pane was closed wins.
 * A record whose table is gone leaves the pane on step 1 with a message.
 */
export function useReopen(targets: ReopenTargets): void {
  const port = useWorkbook();
  const messages = useMessages();
  const [record, setRecord] = useState<AppliedFormula | null>(null);
  const targetsRef = useRef(targets);
  targetsRef.current = targets;

  useEffect(() => {
    let live = true;
    port.readScenarioStore().then(
      (json) => live && setRecord(parseScenarioStore(json).applied),
      () => undefined, // useScenarios reports an unreadable store
    );
    return () => {
      live = false;
    };
  }, [port]);

  const { tables, selectedId, table } = targets;
  // Choose the table once the list is in (and the person has not chosen one meanwhile).
  useEffect(() => {
    if (!record || selectedId !== null || tables.length === 0) return;
    if (tables.some((t) => t.id === record.scenario.tableId)) void targetsRef.current.choose(record.scenario.tableId);
    else {
      messages.show({
        intent: "warning",
        title: "The applied formula's table is not in this workbook",
        text: `"${record.scenario.spec.name ?? "The formula"}" was applied to the table "${record.scenario.tableId}", which this workbook no longer has. Choose the schools table, then apply again.`,
      });
      setRecord(null);
    }
  }, [record, tables, selectedId, messages]);

  // Once it is read, put back the mapping and the formula, and take it as what the sheets hold.
  useEffect(() => {
    if (!record || !table || table.info.id !== record.scenario.tableId) return;
    const t = targetsRef.current;
    t.replaceMapping(record.scenario.mapping);
    t.loadSpec(record.scenario.spec, record.scenario.mapping, record.origin ?? undefined);
    t.adopt(record, table.info);
    setRecord(null);
  }, [record, table]);
}
