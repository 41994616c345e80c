import { useState } from 'react';
import { ErrorNotice, Loading } from '../../../components/ui';
import { formatMinutes, formatShare, SERVICE_NAMES } from '../../../words';
import { type BreakdownBy, useBreakdown } from '../api';
import { breakdownBars } from '../breakdown';

const DIMENSIONS: [BreakdownBy, string][] = [
  ['source', 'Source'],
  ['serviceType', 'Service type'],
  ['preferredContact', 'Preferred contact'],
  ['state', 'State'],
  ['language', 'Language'],
];

/** The longest bar, in rem. */
const BAR_REM = 8;

const CONTACT_NAMES: Record<string, string> = { email: 'Email', phone: 'Phone', text: 'Text' };

function keyName(by: BreakdownBy, key: string): string {
  if (by === 'serviceType') return SERVICE_NAMES[key] ?? key;
  if (by === 'preferredContact') return CONTACT_NAMES[key] ?? key;
  if (key === 'unknown') return 'Not given';
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
      <h2 id="breakdown-heading">Who waits longest</h2>
      <div className="field">
        <label htmlFor="breakdown-by">Group leads by</label>
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
      {query.state === 'loading' ? <Loading what="breakdown" /> : null}
      {bars ? (
        <table className="data-table breakdown">
          <caption>
            Time to first contact and answers within target, by {label.toLowerCase()} (spam left
            out)
          </caption>
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col">Leads</th>
              <th scope="col">Median time to first contact</th>
              <th scope="col">Contacted within target</th>
            </tr>
          </thead>
          <tbody>
            {bars.length === 0 ? (
              <tr>
                <td colSpan={4}>No leads in this range</td>
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
