import { type Language, pageLanguage } from '../vocabulary/languages.js';

/**
 * What a public page says before its script runs (or when it never does): `<html lang>`,
 * `<title>`, the meta description, the crisis line and the `<noscript>` text, in the
 * page's language. The entry HTML files (web/<page>/index.html) hold placeholders the
 * server fills in per language; the script then takes over with the same words
 * (web/src/pages/i18n).
 */

/** The entry pages written per language; the staff app stays English and has none. */
export const PAGES_WITH_HEADS = [
  'reach-out',
  'intake',
  'partner',
  'paperwork',
  'book',
  'embed-frame',
] as const;
export type PageWithHead = (typeof PAGES_WITH_HEADS)[number];

/** The marks in the entry HTML files, each replaced by the text of the same name. */
export const HEAD_PLACEHOLDERS = {
  lang: '__RI_LANG__',
  title: '__RI_TITLE__',
  description: '__RI_DESCRIPTION__',
  noscript: '__RI_NOSCRIPT__',
  crisisLabel: '__RI_CRISIS_LABEL__',
  crisisLine: '__RI_CRISIS_LINE__',
} as const;

interface PageHead {
  readonly title: string;
  /** Absent on pages no search engine should list (the framed form). */
  readonly description?: string;
  readonly noscript: string;
}

interface LanguageHeads {
  readonly crisisLabel: string;
  /** Our own markup: the numbers are links a phone can call. */
  readonly crisisLineHtml: string;
  readonly pages: Record<PageWithHead, PageHead>;
}

const EN_NEEDS_SCRIPT =
  'This page needs JavaScript to send your answers. Please turn it on, or contact the practice by phone or email.';
const ES_NEEDS_SCRIPT =
  'Esta página necesita JavaScript para enviar sus respuestas. Por favor, actívelo o comuníquese con el consultorio por teléfono o por correo electrónico.';

/** The Spanish in the words of the pages' own catalogue (web/src/pages/i18n/es.ts). */
export const PAGE_HEADS: Record<Language, LanguageHeads> = {
  en: {
    crisisLabel: 'Crisis support',
    crisisLineHtml:
      'In crisis? Call or text <a href="tel:988">988</a>, or call <a href="tel:911">911</a> in an emergency.',
    pages: {
      'reach-out': {
        title: 'Reach out',
        description: 'Tell the practice how to reach you and what you are looking for.',
        noscript: EN_NEEDS_SCRIPT,
      },
      intake: {
        title: 'Intake form',
        description: "The practice's intake questions, answered privately.",
        noscript: EN_NEEDS_SCRIPT,
      },
      partner: {
        title: "Your partner's invitation",
        description: 'Answer the couples intake your partner invited you to.',
        noscript: EN_NEEDS_SCRIPT,
      },
      paperwork: {
        title: 'Documents to sign',
        description: 'Read and sign the documents your practice sent you.',
        noscript:
          'This page needs JavaScript to sign your documents. Please turn it on, or contact the practice by phone or email.',
      },
      book: {
        title: 'Book a first conversation',
        description: 'Choose a time for a first conversation with the practice.',
        noscript:
          'This page needs JavaScript to show the open times. Please turn it on, or contact the practice by phone or email.',
      },
      'embed-frame': {
        title: 'Reach out',
        noscript:
          'This form needs JavaScript to send your message. Please turn it on, or contact the practice by phone or email.',
      },
    },
  },
  es: {
    crisisLabel: 'Ayuda en caso de crisis',
    crisisLineHtml:
      '¿Está pasando por una crisis? Llame o envíe un mensaje de texto al <a href="tel:988">988</a> (marque 2 para español), o llame al <a href="tel:911">911</a> en caso de emergencia.',
    pages: {
      'reach-out': {
        title: 'Comuníquese con nosotros',
        description: 'Cuéntele al consultorio cómo comunicarse con usted y qué busca.',
        noscript: ES_NEEDS_SCRIPT,
      },
      intake: {
        title: 'Cuestionario de admisión',
        description: 'Las preguntas de admisión del consultorio, respondidas en privado.',
        noscript: ES_NEEDS_SCRIPT,
      },
      partner: {
        title: 'La invitación de su pareja',
        description: 'Responda el cuestionario para parejas que su pareja le envió.',
        noscript: ES_NEEDS_SCRIPT,
      },
      paperwork: {
        title: 'Documentos para firmar',
        description: 'Lea y firme los documentos que le envió el consultorio.',
        noscript:
          'Esta página necesita JavaScript para firmar sus documentos. Por favor, actívelo o comuníquese con el consultorio por teléfono o por correo electrónico.',
      },
      book: {
        title: 'Reserve una primera conversación',
        description: 'Elija un horario para una primera conversación con el consultorio.',
        noscript:
          'Esta página necesita JavaScript para mostrar los horarios disponibles. Por favor, actívelo o comuníquese con el consultorio por teléfono o por correo electrónico.',
      },
      'embed-frame': {
        title: 'Comuníquese con nosotros',
        noscript:
          'Este formulario necesita JavaScript para enviar su mensaje. Por favor, actívelo o comuníquese con el consultorio por teléfono o por correo electrónico.',
      },
    },
  },
};

/**
 * The language a page is served in, by the pages' own rule (`pageLanguage`, shared with
 * their script): `?lang=` when it names one of ours, else `Accept-Language`, else English.
 */
export function servedLanguage(url: string, acceptLanguage: string | undefined): Language {
  return pageLanguage(url.includes('?') ? url.slice(url.indexOf('?')) : '', acceptLanguage);
}

/** Text for HTML content or a double-quoted attribute (the pages' heads, their meta tags). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The entry HTML of `page` in `language`. Throws when a mark is left, so a page that
 * would show one fails at start, not in front of a client.
 */
export function withPageHead(html: string, page: PageWithHead, language: Language): string {
  const heads = PAGE_HEADS[language];
  const head = heads.pages[page];
  const texts: Record<keyof typeof HEAD_PLACEHOLDERS, string> = {
    lang: language,
    title: escapeHtml(head.title),
    description: escapeHtml(head.description ?? ''),
    noscript: escapeHtml(head.noscript),
    crisisLabel: escapeHtml(heads.crisisLabel),
    crisisLine: heads.crisisLineHtml,
  };
  let written = html;
  for (const [name, mark] of Object.entries(HEAD_PLACEHOLDERS)) {
    written = written.replaceAll(mark, texts[name as keyof typeof HEAD_PLACEHOLDERS]);
  }
  const left = /__RI_[A-Z_]+__/.exec(written);
  if (left) throw new Error(`The ${page} page's HTML has a mark with no text: ${left[0]}`);
  return written;
}
