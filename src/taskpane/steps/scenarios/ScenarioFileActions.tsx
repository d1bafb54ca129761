import { Button, Field, Select } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { columnsToMapping, mappingToColumns, parseScenarioFile, serializeScenarioFile } from "../../../engine/scenario/scenarioFile";
import type { StoredScenario } from "../../../engine/scenario/StoredScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import { useMessages } from "../../messages/useMessages";
import { useRowStyles } from "../../common/useRowStyles";
import { useWorkbook } from "../../workbook/useWorkbook";
import type { CurrentFormula, useScenarios } from "./useScenarios";

const CURRENT = "\u0000current";

/** A file name from a scenario name: letters, digits, dash and underscore. */
function fileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "scenario"}.json`;
}

/** A chosen file's text (FileReader: every host's webview has it). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}

/** Every column the formula weights is read as a count, as the pane's own mapping would need it. */
function withSpecColumns(mapping: ColumnMapping, spec: FormulaSpec, headers: readonly string[]): ColumnMapping {
  const mapped = new Set<number>([...mapping.grades, ...mapping.counts, ...Object.values(mapping).filter((v): v is number => typeof v === "number")]);
  const counts = [...mapping.counts];
  const named = [...spec.gradeWeights.map((g) => g.header), ...spec.categoryWeights.map((c) => c.header), ...spec.concentration.map((c) => c.header), ...(spec.fixed.mode === "column" ? [spec.fixed.header] : [])];
  for (const header of named) {
    const column = headers.indexOf(header);
    if (column >= 0 && !mapped.has(column)) {
      counts.push(column);
      mapped.add(column);
    }
  }
  return { ...mapping, counts };
}

/**
 * Scenario files: export the current formula or a saved scenario as a `.json` scenario file (the format the
 * `wsf` command line reads, columns named by header, with the Title I step's choices when they are complete
 * or were saved with the scenario), and import one into the saved scenarios, checked against this
 * workbook's schools table with messages that name the field.
 */
export function ScenarioFileActions({ store, current }: { store: ReturnType<typeof useScenarios>; current: CurrentFormula }) {
  const port = useWorkbook();
  const messages = useMessages();
  const rows = useRowStyles();
  const input = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState(CURRENT);

  const headersOf = async (): Promise<string[]> => (current.tableId === null ? [] : (await port.readTable(current.tableId)).info.headers.map(String));

  const exportFile = async () => {
    try {
      const saved = store.scenarios.find((s) => s.name === choice);
      const spec = saved ? saved.spec : current.spec;
      if (!spec) {
        messages.show({ intent: "error", title: "Nothing to export yet", text: "Define a formula that runs, or choose a saved scenario." });
        return;
      }
      const name = saved ? saved.name : (spec.name ?? "Current formula");
      const headers = await headersOf();
      const titleI = saved ? saved.titleI : (current.titleI ?? undefined);
      const text = serializeScenarioFile({ name, spec, columns: mappingToColumns(headers, saved ? saved.mapping : current.mapping), titleI });
      const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName(name);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      messages.show({ intent: "success", title: `Scenario file "${fileName(name)}" exported`, text: `Run it from the command line: wsf allocate <schools.xlsx> --scenario ${fileName(name)}${titleI ? ". It holds the Title I choices, so the .xlsx gets the WSF Title I sheet too." : ". It holds no Title I choices (choose them in step 8 first to include them)."}` });
    } catch (error) {
      messages.showError("Could not export the scenario", error);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    try {
      const headers = await headersOf();
      const parsed = parseScenarioFile(await readText(file), headers.length > 0 ? headers : undefined);
      if (!parsed.ok) {
        messages.show({ intent: "error", title: `"${file.name}" cannot be imported`, text: `${parsed.problems.join("; ")}.` });
        return;
      }
      const { scenario } = parsed;
      const fromFile = scenario.columns ? columnsToMapping(scenario.columns, headers).mapping : null;
      const base: ColumnMapping = fromFile ? { ...current.mapping, ...fromFile, grades: fromFile.grades.length ? fromFile.grades : current.mapping.grades, counts: [...new Set([...current.mapping.counts, ...fromFile.counts])] } : current.mapping;
      const stored: StoredScenario = {
        name: scenario.name,
        savedAt: scenario.savedAt || new Date().toISOString(),
        spec: { ...scenario.spec, name: scenario.name },
        mapping: withSpecColumns(base, scenario.spec, headers),
        tableId: current.tableId ?? "",
        summary: null,
        ...(scenario.titleI ? { titleI: scenario.titleI } : {}),
      };
      await store.add(stored);
    } catch (error) {
      messages.showError(`Could not import "${file.name}"`, error);
    }
  };

  return (
    <div className={rows.row}>
      <Field label="Scenario file" size="small">
        <Select size="small" value={choice} onChange={(_, data) => setChoice(data.value)}>
          <option value={CURRENT}>Current formula</option>
          {store.scenarios.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" onClick={() => void exportFile()}>
        Export .json
      </Button>
      <Button size="small" onClick={() => input.current?.click()} disabled={store.busy}>
        Import .json
      </Button>
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label="Scenario file to import" onChange={(e) => void importFile(e)} />
    </div>
  );
}
