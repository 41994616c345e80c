import { formatMessage } from '../common/i18n.js';
import { CLIENT_WORDS, type ClientWordKey } from '../vocabulary/client-words.js';
import type { Language } from '../vocabulary/languages.js';
import { type MarkdownBlock, markdownBlocks } from '../vocabulary/markdown-blocks.js';

/** What a signed document's PDF shows. */
export interface SignedDocumentFacts {
  slug: string;
  version: number;
  title: string;
  body: string;
  textSha256: string;
  /** Null once erased. */
  signedName: string | null;
  signedAt: Date;
  /** The practice's IANA time zone, for the local time beside UTC. */
  timeZone: string;
  /** The document's language: the PDF's own headings follow it. */
  language: Language;
}

/** One of the PDF's fixed words, in the document's language. */
function pdfWords(
  language: Language,
  key: ClientWordKey,
  values: Record<string, string | number> = {},
): string {
  return formatMessage(language, CLIENT_WORDS[language][key], values);
}

/** The file name of a signed document's PDF, in its language: `informed-consent-v3-signed.pdf`. */
export function signedFileName(slug: string, version: number, language: Language): string {
  return pdfWords(language, 'pdf.fileName', { slug, version: String(version) });
}

/** "2026-12-05 01:02 UTC". */
export function utcWords(when: Date): string {
  return `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-12-04 17:02 (America/Los_Angeles)". */
export function zonedWords(when: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(when)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

/** The signature block's lines, in order, in the document's language. */
export function signatureBlockLines(facts: SignedDocumentFacts): string[] {
  const say = (key: ClientWordKey, values: Record<string, string> = {}) =>
    pdfWords(facts.language, key, values);
  return [
    say('pdf.signedBy', { name: facts.signedName ?? say('pdf.erased') }),
    say('pdf.signedAt', {
      local: zonedWords(facts.signedAt, facts.timeZone),
      utc: utcWords(facts.signedAt),
    }),
    say('pdf.document', { slug: facts.slug, version: String(facts.version) }),
    say('pdf.sha256', { hash: facts.textSha256 }),
  ];
}

const HEADING_SIZES: Record<1 | 2 | 3, number> = { 1: 16, 2: 14, 3: 12 };

/**
 * The PDF of one signed document: title, body (headings, paragraphs, lists) and the
 * signature block. Written uncompressed, with the document and its hash in the PDF's
 * own metadata (Title, Subject, Keywords), so a reader (or a test) can check it without
 * a PDF library.
 */
export async function renderConsentPdf(facts: SignedDocumentFacts): Promise<Buffer> {
  // Loaded at the first PDF, not at boot: pdfkit and its fonts hold ~7 MB of memory.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    compress: false,
    info: {
      Title: facts.title,
      Subject: `${facts.slug} version ${facts.version}`,
      Keywords: `sha256:${facts.textSha256}`,
      // Fixed, so the same signature always gives the same file.
      CreationDate: facts.signedAt,
      ModDate: facts.signedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(18).text(facts.title);
  pdf.moveDown();
  for (const block of markdownBlocks(facts.body)) drawBlock(pdf, block);
  pdf.moveDown();
  pdf.font('Helvetica-Bold').fontSize(12).text(pdfWords(facts.language, 'pdf.signature'));
  pdf.font('Helvetica').fontSize(10);
  for (const line of signatureBlockLines(facts)) pdf.text(line);
  pdf.end();
  return done;
}

function drawBlock(pdf: PDFKit.PDFDocument, block: MarkdownBlock): void {
  switch (block.kind) {
    case 'heading':
      pdf
        .moveDown(0.5)
        .font('Helvetica-Bold')
        .fontSize(HEADING_SIZES[block.level])
        .text(block.text);
      pdf.moveDown(0.3);
      return;
    case 'paragraph':
      pdf.font('Helvetica').fontSize(11).text(block.text, { paragraphGap: 6 });
      return;
    case 'list':
      pdf.font('Helvetica').fontSize(11);
      block.items.forEach((item, index) => {
        pdf.text(`${block.ordered ? `${index + 1}.` : '•'} ${item}`, {
          indent: 14,
          paragraphGap: 2,
        });
      });
      pdf.moveDown(0.5);
      return;
  }
}
