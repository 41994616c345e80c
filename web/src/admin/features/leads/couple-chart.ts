import { ELEVATED_SUM, SCALE_MAX, SCALE_MIN } from '../../vocabulary';
import { t } from '../../i18n/t';

/**
 * The geometry of the couple's chart: anxiety across, avoidance up, both on the survey's
 * 1..7 scale (docs/survey.md#scoring), with the "elevated" thresholds as lines. No React here.
 */
export const CHART_MIN = SCALE_MIN;
export const CHART_MAX = SCALE_MAX;
/** A dimension is elevated from a sum of 25 over six items: a mean of 25/6 ≈ 4.17. */
export const ELEVATED_MEAN = ELEVATED_SUM / 6;

export interface ChartBox {
  size: number;
  /** Room for the axes' labels, left and bottom. */
  margin: number;
}

/** x (anxiety) of a mean score, in SVG units. */
export function xOf(value: number, box: ChartBox): number {
  const share = (clamp(value) - CHART_MIN) / (CHART_MAX - CHART_MIN);
  return box.margin + share * (box.size - 2 * box.margin);
}

/** y (avoidance) of a mean score: SVG's y grows downwards, the chart's upwards. */
export function yOf(value: number, box: ChartBox): number {
  const share = (clamp(value) - CHART_MIN) / (CHART_MAX - CHART_MIN);
  return box.size - box.margin - share * (box.size - 2 * box.margin);
}

function clamp(value: number): number {
  return Math.min(CHART_MAX, Math.max(CHART_MIN, value));
}

export interface PlottedPartner {
  partner: 'A' | 'B';
  x: number;
  y: number;
  /** Where the letter goes: beside the dot, on the other side when two dots nearly meet. */
  labelDx: number;
}

/** The dots of the partners; when they (nearly) coincide the labels go left and right. */
export function plotPartners(
  partners: { partner: 'A' | 'B'; anxiety: number; avoidance: number }[],
  box: ChartBox,
): PlottedPartner[] {
  const plotted = partners.map((partner) => ({
    partner: partner.partner,
    x: xOf(partner.anxiety, box),
    y: yOf(partner.avoidance, box),
    labelDx: 10,
  }));
  const [first, second] = plotted;
  if (first && second && Math.hypot(first.x - second.x, first.y - second.y) < 24) {
    first.labelDx = -22;
    second.labelDx = 10;
  }
  return plotted;
}

export const STYLE_NAMES = {
  secure: t('leads.coupleChart.style.secure'),
  anxious: t('leads.coupleChart.style.anxious'),
  avoidant: t('leads.coupleChart.style.avoidant'),
  fearful: t('leads.coupleChart.style.fearful'),
};
