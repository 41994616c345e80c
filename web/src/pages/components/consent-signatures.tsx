import type { Schemas } from '../../api/client';
import { type FormValues, text } from '../../lib/form-values';
import { type MarkdownBlock, markdownBlocks } from '../../../../src/vocabulary/markdown-blocks';
import type { PageWords } from '../i18n/words';
import { usePageWords } from '../i18n/page-language';
import { CheckboxField, TextField } from './fields';

/** A consent document as a form lists it. */
export type ConsentDocument = Schemas['ConsentTextView'];

const agreedPath = (slug: string) => `signatures.${slug}`;
const namePath = (slug: string) => `signatures.${slug}.signedName`;

/**
 * The `signatures` of a request body: one per document the person ticked or typed a name
 * for (one left alone is not sent, and the server answers that it must be signed).
 */
export function signaturesBody(documents: readonly ConsentDocument[], values: FormValues) {
  return documents
    .map(({ slug, version }) => ({
      slug,
      version,
      signedName: text(values, namePath(slug)),
      agreed: values[agreedPath(slug)] === true,
    }))
    .filter((signature) => signature.agreed || signature.signedName !== '');
}

/** Labels for the error summary: a document's problem is named by its title. */
export function signatureLabels(
  documents: readonly ConsentDocument[],
  { t }: PageWords,
): Record<string, string> {
  return Object.fromEntries(
    documents.flatMap(({ slug, title }) => [
      [agreedPath(slug), title],
      [namePath(slug), t('sign.nameLabel', { title })],
    ]),
  );
}

/** Field paths in page order, for the error summary. */
export const signatureOrder = (documents: readonly ConsentDocument[]) =>
  documents.flatMap(({ slug }) => [agreedPath(slug), namePath(slug)]);

function Block({ block }: { block: MarkdownBlock }) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h4>{block.text}</h4> : <h5>{block.text}</h5>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return block.ordered ? (
        <ol>
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ol>
      ) : (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      );
  }
}

/**
 * The documents a form asks to be signed: each one's text, an "I agree" box and the
 * person's typed name, which must be the name they gave (case and spacing aside).
 */
export function ConsentSignatureFields({
  documents,
  heading,
}: {
  documents: readonly ConsentDocument[];
  heading?: string;
}) {
  const { t } = usePageWords();
  if (documents.length === 0) return null;
  return (
    <section className="form-section consent-documents" aria-labelledby="section-signatures">
      <h2 id="section-signatures">{heading ?? t('sign.heading')}</h2>
      <p className="hint">{t('sign.hint')}</p>
      {documents.map((document) => (
        <div className="consent-document" key={document.slug}>
          <h3 id={`consent-${document.slug}`}>{document.title}</h3>
          {/* A scrolling text must be reachable by keyboard (axe: scrollable-region-focusable). */}
          <div
            className="consent-document__text"
            role="region"
            aria-labelledby={`consent-${document.slug}`}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
          >
            {markdownBlocks(document.body).map((block, index) => (
              <Block key={index} block={block} />
            ))}
          </div>
          <CheckboxField
            path={agreedPath(document.slug)}
            required
            label={t('sign.agree', { title: document.title })}
          />
          <TextField
            path={namePath(document.slug)}
            required
            label={t('sign.name')}
            autoComplete="name"
            maxLength={200}
          />
        </div>
      ))}
    </section>
  );
}
