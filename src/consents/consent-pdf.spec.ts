import { describe, expect, it } from '@jest/globals';
import {
  renderConsentPdf,
  signatureBlockLines,
  signedFileName,
  zonedWords,
} from './consent-pdf.js';

/** The text drawn in an uncompressed PDF of standard fonts: each TJ's hex strings, decoded. */
function drawnText(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)].map((match) =>
    [...match[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1'))
      .join(''),
  );
}

const facts = {
  slug: 'informed-consent',
  version: 3,
  title: 'Informed consent',
  body: '# About sessions\n\nSessions last fifty minutes.\n\n- Fees are due weekly',
  textSha256: 'a'.repeat(64),
  signedName: 'Alex Rivera',
  signedAt: new Date('2026-12-05T01:02:03Z'),
  timeZone: 'America/Los_Angeles',
  language: 'en' as const,
};

describe('the PDF of a signed document', () => {
  it('gives the time in the practice’s zone and in UTC', () => {
    expect(zonedWords(facts.signedAt, facts.timeZone)).toBe(
      '2026-12-04 17:02 (America/Los_Angeles)',
    );
    expect(signatureBlockLines(facts)).toEqual([
      'Signed by: Alex Rivera',
      'Signed at: 2026-12-04 17:02 (America/Los_Angeles); 2026-12-05 01:02 UTC',
      'Document: informed-consent, version 3',
      `SHA-256 of the signed text: ${'a'.repeat(64)}`,
    ]);
  });

  it('says so when the name was erased', () => {
    expect(signatureBlockLines({ ...facts, signedName: null })[0]).toBe('Signed by: (erased)');
  });

  it('draws the title, the body blocks and the signature block, hash in its metadata', async () => {
    const pdf = await renderConsentPdf(facts);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = drawnText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'Informed consent',
        'About sessions',
        'Sessions last fifty minutes.',
        'Signature',
        'Signed by: Alex Rivera',
        'Document: informed-consent, version 3',
      ]),
    );
    expect(text.some((line) => line.includes('Fees are due weekly'))).toBe(true);
    expect(text.indexOf('About sessions')).toBeLessThan(text.indexOf('Signed by: Alex Rivera'));
    expect(pdf.toString('latin1')).toContain(`(sha256:${'a'.repeat(64)})`);
  });

  it('a Spanish document has its headings, signature block and file name in Spanish', async () => {
    const spanish = {
      ...facts,
      title: 'Consentimiento informado',
      body: 'Las sesiones duran cincuenta minutos.',
      language: 'es' as const,
    };
    expect(signatureBlockLines(spanish)).toEqual([
      'Firmado por: Alex Rivera',
      'Fecha y hora de la firma: 2026-12-04 17:02 (America/Los_Angeles); 2026-12-05 01:02 UTC',
      'Documento: informed-consent, versión 3',
      `SHA-256 del texto firmado: ${'a'.repeat(64)}`,
    ]);
    expect(signatureBlockLines({ ...spanish, signedName: null })[0]).toBe('Firmado por: (borrado)');
    const text = drawnText(await renderConsentPdf(spanish));
    expect(text).toEqual(expect.arrayContaining(['Firma', 'Firmado por: Alex Rivera']));
    expect(text.some((line) => /^(Signature|Signed|Document:)/.test(line))).toBe(false);
    expect(signedFileName('informed-consent', 3, 'es')).toBe('informed-consent-v3-firmado.pdf');
    expect(signedFileName('informed-consent', 3, 'en')).toBe('informed-consent-v3-signed.pdf');
  });

  it('is the same file for the same signature', async () => {
    expect((await renderConsentPdf(facts)).equals(await renderConsentPdf(facts))).toBe(true);
  });
});
