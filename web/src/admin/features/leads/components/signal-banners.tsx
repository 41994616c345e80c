import type { LeadDetail, Signal } from '../../../../api/types';

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
    answer: 'answered yes to the crisis question',
    message: 'wrote words that suggest risk of harm',
  },
  safety: {
    answer: 'reported fear of, or harm from, their partner, or not feeling safe to speak',
    message: 'wrote about their safety',
  },
};

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
        <strong>Crisis indicated.</strong> A message or answer suggests risk of harm. Follow the
        practice&apos;s crisis protocol.
      </div>
    ) : null;
  }
  return (
    <>
      {signalGroups(signals).map((group) => {
        const [first] = group as [Signal, ...Signal[]];
        const who = first.partner
          ? `partner ${first.partner} (${first.contact.name})`
          : first.contact.name;
        const how = group.map((signal) => SIGNAL_HOW[signal.kind][signal.source]).join(' and ');
        const crisis = first.kind === 'crisis';
        return (
          <div
            key={`${first.kind}-${first.partner ?? ''}`}
            className={`banner signal-banner ${crisis ? 'banner--crisis' : 'banner--warning'}`}
            role={crisis ? 'alert' : 'note'}
            data-signal={`${first.kind}:${first.partner ?? ''}`}
          >
            <p>
              <strong>
                {crisis ? 'Crisis indicated' : 'Safety concern'} from {who}.
              </strong>{' '}
              {first.contact.name} {how}.{' '}
              {crisis
                ? `Contact ${first.contact.name} now, following the practice's crisis protocol:`
                : `Screen ${first.contact.name} individually before any joint session:`}
            </p>
            <ul className="signal-contact" aria-label={`Contact of ${first.contact.name}`}>
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
