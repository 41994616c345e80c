import type { LeadDetail, Signal } from '../../../../api/types';
import { LOCALE, t, tRich } from '../../../i18n/t';

/** Who said it, by kind: one banner per kind and person, with how it was said. */
function signalGroups(signals: Signal[]): Signal[][] {
  const groups: Signal[][] = [];
  for (const signal of signals) {
    const group = groups.find(
      ([first]) => first!.kind === signal.kind && first!.partner === signal.partner,
    );
    if (group) group.push(signal);
    else groups.push([signal]);
  }
  return groups;
}

const SIGNAL_HOW: Record<Signal['kind'], Record<Signal['source'], string>> = {
  crisis: {
    answer: t('leads.signal.how.crisisAnswer'),
    message: t('leads.signal.how.crisisMessage'),
  },
  safety: {
    answer: t('leads.signal.how.safetyAnswer'),
    message: t('leads.signal.how.safetyMessage'),
  },
};

/** "a and b": the ways one person said it. */
const both = new Intl.ListFormat(LOCALE, { type: 'conjunction' });

/**
 * Each crisis or safety signal names the person it came from, with their own contact:
 * on a couple's lead the coordinator calls that partner, never the lead's first contact,
 * and says nothing of it to the other partner.
 */
export function SignalBanners({ lead }: { lead: LeadDetail }) {
  const signals = lead.flags.signals ?? [];
  if (signals.length === 0) {
    // An older server without signals: say what is known, name nobody.
    return lead.flags.crisis ? (
      <div className="banner banner--crisis" role="alert">
        {tRich('leads.signal.unnamed')}
      </div>
    ) : null;
  }
  return (
    <>
      {signalGroups(signals).map((group) => {
        const [first] = group as [Signal, ...Signal[]];
        const who = t('leads.signal.who', {
          partner: first.partner ?? 'none',
          name: first.contact.name,
        });
        const how = both.format(group.map((signal) => SIGNAL_HOW[signal.kind][signal.source]));
        const crisis = first.kind === 'crisis';
        return (
          <div
            key={`${first.kind}-${first.partner ?? ''}`}
            className={`banner signal-banner ${crisis ? 'banner--crisis' : 'banner--warning'}`}
            role={crisis ? 'alert' : 'note'}
            data-signal={`${first.kind}:${first.partner ?? ''}`}
          >
            <p>
              {tRich('leads.signal.banner', {
                kind: first.kind,
                who,
                name: first.contact.name,
                how,
              })}
            </p>
            <ul
              className="signal-contact"
              aria-label={t('leads.signal.contact', { name: first.contact.name })}
            >
              <li>
                <a href={`mailto:${first.contact.email}`}>{first.contact.email}</a>
              </li>
              {first.contact.phone ? (
                <li>
                  <a href={`tel:${first.contact.phone}`}>{first.contact.phone}</a>
                </li>
              ) : null}
            </ul>
            {first.caution ? (
              <p>
                <strong>{first.caution}</strong>
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
