/**
 * The 16 school attendance areas of the U.S. Department of Education's Title I policy guidance (April
 * 1996), examples 2 and 4 (www2.ed.gov/legislation/ESEA/Title_I/example2.html, example4.html), as quoted
 * in shared/domain.md section 6: name, enrollment, low-income children (public and private), the printed
 * poverty rate, and whether the example serves the area.
 */
export interface Area {
  name: string;
  enrollment: number;
  lowIncome: number;
  printedRate: number;
  served: boolean;
}

export const ED1996: Area[] = [
  { name: "Violet Hill", enrollment: 870, lowIncome: 870, printedRate: 100.0, served: true },
  { name: "Oakdale MS", enrollment: 276, lowIncome: 210, printedRate: 76.09, served: true },
  { name: "Elemwood", enrollment: 951, lowIncome: 615, printedRate: 64.67, served: true },
  { name: "Valley View", enrollment: 696, lowIncome: 444, printedRate: 63.79, served: true },
  { name: "Hobson", enrollment: 601, lowIncome: 377, printedRate: 62.73, served: true },
  { name: "Berlieth HS", enrollment: 933, lowIncome: 555, printedRate: 59.49, served: true },
  { name: "Davis", enrollment: 1134, lowIncome: 654, printedRate: 57.67, served: true },
  { name: "Indian Rock MS", enrollment: 1695, lowIncome: 815, printedRate: 48.08, served: true },
  { name: "Roosevelt HS", enrollment: 203, lowIncome: 95, printedRate: 46.8, served: true },
  { name: "Takoma HS", enrollment: 1080, lowIncome: 493, printedRate: 45.65, served: true },
  { name: "Camp Springs", enrollment: 1026, lowIncome: 463, printedRate: 45.13, served: true },
  { name: "White Hill", enrollment: 857, lowIncome: 296, printedRate: 34.54, served: false },
  { name: "Bannaker", enrollment: 874, lowIncome: 301, printedRate: 34.44, served: false },
  { name: "Eastern MS", enrollment: 490, lowIncome: 142, printedRate: 28.98, served: false },
  { name: "Taft HS", enrollment: 2073, lowIncome: 509, printedRate: 24.55, served: false },
  { name: "Wilson HS", enrollment: 300, lowIncome: 28, printedRate: 9.33, served: false },
];

/** Example 2: the district's choice of $700 per low-income child; pool after reservations $3,913,700. */
export const EXAMPLE2_PER_CHILD = 700;
export const EXAMPLE2_POOL = 3_913_700;

/**
 * Example 4's published allocations (poverty bands: $950 per child above 65%, $900 from 50% to 65%, $850
 * below 50%). Violet Hill is printed as $826,507, a misprint of the source: 870 x $950 = $826,500 (every
 * other line is children x the band's rate exactly), so the arithmetic is what is asserted.
 */
export const EXAMPLE4_PUBLISHED: Record<string, number> = {
  "Violet Hill": 826_500, // printed $826,507 (misprint; see above)
  "Oakdale MS": 199_500,
  Elemwood: 553_500,
  "Valley View": 399_600,
  Hobson: 339_300,
  "Berlieth HS": 499_500,
  Davis: 588_600,
  "Indian Rock MS": 692_750,
  "Roosevelt HS": 80_750,
  "Takoma HS": 419_050,
  "Camp Springs": 393_550,
};
