import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { generateSampleDistrict } from "../../src/engine/sample";
import { presets } from "../../src/engine/scenario/presets";
import { priorYearPool } from "../../src/engine/scenario/priorYearPool";
import { runFormula } from "../../src/engine/scenario/runFormula";
import { readSchools } from "../../src/engine/table/readSchools";
import { suggestMapping } from "../../src/engine/table/suggestMapping";
import golden from "../functions/functions.golden.json";
import { writeXlsx, wsf } from "./support";

/**
 * The .xlsx that `wsf allocate` writes, opened as Excel opens it: the zip and its XML parts read by libraries
 * other than the writer (JSZip for the zip, the strict SAX parser saxes for the XML), then checked against
 * what SpreadsheetML (ECMA-376 Part 1: sections 18.3.1.4 c, 18.3.1.40 f, 18.3.1.96 v, 18.17.2 calcPr,
 * 18.18.11 ST_CellType) and Excel need to show the cached values: every formula cell has its formula and its
 * saved value; every string is inline (no shared-string table whose indexes could be wrong); no calculation
 * chain (Excel rebuilds one; a stale one makes it repair the file); no full calculation on load (it would
 * replace every saved value by #NAME? where the add-in is not loaded, excel-behaviour.md item 8); custom
 * functions under their stored name `_xldudf_WSF_NAME`, each one a function of the add-in's catalogue.
 */
const district = generateSampleDistrict();
const mapping = suggestMapping(district.headers, district.rows);
const { schools } = readSchools(district.headers, district.rows, mapping);
const pool = priorYearPool(schools)!;
const lausd = presets(district.headers, mapping, { pool }).find((p) => p.id === "lausd")!.spec;
const pane = runFormula(lausd, schools);
const cents = (x: number): number => Math.round(x * 100);

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses a part with a strict, namespace-aware XML parser: any well-formedness error fails the test. */
function parseXml(text: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (error) => {
    throw new Error(`${part}: ${error.message}`);
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = typeof attribute === "string" ? attribute : attribute.value;
    const element: XmlElement = { name: tag.local ?? tag.name, attributes, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(text).close();
  if (!root) throw new Error(`${part}: no root element`);
  return root;
}

const child = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);
const children = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name);

