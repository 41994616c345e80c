import { useState, type FormEvent } from 'react';
import { LEAD_STATUSES } from '../../../vocabulary';
import { useStats, useWeeklyStats } from '../api';
import { BarChart, StackedBarChart } from '../components/charts';
import { BreakdownSection } from '../components/breakdown-section';
import { ErrorNotice, Loading, PageHeading } from '../../../components/ui';
import { TextFields } from '../../../components/forms';
import {
  NO_FILTERS,
  searchFromFilters,
  startOfDay,
  startOfNextDay,
  type InboxFilters,
} from '../../leads/inbox-filters';
import { Link, useLocation, useNavigate } from 'react-router';
import type { StatsView } from '../../../../api/types';
import { formatMinutes, formatShare, SERVICE_NAMES, STATUS_NAMES } from '../../../words';
import { sourcesOf, stackOf } from '../weeks';
import { t } from '../../../i18n/t';

const DEFAULT_WEEKS = 12;

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function defaultRange(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() - DEFAULT_WEEKS * 7 + 1,
  );
  return { from: localDay(from), to: localDay(today) };
}

/**
 * Figures for a range of days, and two charts by week. The weekly figures are one
 * GET /v1/admin/stats per week: the server's own definitions (median, sources) per
 * bucket, and no new route.
 */
export function StatsPage() {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const fallback = defaultRange();
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const rangeFrom = startOfDay(from);
  const rangeTo = startOfNextDay(to);
  const totalQuery = useStats(rangeFrom, rangeTo).loaded;
  const weeklyQuery = useWeeklyStats(rangeFrom, rangeTo).loaded;
  const total = totalQuery.state === 'ready' ? totalQuery.value : null;
  const weekly = weeklyQuery.state === 'ready' ? weeklyQuery.value : null;
  const failure =
    totalQuery.state === 'failed'
      ? totalQuery.failure
      : weeklyQuery.state === 'failed'
        ? weeklyQuery.failure
        : null;

  return (
    <>
      <PageHeading title={t('stats.title')}>{t('stats.title')}</PageHeading>
      <RangeForm key={`${from}/${to}`} from={from} to={to} />
      <ErrorNotice failure={failure} />
      {total === null && !failure ? <Loading what={t('stats.figuresLoading')} /> : null}
      {total ? <Figures stats={total} from={from} to={to} /> : null}
      <BreakdownSection from={rangeFrom} to={rangeTo} />
      <section className="card" aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">{t('stats.weekly.heading')}</h2>
        {weekly === null && !failure ? <Loading what={t('stats.weekly.loading')} /> : null}
        {weekly ? <WeeklyCharts weekly={weekly} /> : null}
      </section>
    </>
  );
}

function RangeForm({ from, to }: { from: string; to: string }) {
  const [draft, setDraft] = useState({ from, to });
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/admin/stats?from=${draft.from}&to=${draft.to}`);
  };
  return (
    <form className="filters filters--row" onSubmit={submit} aria-label={t('stats.range.label')}>
      <TextFields
        fields={[
          ['stats-from', 'from', t('stats.range.from'), { type: 'date', required: true }],
          ['stats-to', 'to', t('stats.range.to'), { type: 'date', required: true }],
        ]}
        values={draft}
        onChange={(key, value) => setDraft({ ...draft, [key]: value })}
      />
      <button type="submit" className="button button--small">
        {t('stats.range.show')}
      </button>
    </form>
  );
}

/** Each figure opens the inbox on the leads it counts. */
function Figures({ stats, from, to }: { stats: StatsView; from: string; to: string }) {
  const leads = (filters: Partial<InboxFilters>) =>
    `/admin/leads${searchFromFilters({
      ...NO_FILTERS,
      view: 'all',
      sort: '-createdAt',
      createdFrom: from,
      createdTo: to,
      ...filters,
    })}`;
  return (
    <>
      <dl className="kpis">
        <div>
          <dt>{t('stats.kpi.leads')}</dt>
          <dd>
            <Link to={leads({})}>{stats.total}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('stats.kpi.medianContact')}</dt>
          <dd>{formatMinutes(stats.medianTimeToFirstContactMinutes)}</dd>
        </div>
        <div>
          <dt>{t('stats.kpi.medianAttempt')}</dt>
          <dd>{formatMinutes(stats.medianMinutesToFirstAttempt)}</dd>
        </div>
        <div>
          <dt>{t('stats.kpi.medianConversation')}</dt>
          <dd>{formatMinutes(stats.medianMinutesToFirstConnection)}</dd>
        </div>
        <div>
          <dt>{t('stats.kpi.withinTarget')}</dt>
          <dd>{formatShare(stats.contactedWithinTargetShare)}</dd>
        </div>
        <div>
          <dt>{t('stats.kpi.conversion')}</dt>
          <dd>{formatShare(stats.conversionRate)}</dd>
        </div>
        <div>
          <dt>{t('stats.kpi.overdue')}</dt>
          <dd>
            <Link to={`/admin/leads${searchFromFilters({ ...NO_FILTERS, view: 'overdue' })}`}>
              {stats.overdueNow}
            </Link>
          </dd>
        </div>
      </dl>
      <div className="count-tables">
        <CountTable
          caption={t('stats.table.byStatus')}
          rows={LEAD_STATUSES.map((status) => [
            STATUS_NAMES[status],
            stats.byStatus[status],
            leads({ status: [status] }),
          ])}
        />
        <CountTable
          caption={t('stats.table.bySource')}
          rows={stats.bySource.map((entry) => [entry.source, entry.count])}
        />
        <CountTable
          caption={t('stats.table.byServiceType')}
          rows={Object.entries(stats.byServiceType).map(([type, count]) => [
            SERVICE_NAMES[type] ?? type,
            count,
            leads({ serviceType: [type] }),
          ])}
        />
      </div>
    </>
  );
}

function CountTable({
  caption,
  rows,
}: {
  caption: string;
  /** Name, count, and where the leads counted are listed (if the inbox can filter by it). */
  rows: [string, number, string?][];
}) {
  return (
    <table className="data-table count-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2}>{t('stats.table.none')}</td>
          </tr>
        ) : (
          rows.map(([name, count, to]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{to && count > 0 ? <Link to={to}>{count}</Link> : count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function WeeklyCharts({ weekly }: { weekly: { label: string; stats: StatsView }[] }) {
  const series = sourcesOf(weekly.map((week) => week.stats));
  const stacks = weekly.map((week) => ({
    label: week.label,
    parts: stackOf(week.stats.bySource, series),
  }));
  return (
    <>
      <h3 id="chart-sources">{t('stats.weekly.sources')}</h3>
      <StackedBarChart labelledBy="chart-sources" weeks={stacks} />
      <h3 id="chart-contact">{t('stats.weekly.contact')}</h3>
      <BarChart
        labelledBy="chart-contact"
        bars={weekly.map((week) => ({
          label: week.label,
          value: week.stats.medianTimeToFirstContactMinutes,
        }))}
        format={formatMinutes}
        unit={t('stats.weekly.unit')}
      />
    </>
  );
}
