import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readPracticeTimeZone } from '../features/leads/practice-zone';
import { exactText, relativeText, shortText, zoneLabel } from './practice-time';
import { t } from '../i18n/t';

/** The browser's zone: used only until the practice's own zone is known. */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function usePracticeZoneQuery() {
  return useQuery({
    queryKey: ['practice', 'time-zone'],
    queryFn: readPracticeTimeZone,
    staleTime: Infinity,
  });
}

/** The practice's time zone, read once per session (every role may read it). */
export function usePracticeZone(): string {
  return usePracticeZoneQuery().data ?? BROWSER_ZONE;
}

/** Says which zone the staff app's times are in (on the Settings screen). */
export function PracticeZoneNote() {
  const zone = usePracticeZoneQuery().data;
  const now = useNow();
  return (
    <p className="hint">
      {zone
        ? t('shell.zone.practice', { zone: zoneLabel(zone, now) })
        : t('shell.zone.device', { zone: zoneLabel(BROWSER_ZONE, now) })}
    </p>
  );
}

/** Now, moving on each minute, so "due in 3 h" stays true while a screen is open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A time on a staff screen: relative ("3 h ago"), or short ("9:37 AM"), or exact; the exact
 * time in the practice's zone, labelled, is always in the title and the `dateTime`.
 */
export function Time({
  iso,
  style = 'relative',
}: {
  iso: string | null | undefined;
  style?: 'relative' | 'short' | 'exact';
}) {
  const zone = usePracticeZone();
  const now = useNow();
  if (!iso) return <>—</>;
  const exact = exactText(iso, zone);
  const text =
    style === 'relative'
      ? relativeText(iso, now)
      : style === 'short'
        ? shortText(iso, zone, now)
        : exact;
  return (
    <time dateTime={iso} title={exact}>
      {text}
    </time>
  );
}
