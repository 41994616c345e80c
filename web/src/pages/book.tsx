import { type FormEvent, type ReactNode, useState } from 'react';
import type { Schemas } from '../api/client';
import { book, booking, cancelBooking } from './booking-api';
import { type LinkWords, LinkStates } from './components/link-states';
import { FocusedHeading, Layout, SubmitButton } from './components/page-parts';
import { useTokenLink } from './components/token-link';
import { fragment, usePageWords } from './i18n/page-language';
import type { PageWordKey, PageWords } from './i18n/words';
import { mount } from './mount';
import './book.css';

type Booking = Schemas['BookingView'];
type Slot = Schemas['SlotView'];

const LINK_WORDS: LinkWords = {
  title: 'book.title',
  loading: 'book.loading',
  failed: 'book.failed',
  gone: { title: 'book.goneTitle', heading: 'book.gone', text: 'book.goneText', focus: false },
};

/**
 * Dates and times in the page's language and the visitor's own zone, the zone named in
 * words ("Pacific Standard Time", "hora estándar del Pacífico"), so times are unambiguous.
 */
function clock({ locale }: PageWords) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    zoneName:
      new Intl.DateTimeFormat(locale, { timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value ?? zone,
    dayOf: (iso: string) =>
      new Date(iso).toLocaleDateString(locale, { weekday: 'long', month: 'long', day: 'numeric' }),
    timeOf: (iso: string) =>
      new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' }),
  };
}

/** Slots by local day, in order. */
function byDay(slots: readonly Slot[], dayOf: (iso: string) => string): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = dayOf(slot.startsAt);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days];
}

const slotKey = (slot: Slot) => `${slot.clinician.id}|${slot.startsAt}`;

function BookingPage() {
  const { token, loaded, reload } = useTokenLink(booking);
  return (
    <LinkStates
      loaded={loaded}
      reload={reload}
      words={LINK_WORDS}
      ready={(value) => <BookingState token={token} booking={value} onChange={reload} />}
    />
  );
}

function BookingState({
  token,
  booking: state,
  onChange,
}: {
  token: string;
  booking: Booking;
  onChange: () => void;
}) {
  const { t } = usePageWords();
  if (state.consultation) {
    return <Booked token={token} consultation={state.consultation} onCancelled={onChange} />;
  }
  if (!state.bookable) {
    return (
      <Layout title={t('book.title')}>
        <h1>{t('book.title')}</h1>
        <p>
          {t(state.reason === 'waiting_for_partner' ? 'book.waitingForPartner' : 'book.noTimes')}
        </p>
      </Layout>
    );
  }
  return <SlotPicker token={token} slots={state.slots ?? []} onBooked={onChange} />;
}

function SlotPicker({
  token,
  slots,
  onBooked,
}: {
  token: string;
  slots: readonly Slot[];
  onBooked: () => void;
}) {
  const words = usePageWords();
  const { t } = words;
  const { zoneName, dayOf, timeOf } = clock(words);
  const [chosen, setChosen] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<PageWordKey | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const slot = slots.find((one) => slotKey(one) === chosen);
    if (!slot) {
      setMessage('book.chooseFirst');
      return;
    }
    setSending(true);
    const result = await book(token, { startsAt: slot.startsAt, clinicianId: slot.clinician.id });
    setSending(false);
    if (result.kind === 'ok') return onBooked();
    if (result.kind === 'problem' && result.status === 409) {
      setMessage('book.taken');
      return onBooked();
    }
    setMessage('book.failedToBook');
  };

  return (
    <Layout title={t('book.title')}>
      <h1>{t('book.title')}</h1>
      <p>
        {fragment(
          words.rich<ReactNode>('book.zone', {
            zone: zoneName,
            strong: (chunks) => <strong>{fragment(chunks)}</strong>,
          }),
        )}
      </p>
      {message && (
        <p role="alert" className="form-error">
          {t(message)}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="slot-days">
          <legend>{t('book.openTimes')}</legend>
          {byDay(slots, dayOf).map(([day, daySlots]) => (
            <fieldset key={day} className="slot-day">
              <legend>{day}</legend>
              {daySlots.map((slot) => (
                <label key={slotKey(slot)} className="slot">
                  <input
                    type="radio"
                    name="slot"
                    value={slotKey(slot)}
                    checked={chosen === slotKey(slot)}
                    onChange={() => setChosen(slotKey(slot))}
                  />{' '}
                  {t('book.slot', {
                    from: timeOf(slot.startsAt),
                    to: timeOf(slot.endsAt),
                    clinician: slot.clinician.name,
                  })}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <SubmitButton sending={sending}>{t('book.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

function Booked({
  token,
  consultation,
  onCancelled,
}: {
  token: string;
  consultation: NonNullable<Booking['consultation']>;
  onCancelled: () => void;
}) {
  const words = usePageWords();
  const { t } = words;
  const { zoneName, dayOf, timeOf } = clock(words);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const cancel = async () => {
    setSending(true);
    const result = await cancelBooking(token);
    setSending(false);
    if (result.kind === 'ok') return onCancelled();
    setFailed(true);
  };
  return (
    <Layout title={t('book.bookedTitle')}>
      <FocusedHeading>{t('book.booked')}</FocusedHeading>
      <p>
        {t('book.bookedText', {
          day: dayOf(consultation.startsAt),
          time: timeOf(consultation.startsAt),
          zone: zoneName,
          clinician: consultation.clinicianName,
        })}
      </p>
      {failed && <p role="alert">{t('book.cancelFailed')}</p>}
      <button type="button" className="button" disabled={sending} onClick={() => void cancel()}>
        {t('book.cancel')}
      </button>
    </Layout>
  );
}

mount(<BookingPage />);
