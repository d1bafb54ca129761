import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout classes for the steps: a wrapping row of controls, a two-column grid of fields, notes. */
export const useRowStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end" },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  scroll: { maxHeight: "240px", overflowY: "auto" },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});
