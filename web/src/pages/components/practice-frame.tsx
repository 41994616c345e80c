import { useEffect, useState } from 'react';
import type { Schemas } from '../../api/client';
import { practice as readPractice } from '../api';

export type Practice = Schemas['PracticeView'];

/** The practice behind the page, read once; null until it arrives (or if it cannot be read). */
export function usePractice(): Practice | null {
  const [value, setValue] = useState<Practice | null>(null);
  useEffect(() => {
    let live = true;
    void readPractice().then((result) => {
      if (live && result.kind === 'ok') setValue(result.body);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** The practice's logo and name at the top of every hosted page. */
export function PracticeHeader({ practice }: { practice: Practice | null }) {
  return (
    <header className="site-header">
      <p className="site-name">
        {practice?.logoUrl ? (
          <img className="site-logo" src={practice.logoUrl} alt="" height={40} />
        ) : null}
        <span>{practice?.name ?? '\u00a0'}</span>
      </p>
    </header>
  );
}

/** How to reach the practice, as it set it: phone, email, website, address. */
export function PracticeContact({ practice }: { practice: Practice | null }) {
  if (!practice) return null;
  const { phone, email, website, address } = practice;
  if (!phone && !email && !website && !address) return null;
  return (
    <p className="practice-contact">
      {practice.name}
      {phone ? (
        <>
          {' · '}
          <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
        </>
      ) : null}
      {email ? (
        <>
          {' · '}
          <a href={`mailto:${email}`}>{email}</a>
        </>
      ) : null}
      {website ? (
        <>
          {' · '}
          <a href={website}>{website.replace(/^https?:\/\//, '')}</a>
        </>
      ) : null}
      {address ? (
        <>
          {' · '}
          {address}
        </>
      ) : null}
    </p>
  );
}
