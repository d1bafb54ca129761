import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout classes for the steps: a wrapping row of controls, a two-column grid of fields, notes. */
export const useRowStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end" },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // A scroll box may hold a row per school (10,000 in a state's file). Containing its layout and paint lets the
  // browser move it as one piece when something above it changes (every weight edit changes the pane's text):
  // without it, each frame re-walked all 70,000 cells of Title I's ranked table (26 ms of a 175 ms edit).
  scroll: { maxHeight: "240px", overflowY: "auto", contain: "content" },
  // A scroll box that holds a row per school and so fills its 240 px: out of view it is not laid out at all
  // (content-visibility), which saves the ranked table's 3 ms of layout in every frame; it keeps its last
  // height meanwhile, or 240 px before it was first shown (what it fills, so nothing moves when it is shown).
  schoolRows: { maxHeight: "240px", overflowY: "auto", contain: "content", contentVisibility: "auto", containIntrinsicSize: "auto 240px" },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});
