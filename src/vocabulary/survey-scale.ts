/**
 * The couple's survey scale, shared by scoring and by the staff app's chart: every
 * attachment item is answered from 1 to 7 (docs/survey.md).
 */
export const SCALE_MIN = 1;
export const SCALE_MAX = 7;
/** A dimension is elevated from this sum on (mean above the midpoint 4). */
export const ELEVATED_SUM = 25;
