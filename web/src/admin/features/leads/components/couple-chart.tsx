import { useId } from 'react';
import {
  CHART_MAX,
  CHART_MIN,
  ELEVATED_MEAN,
  plotPartners,
  STYLE_NAMES,
  xOf,
  yOf,
} from '../couple-chart';
import type { CoupleResult, RespondentView } from '../../../../api/types';
import { t } from '../../../i18n/t';
import { DataTable } from '../../../components/ui';

const BOX = { size: 320, margin: 44 };
const TICKS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Each partner's attachment anxiety (across) and avoidance (up) on the survey's 1..7
 * scale, the "elevated" thresholds as dashed lines, partners as dots A and B. The same
 * figures are in a table for screen readers (and anyone who prefers numbers).
 */
export function CoupleChart({
  respondents,
  coupleResult,
}: {
  respondents: RespondentView[];
  coupleResult: CoupleResult | null;
}) {
  const id = useId();
  // Per partner, from each one's own answers: a couple's flags alone would hide who said it.
  const safety = respondents.filter((r) => r.flags.safetyConcern || r.result?.safetyConcern);
  const raised = respondents.flatMap((r) => [
    ...(r.flags.crisis ? [t('leads.coupleChart.crisisBy', { partner: r.partner })] : []),
    ...(safety.includes(r) ? [t('leads.coupleChart.safetyBy', { partner: r.partner })] : []),
  ]);
  if (coupleResult?.safetyConcern && safety.length === 0)
    raised.push(t('leads.coupleChart.safety'));
  const scored = respondents.flatMap(({ partner, result }) =>
    result ? [{ partner, result }] : [],
  );
  const plotted = plotPartners(
    scored.map((r) => ({
      partner: r.partner,
      anxiety: r.result.anxiety,
      avoidance: r.result.avoidance,
    })),
    BOX,
  );
  const threshold = { x: xOf(ELEVATED_MEAN, BOX), y: yOf(ELEVATED_MEAN, BOX) };
  const low = BOX.margin;
  const high = BOX.size - BOX.margin;
  const description = scored
    .map((r) =>
      t('leads.coupleChart.partnerLine', {
        partner: r.partner,
        anxiety: String(r.result.anxiety),
        avoidance: String(r.result.avoidance),
        style: r.result.style,
      }),
    )
    .join(' ');

  return (
    <figure className="couple-chart">
      <svg
        viewBox={`0 0 ${BOX.size} ${BOX.size}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="couple-chart__svg"
      >
        <title id={`${id}-title`}>{t('leads.coupleChart.title')}</title>
        <desc id={`${id}-desc`}>
          {t('leads.coupleChart.desc', {
            min: String(CHART_MIN),
            max: String(CHART_MAX),
            elevated: ELEVATED_MEAN.toFixed(2),
            description,
          })}
        </desc>
        {/* The elevated quadrants, shaded lightly. */}
        <rect
          x={threshold.x}
          y={low}
          width={high - threshold.x}
          height={threshold.y - low}
          className="quadrant quadrant--fearful"
        />
        <rect
          x={low}
          y={low}
          width={threshold.x - low}
          height={threshold.y - low}
          className="quadrant quadrant--avoidant"
        />
        <rect
          x={threshold.x}
          y={threshold.y}
          width={high - threshold.x}
          height={high - threshold.y}
          className="quadrant quadrant--anxious"
        />
        <rect x={low} y={low} width={high - low} height={high - low} className="chart-frame" />
        {TICKS.map((tick) => (
          <g key={tick} className="tick">
            <text x={xOf(tick, BOX)} y={high + 16} textAnchor="middle">
              {tick}
            </text>
            <text x={low - 8} y={yOf(tick, BOX) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <line x1={threshold.x} x2={threshold.x} y1={low} y2={high} className="threshold" />
        <line x1={low} x2={high} y1={threshold.y} y2={threshold.y} className="threshold" />
        <text x={(low + high) / 2} y={BOX.size - 6} textAnchor="middle" className="axis-label">
          {t('leads.coupleChart.anxietyAxis')}
        </text>
        <text
          x={14}
          y={(low + high) / 2}
          textAnchor="middle"
          className="axis-label"
          transform={`rotate(-90 14 ${(low + high) / 2})`}
        >
          {t('leads.coupleChart.avoidanceAxis')}
        </text>
        <text x={low + 4} y={high - 6} className="quadrant-label">
          {t('leads.coupleChart.quadrant.secure')}
        </text>
        <text x={threshold.x + 4} y={high - 6} className="quadrant-label">
          {t('leads.coupleChart.quadrant.anxious')}
        </text>
        <text x={low + 4} y={threshold.y - 6} className="quadrant-label">
          {t('leads.coupleChart.quadrant.avoidant')}
        </text>
        <text x={threshold.x + 4} y={threshold.y - 6} className="quadrant-label">
          {t('leads.coupleChart.quadrant.fearful')}
        </text>
        {plotted.map((dot) => (
          <g key={dot.partner} className={`partner partner--${dot.partner}`}>
            <circle cx={dot.x} cy={dot.y} r={8} />
            <text x={dot.x + dot.labelDx} y={dot.y + 5} className="partner-label">
              {dot.partner}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {t('leads.coupleChart.caption', { elevated: ELEVATED_MEAN.toFixed(2) })}
      </figcaption>
      <DataTable
        caption={t('leads.coupleChart.figures')}
        columns={[
          t('leads.coupleChart.partner'),
          t('leads.coupleChart.anxiety'),
          t('leads.coupleChart.avoidance'),
          t('leads.coupleChart.style'),
          t('leads.coupleChart.inConflict'),
        ]}
      >
        {scored.map((r) => (
          <tr key={r.partner}>
            <th scope="row">{r.partner}</th>
            <td>
              {r.result.anxiety} {r.result.anxietyElevated ? t('leads.coupleChart.elevated') : ''}
            </td>
            <td>
              {r.result.avoidance}{' '}
              {r.result.avoidanceElevated ? t('leads.coupleChart.elevated') : ''}
            </td>
            <td>{STYLE_NAMES[r.result.style]}</td>
            <td>
              {r.result.pursues
                ? t('leads.coupleChart.pursues')
                : r.result.withdraws
                  ? t('leads.coupleChart.withdraws')
                  : t('leads.coupleChart.neither')}
            </td>
          </tr>
        ))}
      </DataTable>
      {coupleResult ? (
        <ul className="couple-labels">
          <li className={coupleResult.pursueWithdraw ? 'label-on' : ''}>
            {coupleResult.pursueWithdraw
              ? t('leads.coupleChart.cycle', { pursuer: coupleResult.pursuer ?? '?' })
              : t('leads.coupleChart.noCycle')}
          </li>
          <li className={coupleResult.anxiousAvoidantPairing ? 'label-on' : ''}>
            {coupleResult.anxiousAvoidantPairing
              ? t('leads.coupleChart.pairing')
              : t('leads.coupleChart.noPairing')}
          </li>
          {raised.length > 0 ? (
            raised.map((line) => (
              <li key={line} className="label-alert">
                {line}
              </li>
            ))
          ) : (
            <li>{t('leads.coupleChart.noSafety')}</li>
          )}
        </ul>
      ) : null}
    </figure>
  );
}
