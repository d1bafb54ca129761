import type { PrintSetup } from "../WorkbookPort";

/** A deep copy of a print setup, so an adapter keeps what was written and not the caller's object. */
export function copyPrintSetup(print: PrintSetup): PrintSetup {
  return { ...print, area: { ...print.area }, pageBreaks: [...print.pageBreaks], header: { ...print.header }, footer: { ...print.footer } };
}
