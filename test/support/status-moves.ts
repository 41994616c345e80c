/**
 * The lead status moves of docs/api.md ("Lead statuses and allowed moves"), copied by hand
 * as a grid so that tests check the code against the published table, not against itself.
 * Rows are where a lead is, columns where staff ask it to go, in the same order as the rows:
 * `Y` the move is allowed, `.` it is refused (staying put is not a move).
 */
const GRID = `
                          new  rev  con  csc  wai  spm  cnv  ref  dec  cnr
  new                      .    Y    Y    .    .    Y    .    .    .    .
  in_review                .    .    Y    .    Y    Y    .    Y    Y    .
  contacted                .    .    .    Y    Y    .    .    Y    Y    Y
  consultation_scheduled   .    .    .    .    Y    .    Y    Y    Y    Y
  waitlisted               .    .    Y    .    .    .    .    Y    .    Y
  spam                     Y    .    .    .    .    .    .    .    .    .
  converted                .    Y    .    .    .    .    .    .    .    .
  referred_out             .    Y    .    .    .    .    .    .    .    .
  declined                 .    Y    .    .    .    .    .    .    .    .
  closed_no_response       .    Y    .    .    .    .    .    .    .    .
`;

export interface StatusMove {
  from: string;
  to: string;
  allowed: boolean;
}

const rows = GRID.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/));

/** The ten statuses, in the order of the grid. */
export const STATUSES_IN_GRID: readonly string[] = rows.map(([status]) => status!);

/** All 100 pairs of the grid, the 10 that stay put included (never allowed). */
export const STATUS_MOVES: readonly StatusMove[] = rows.flatMap(([from, ...cells]) => {
  if (cells.length !== rows.length) throw new Error(`the grid row for ${from} is not 10 wide`);
  return cells.map((cell, column) => {
    if (cell !== 'Y' && cell !== '.') throw new Error(`the grid row for ${from} holds "${cell}"`);
    return { from: from!, to: STATUSES_IN_GRID[column]!, allowed: cell === 'Y' };
  });
});