/** A1 reference -> 1-based row and 0-based column. */
function refOf(ref: string): { row: number; column: number } {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const CATALOGUE = new Set((golden as { functions: { id: string }[] }).functions.map((f) => f.id));

let dir: string;
let zip: JSZip;
const parts = new Map<string, XmlElement>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wsf-xml-"));
  const input = join(dir, "district.xlsx");
  await writeXlsx(input, district, "Schools");
  const out = join(dir, "allocation.xlsx");
  expect((await wsf("allocate", input, "--preset", "lausd", "--pool", "prior", "--out", out, "--quiet")).code).toBe(0);
  zip = await JSZip.loadAsync(await readFile(out));
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) parts.set(name, parseXml(await zip.file(name)!.async("string"), name));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the .xlsx of wsf allocate, read as XML", () => {
  it("is a package whose every part is well-formed XML with a content type, and whose relationships resolve", () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names.sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", ...[1, 2, 3, 4].map((i) => `xl/worksheets/sheet${i}.xml`)].sort(),
    );
    // No calculation chain and no shared-string table: nothing for Excel to find stale or out of range.
    expect(names).not.toContain("xl/calcChain.xml");
    expect(names).not.toContain("xl/sharedStrings.xml");
    const types = parts.get("[Content_Types].xml")!;
    const overrides = new Map(children(types, "Override").map((o) => [o.attributes.PartName, o.attributes.ContentType]));
    const defaults = new Map(children(types, "Default").map((d) => [d.attributes.Extension, d.attributes.ContentType]));
    for (const name of names) expect(overrides.get(`/${name}`) ?? defaults.get(name.slice(name.lastIndexOf(".") + 1))).toBeDefined();
    for (const partName of overrides.keys()) expect(names).toContain(partName.slice(1));
    expect(overrides.get("/xl/workbook.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    // Every relationship's target is a part of the package; every sheet's r:id is a relationship of the workbook.
    const targets = children(parts.get("xl/_rels/workbook.xml.rels")!, "Relationship");
    for (const r of targets) expect(names).toContain(`xl/${r.attributes.Target}`);
    for (const r of children(parts.get("_rels/.rels")!, "Relationship")) expect(names).toContain(r.attributes.Target);
    const sheets = children(child(parts.get("xl/workbook.xml")!, "sheets")!, "sheet");
    expect(sheets.map((s) => s.attributes.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity"]);
    const ids = new Set(targets.map((r) => r.attributes.Id));
    for (const s of sheets) expect(ids.has(s.attributes["r:id"])).toBe(true);
  });

  it("shows the saved values on opening: current calculation engine id, no full calculation on load", () => {
    const calcPr = child(parts.get("xl/workbook.xml")!, "calcPr")!;
    expect(calcPr.attributes).toEqual({ calcId: "191029" });
    expect(calcPr.attributes.fullCalcOnLoad).toBeUndefined();
  });

  it("gives every formula cell its formula and its saved value, of a valid cell type, with valid styles and ordered references", () => {
    const cellXfs = child(parts.get("xl/styles.xml")!, "cellXfs")!;
    const styleCount = Number(cellXfs.attributes.count);
    expect(children(cellXfs, "xf")).toHaveLength(styleCount);
    let formulas = 0;
    // Problems are collected (one expect per cell would take seconds on 20,000 cells) and must be none.
    const problems: string[] = [];
    const check = (ok: boolean, where: string, what: string) => {
      if (!ok) problems.push(`${where}: ${what}`);
    };
    for (let i = 1; i <= 4; i++) {
      const part = `xl/worksheets/sheet${i}.xml`;
      const sheetData = child(parts.get(part)!, "sheetData")!;
      let lastRow = 0;
      for (const row of children(sheetData, "row")) {
        const r = Number(row.attributes.r);
        check(r > lastRow, `${part} row ${r}`, "rows out of order");
        lastRow = r;
        let lastColumn = -1;
        for (const c of children(row, "c")) {
          const where = `${part} ${c.attributes.r}`;
          const ref = refOf(c.attributes.r);
          check(ref.row === r && ref.column > lastColumn, where, "cell outside its row or out of order");
          lastColumn = ref.column;
          if (c.attributes.s !== undefined) check(Number(c.attributes.s) < styleCount, where, `style ${c.attributes.s} of ${styleCount}`);
          const t = c.attributes.t ?? "n";
          check(["b", "e", "inlineStr", "n", "str"].includes(t), where, `cell type ${t}`);
          const f = child(c, "f");
          const v = child(c, "v");
          if (t === "inlineStr") {
            check(!f && !v && child(child(c, "is") ?? c, "t") !== undefined, where, "inline string without <is><t> or with a formula");
            continue;
          }
          if (!v) {
            check(false, where, "no saved value <v>");
            continue;
          }
          if (t === "n") check(v.text.trim() !== "" && Number.isFinite(Number(v.text)), where, `number ${v.text}`);
          if (t === "b") check(v.text === "0" || v.text === "1", where, `boolean ${v.text}`);
          if (t === "e") check(EXCEL_ERRORS.includes(v.text), where, `error ${v.text}`);
          if (!f) continue;
          formulas++;
          // Stored form: no leading "=", custom functions as _xldudf_WSF_NAME of the catalogue, no WSF. left.
          check(!f.text.startsWith("=") && !/\bWSF\./.test(f.text), where, `formula ${f.text}`);
          for (const m of f.text.matchAll(/_xldudf_WSF_([A-Z0-9]+)\(/g)) check(CATALOGUE.has(m[1]), where, `${m[1]} is not an add-in function`);
          // Single-value formulas only: no array or shared formula whose other cells Excel would have to fill.
          check(f.attributes.t === undefined, where, `formula type ${f.attributes.t}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // 850 schools x 11 formula columns of the allocation sheet, at least (plus totals, equity and status cells).
    expect(formulas).toBeGreaterThan(850 * 11);
  });

  it("saves the engine's amounts in the allocation sheet's formula cells, to the cent", () => {
    const sheetData = child(parts.get("xl/worksheets/sheet3.xml")!, "sheetData")!;
    const cells = new Map<string, XmlElement>();
    for (const row of children(sheetData, "row")) for (const c of children(row, "c")) cells.set(c.attributes.r, c);
    for (let i = 0; i < schools.length; i++) {
      const r = i + 2;
      const protectedCell = cells.get(`H${r}`)!;
      expect(child(protectedCell, "f")!.text).toBe(`_xldudf_WSF_PROTECT('WSF Allocation'!$F${r},'Schools'!$O${r})`);
      expect(cents(Number(child(protectedCell, "v")!.text))).toBe(cents(pane.protectedAmount[i]));
      expect(cents(Number(child(cells.get(`F${r}`)!, "v")!.text))).toBe(cents(pane.formulaAmount[i]));
    }
    // The empty text of the check column is a saved string value, not a missing one.
    const check = cells.get("L2")!;
    expect(check.attributes.t).toBe("str");
    expect(child(check, "v")!.text).toBe("");
  });
});
