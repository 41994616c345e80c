import { niceMax } from '../weeks';
import { t } from '../../../i18n/t';
import { DataTable } from '../../../components/ui';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 48;
const BOTTOM = 40;
const TOP = 12;
/** Colour-blind-safe series colours (Okabe–Ito), then grey for "other sources". */
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6b6b76'];

const shortDay = (label: string) => label.slice(5);

function Axis({ max, format }: { max: number; format: (value: number) => string }) {
  const ticks = [0, max / 2, max];
  const plotHeight = HEIGHT - TOP - BOTTOM;
  return (
    <g className="axis">
      {ticks.map((tick) => {
        const y = TOP + plotHeight - (tick / max) * plotHeight;
        return (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y} y2={y} className="gridline" />
            <text x={LEFT - 6} y={y + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Leads per week, stacked by source; the same numbers in a table below. */
export function StackedBarChart({
  labelledBy,
  weeks,
}: {
  labelledBy: string;
  weeks: { label: string; parts: { source: string; count: number }[] }[];
}) {
  const totals = weeks.map((week) => week.parts.reduce((sum, part) => sum + part.count, 0));
  const max = niceMax(Math.max(0, ...totals));
  const sources = [...new Set(weeks.flatMap((week) => week.parts.map((part) => part.source)))];
  const colour = (source: string) =>
    COLOURS[Math.min(sources.indexOf(source), COLOURS.length - 1)]!;
  const slot = (WIDTH - LEFT) / Math.max(1, weeks.length);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={labelledBy}
        className="chart__svg"
      >
        <Axis max={max} format={(v) => String(Math.round(v))} />
        {weeks.map((week, index) => {
          let y = TOP + plotHeight;
          const x = LEFT + index * slot + slot * 0.15;
          return (
            <g key={week.label}>
              {week.parts
                .filter((part) => part.count > 0)
                .map((part) => {
                  const height = (part.count / max) * plotHeight;
                  y -= height;
                  return (
                    <rect
                      key={part.source}
                      x={x}
                      y={y}
                      width={slot * 0.7}
                      height={height}
                      fill={colour(part.source)}
                    >
                      <title>
                        {t('stats.chart.partTitle', {
                          week: week.label,
                          count: part.count,
                          source: part.source,
                        })}
                      </title>
                    </rect>
                  );
                })}
              <text
                x={x + slot * 0.35}
                y={HEIGHT - BOTTOM + 16}
                textAnchor="middle"
                className="tick-label"
              >
                {weeks.length > 14 && index % 2 ? '' : shortDay(week.label)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-label={t('stats.chart.sources')}>
        {sources.map((source) => (
          <li key={source}>
            <span className="swatch" aria-hidden="true">
              <svg width="12" height="12" viewBox="0 0 12 12">
                <rect width="12" height="12" fill={colour(source)} />
              </svg>
            </span>
            {source}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('stats.chart.asTable')}</summary>
        <DataTable columns={[t('stats.chart.weekOf'), ...sources, t('stats.chart.total')]}>
          {weeks.map((week, index) => (
            <tr key={week.label}>
              <th scope="row">{week.label}</th>
              {sources.map((source) => (
                <td key={source}>
                  {week.parts.find((part) => part.source === source)?.count ?? 0}
                </td>
              ))}
              <td>{totals[index]}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

/** One bar per week; a week without a value is marked, not drawn as zero. */
export function BarChart({
  labelledBy,
  bars,
  format,
  unit,
}: {
  labelledBy: string;
  bars: { label: string; value: number | null }[];
  format: (value: number) => string;
  unit: string;
}) {
  const max = niceMax(Math.max(0, ...bars.map((bar) => bar.value ?? 0)));
  const slot = (WIDTH - LEFT) / Math.max(1, bars.length);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={labelledBy}
        className="chart__svg"
      >
        <Axis max={max} format={format} />
        {bars.map((bar, index) => {
          const x = LEFT + index * slot + slot * 0.15;
          const height = bar.value === null ? 0 : (bar.value / max) * plotHeight;
          return (
            <g key={bar.label}>
              {bar.value === null ? (
                <text
                  x={x + slot * 0.35}
                  y={TOP + plotHeight - 4}
                  textAnchor="middle"
                  className="no-value"
                >
                  –
                </text>
              ) : (
                <rect
                  x={x}
                  y={TOP + plotHeight - height}
                  width={slot * 0.7}
                  height={height}
                  className="bar"
                >
                  <title>{`${bar.label}: ${format(bar.value)}`}</title>
                </rect>
              )}
              <text
                x={x + slot * 0.35}
                y={HEIGHT - BOTTOM + 16}
                textAnchor="middle"
                className="tick-label"
              >
                {bars.length > 14 && index % 2 ? '' : shortDay(bar.label)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('stats.chart.asTable')}</summary>
        <DataTable columns={[t('stats.chart.weekOf'), t('stats.chart.median', { unit })]}>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value === null ? t('stats.chart.noValue') : format(bar.value)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
