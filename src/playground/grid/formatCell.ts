import type { CellValue } from "../../workbook/WorkbookPort";

/**
 * Shows a cell value the way Excel would with the number formats the add-in writes: "$#,##0", "$#,##0.00",
 * "#,##0", "0.0%", "0.000" and the like (currency sign, thousands separator, decimals, percent). Numbers
 * without a format follow Excel's General format closely enough: at most 10 characters, as in a default-width column.
 */
export function formatCell(value: CellValue, format?: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!format || format === "General") return formatGeneral(value);
  // Sections "positive;negative;zero", as Excel: the negative section shows the magnitude with its own signs.
  const sections = format.split(";");
  if (sections.length > 1) {
    const section = value > 0 || sections.length === 2 ? (value < 0 ? sections[1] : sections[0]) : value < 0 ? sections[1] : sections[2];
    const literal = /^[+-]*/.exec(section)![0];
    const body = formatCell(value < 0 ? -value : value, section.slice(literal.length));
    return `${literal}${body}`;
  }
  const percent = format.includes("%");
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const currency = format.includes("$");
  const grouping = format.includes(",");
  const text = numberFormat(decimals, grouping).format(Math.abs(percent ? value * 100 : value));
  const sign = value < 0 && Number(text.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${currency ? "$" : ""}${text}${percent ? "%" : ""}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per decimals and grouping: building one costs more than formatting many numbers with it. */
function numberFormat(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals},${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    numberFormats.set(key, format);
  }
  return format;
}

/** Excel's General format in a default-width column: at most 10 characters, fewer digits before exponents. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e11 || magnitude < 1e-9)) return value.toExponential(4).replace(/\.?0+e/, "E").replace("e", "E");
  for (let digits = 10; digits > 1; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 10) return text;
  }
  return String(Number(value.toPrecision(1)));
}
