/** Urgency rules shared by every submission (docs/survey.md#urgency). No framework code here. */
import type { Language } from './languages.js';

export const URGENCIES = ['routine', 'high', 'crisis'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CRISIS_PHRASES = [
  'suicide',
  'suicidal',
  'kill myself',
  'end my life',
  'want to die',
  'hurt myself',
  'self-harm',
  'self harm',
  'overdose',
] as const;

export interface CrisisResource {
  readonly name: string;
  readonly contact: string;
}

export const CRISIS_RESOURCES: readonly CrisisResource[] = [
  { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' },
  { name: 'Emergency services', contact: 'Call 911' },
];

/**
 * The same places in each language of the public pages. Spanish callers of the 988
 * line press 2 for a Spanish-speaking counselor; 911 answers in Spanish through an
 * interpreter.
 */
export const CRISIS_RESOURCES_BY_LANGUAGE: Record<Language, readonly CrisisResource[]> = {
  en: CRISIS_RESOURCES,
  es: [
    {
      name: '988 Línea de Prevención del Suicidio y Crisis',
      contact: 'Llame o envíe un mensaje de texto al 988 (marque 2 para español)',
    },
    { name: 'Servicios de emergencia', contact: 'Llame al 911' },
  ],
};

/** What a public answer carries when a submission suggests crisis: `{ resources }`, else nothing. */
export function crisisResourcesIf(
  crisis: boolean,
  language: Language = 'en',
): { resources?: CrisisResource[] } {
  return crisis
    ? { resources: CRISIS_RESOURCES_BY_LANGUAGE[language].map((resource) => ({ ...resource })) }
    : {};
}

/**
 * True when free text contains a crisis phrase, case-insensitively. Runs of white space
 * count as one space, so a line break inside "kill\nmyself" still matches.
 */
export function textSuggestsCrisis(text: string | undefined | null): boolean {
  if (!text) return false;
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');
  return CRISIS_PHRASES.some((phrase) => folded.includes(phrase));
}

export function urgencyRank(urgency: Urgency): number {
  return URGENCIES.indexOf(urgency);
}

/** The highest of the given urgencies; `routine` when none is given. */
export function highestUrgency(...urgencies: Urgency[]): Urgency {
  return urgencies.reduce<Urgency>(
    (highest, next) => (urgencyRank(next) > urgencyRank(highest) ? next : highest),
    'routine',
  );
}
