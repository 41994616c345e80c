import { useState } from 'react';
import { ErrorNotice, Loading } from '../../../components/ui';
import { formatMinutes, formatShare, SERVICE_NAMES } from '../../../words';
import { type BreakdownBy, useBreakdown } from '../api';
import { breakdownBars } from '../breakdown';
import { t } from '../../../i18n/t';

const DIMENSIONS: [BreakdownBy, string][] = [
  ['source', t('stats.breakdown.by.source')],
  ['serviceType', t('stats.breakdown.by.serviceType')],
  ['preferredContact', t('stats.breakdown.by.preferredContact')],
  ['state', t('stats.breakdown.by.state')],
  ['language', t('stats.breakdown.by.language')],
];

/** The longest bar, in rem. */
const BAR_REM = 8;

const CONTACT_NAMES: Record<string, string> = {
  email: t('leads.channel.email'),
  phone: t('leads.channel.phone'),
  text: t('leads.channel.text'),
};

function keyName(by: BreakdownBy, key: string): string {
  if (by === 'serviceType') return SERVICE_NAMES[key] ?? key;
  if (by === 'preferredContact') return CONTACT_NAMES[key] ?? key;
  if (key === 'unknown') return t('stats.breakdown.unknown');
  return key;
}

/** A bar with its value written beside it: the text carries the number, the bar the shape. */
function Bar({ length, text }: { length: number; text: string }) {
  return (
    <span className="breakdown-bar">
      <span
        className="breakdown-bar__fill"
        style={{ width: `${(length * BAR_REM).toFixed(2)}rem` }}
        aria-hidden="true"
      />
      <span className="breakdown-bar__text">{text}</span>
    </span>
  );
}

/**
 * Who waits longest: leads of the range grouped by source, service type, … with the
 * median time to the first contact attempt and the share answered within target.
 */
export function BreakdownSection({ from, to }: { from: string; to: string }) {
  const [by, setBy] = useState<BreakdownBy>('source');
  const query = useBreakdown(by, from, to).loaded;
  const bars = query.state === 'ready' ? breakdownBars(query.value.groups) : null;
  const label = DIMENSIONS.find(([value]) => value === by)![1];
  return (
    <section className="card" aria-labelledby="breakdown-heading">
      <h2 id="breakdown-heading">{t('stats.breakdown.heading')}</h2>
      <div className="field">
        <label htmlFor="breakdown-by">{t('stats.breakdown.groupBy')}</label>
        <select
          id="breakdown-by"
          value={by}
          onChange={(event) => setBy(event.target.value as BreakdownBy)}
        >
          {DIMENSIONS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice failure={query.state === 'failed' ? query.failure : null} />
      {query.state === 'loading' ? <Loading what={t('stats.breakdown.loading')} /> : null}
      {bars ? (
        <table className="data-table breakdown">
          <caption>{t('stats.breakdown.caption', { by: label.toLowerCase() })}</caption>
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col">{t('stats.kpi.leads')}</th>
              <th scope="col">{t('stats.kpi.medianContact')}</th>
              <th scope="col">{t('stats.kpi.withinTarget')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('stats.breakdown.empty')}</td>
              </tr>
            ) : (
              bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{keyName(by, bar.key)}</th>
                  <td>{bar.leads}</td>
                  <td>
                    <Bar length={bar.medianLength} text={formatMinutes(bar.medianMinutes)} />
                  </td>
                  <td>
                    <Bar
                      length={bar.withinTargetLength}
                      text={formatShare(bar.withinTargetShare)}
                    />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
