import type { ReactNode } from 'react';
import type { PageWordKey } from '../i18n/words';
import { usePageWords } from '../i18n/page-language';
import { FocusedHeading, Layout } from './page-parts';
import type { Loaded } from './token-link';

/** The words a page opened from an emailed link says while it cannot show its content. */
export interface LinkWords {
  /** The page's title while loading or failed. */
  title: PageWordKey;
  loading: PageWordKey;
  failed: PageWordKey;
  /** The expired-or-used screen: heading and text. */
  /** `focus: false`: a heading the page shows as it opens, which needs no focus. */
  gone: { title: PageWordKey; heading: PageWordKey; text: PageWordKey; focus?: boolean };
}

/**
 * The loading, unknown, gone and failed screens of a link page; `ready` draws the page
 * itself. The headings of a final state take focus, as the pages' other news does.
 */
export function LinkStates<T>({
  loaded,
  reload,
  words: keys,
  ready,
}: {
  loaded: Loaded<T>;
  reload: () => void;
  words: LinkWords;
  ready: (value: T) => ReactNode;
}) {
  const { t } = usePageWords();
  switch (loaded.kind) {
    case 'loading':
      return (
        <Layout title={t(keys.title)}>
          <h1>{t(keys.title)}</h1>
          <p role="status">{t(keys.loading)}</p>
        </Layout>
      );
    case 'unknown':
      return (
        <Layout title={t('link.unknownTitle')}>
          <h1>{t('link.unknown')}</h1>
          <p>{t('link.unknownText')}</p>
        </Layout>
      );
    case 'gone':
      return <GoneLink words={keys.gone} />;
    case 'failed':
      return (
        <Layout title={t(keys.title)}>
          <h1>{t(keys.failed)}</h1>
          <p>{t('load.checkConnection')}</p>
          <button type="button" className="button" onClick={reload}>
            {t('load.retry')}
          </button>
        </Layout>
      );
    case 'ready':
      return ready(loaded.value);
  }
}

/** A link that expired or was used (410), on loading or on sending. */
export function GoneLink({ words: keys }: { words: LinkWords['gone'] }) {
  const { t } = usePageWords();
  return (
    <Layout title={t(keys.title)}>
      {keys.focus === false ? (
        <h1>{t(keys.heading)}</h1>
      ) : (
        <FocusedHeading>{t(keys.heading)}</FocusedHeading>
      )}
      <p>{t(keys.text)}</p>
    </Layout>
  );
}
