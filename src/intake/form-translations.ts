/**
 * The published forms in other languages than English: a text catalogue per language and
 * form, keyed by what the text belongs to, so ids, types, options and rules exist once
 * (in the English definition) and a translation cannot change them. Keys:
 * `title`, `section.<id>`, `q.<id>`, `q.<id>.minLabel`, `q.<id>.maxLabel`,
 * `q.<id>.option.<value>`. `form-translations.spec.ts` fails when a published form has a
 * text without its translation, or a translation has a key no form uses.
 * No framework code here.
 */
import type { Language } from '../vocabulary/languages.js';
import { LANGUAGES } from '../vocabulary/languages.js';
import type { FormDefinition, Question } from './form-definition.js';

export type FormTexts = Readonly<Record<string, string>>;

const agreement = { minLabel: 'Totalmente en desacuerdo', maxLabel: 'Totalmente de acuerdo' };
const scaleTexts = (id: string, label: string): Record<string, string> => ({
  [`q.${id}`]: label,
  [`q.${id}.minLabel`]: agreement.minLabel,
  [`q.${id}.maxLabel`]: agreement.maxLabel,
});
const CRISIS_NOW_ES =
  '¿En las últimas dos semanas ha tenido pensamientos de quitarse la vida o de hacerle daño a alguien?';

const COUPLES_ES: FormTexts = {
  title: 'Cuestionario de admisión para parejas',
  'section.relationship': 'Sobre la relación',
  'q.rel_length': '¿Cuánto tiempo llevan juntos?',
  'q.rel_length.option.lt1y': 'Menos de un año',
  'q.rel_length.option.1to3y': 'De 1 a 3 años',
  'q.rel_length.option.3to10y': 'De 3 a 10 años',
  'q.rel_length.option.gt10y': 'Más de 10 años',
  'q.rel_status': '¿Qué describe mejor su relación?',
  'q.rel_status.option.dating': 'Somos novios',
  'q.rel_status.option.living_together': 'Vivimos juntos',
  'q.rel_status.option.engaged': 'Estamos comprometidos',
  'q.rel_status.option.married': 'Estamos casados',
  'q.rel_status.option.separated': 'Estamos separados',
  'q.rel_status.option.other': 'Otra situación',
  'q.rel_prior_therapy': '¿Han ido antes a terapia de pareja?',
  'q.rel_goals': '¿En qué les gustaría trabajar?',
  'q.rel_goals.option.communication': 'La comunicación',
  'q.rel_goals.option.conflict': 'Los conflictos',
  'q.rel_goals.option.trust_affair': 'La confianza o una infidelidad',
  'q.rel_goals.option.intimacy': 'La intimidad',
  'q.rel_goals.option.parenting': 'La crianza de los hijos',
  'q.rel_goals.option.life_transition': 'Un cambio importante en la vida',
  'q.rel_goals.option.deciding_future': 'Decidir nuestro futuro',
  'q.rel_goals.option.other': 'Otra cosa',
  'q.rel_story': 'En sus propias palabras, ¿qué le trae aquí en este momento?',
  'section.attachment': 'Cómo se siente en su relación',
  ...scaleTexts(
    'anx1',
    'Me preocupa que yo no le importe a mi pareja tanto como mi pareja me importa a mí.',
  ),
  ...scaleTexts(
    'anx2',
    'Cuando mi pareja está lejos o no sé de ella, me preocupa que pierda el interés en mí.',
  ),
  ...scaleTexts('anx3', 'Casi nunca me preocupa que mi pareja me deje.'),
  ...scaleTexts('anx4', 'Necesito que mi pareja me confirme a menudo que me quiere.'),
  ...scaleTexts(
    'anx5',
    'Cuando mi pareja no me responde pronto, siento inquietud hasta tener noticias.',
  ),
  ...scaleTexts('anx6', 'Tengo la certeza de que mi pareja estará ahí cuando la necesite.'),
  ...scaleTexts('avd1', 'Prefiero no mostrarle a mi pareja lo que siento en el fondo.'),
  ...scaleTexts('avd2', 'Me resulta fácil apoyarme en mi pareja.'),
  ...scaleTexts('avd3', 'Me incomoda cuando mi pareja quiere estar muy cerca de mí.'),
  ...scaleTexts(
    'avd4',
    'Cuando las cosas se ponen tensas, me alejo y necesito espacio antes de poder hablar.',
  ),
  ...scaleTexts('avd5', 'Cuando algo me molesta, lo hablo con mi pareja.'),
  ...scaleTexts('avd6', 'Siento amenazada mi independencia cuando mi pareja necesita mucho de mí.'),
  'section.cycle': 'Cuando no están de acuerdo',
  ...scaleTexts(
    'cyc_pursue',
    'Cuando no estamos de acuerdo, suelo ser yo quien insiste en seguir hablándolo.',
  ),
  ...scaleTexts(
    'cyc_withdraw',
    'Cuando no estamos de acuerdo, suelo ser yo quien guarda silencio o se va de la habitación.',
  ),
  'section.safety': 'Su seguridad',
  'q.saf_afraid': '¿Alguna vez siente miedo de su pareja?',
  'q.saf_harmed':
    'En los últimos 12 meses, ¿su pareja le ha golpeado, empujado, estrangulado o amenazado, o le ha obligado a hacer algo sexual que usted no quería?',
  'q.saf_speak':
    '¿Siente que puede decir sin peligro lo que realmente piensa en una sesión con su pareja presente?',
  'q.crisis_now': CRISIS_NOW_ES,
};

const INDIVIDUAL_ES: FormTexts = {
  title: 'Cuestionario de admisión individual',
  'section.concerns': 'Qué le trae aquí',
  'q.ind_concerns': '¿Con qué le gustaría recibir ayuda?',
  'q.ind_concerns.option.anxiety': 'Ansiedad o preocupación',
  'q.ind_concerns.option.depression': 'Tristeza o depresión',
  'q.ind_concerns.option.relationships': 'Relaciones',
  'q.ind_concerns.option.grief': 'Duelo o pérdida',
  'q.ind_concerns.option.trauma': 'Trauma',
  'q.ind_concerns.option.stress': 'Estrés o agotamiento',
  'q.ind_concerns.option.life_transition': 'Un cambio importante en la vida',
  'q.ind_concerns.option.other': 'Otra cosa',
  'q.ind_goals': '¿Qué le gustaría que fuera diferente después de la terapia?',
  'q.ind_prior_therapy': '¿Ha ido a terapia antes?',
  'section.practical': 'Detalles prácticos',
  'q.ind_availability': '¿Cuándo podría asistir normalmente?',
  'q.ind_availability.option.weekday_morning': 'Entre semana, por la mañana',
  'q.ind_availability.option.weekday_afternoon': 'Entre semana, por la tarde',
  'q.ind_availability.option.weekday_evening': 'Entre semana, al final del día',
  'q.ind_availability.option.weekend': 'Los fines de semana',
  'q.ind_session_format': '¿Cómo le gustaría tener las sesiones?',
  'q.ind_session_format.option.in_person': 'En persona',
  'q.ind_session_format.option.telehealth': 'Por video',
  'q.ind_session_format.option.either': 'Cualquiera de las dos',
  'q.ind_payment': '¿Cómo le gustaría pagar?',
  'q.ind_payment.option.insurance': 'Con seguro médico',
  'q.ind_payment.option.self_pay': 'Pago por cuenta propia',
  'q.ind_payment.option.sliding_scale': 'Tarifa reducida según ingresos, si está disponible',
  'q.ind_payment.option.unsure': 'Todavía no lo sé',
  'q.ind_insurer': 'Compañía de seguro médico, si tiene',
  'section.safety': 'Su seguridad',
  'q.crisis_now': CRISIS_NOW_ES,
};

/** The catalogues by language and form slug; English is the definition itself. */
export const FORM_TEXTS: Record<Exclude<Language, 'en'>, Record<string, FormTexts>> = {
  es: { couples: COUPLES_ES, individual: INDIVIDUAL_ES },
};

/** Every text key a definition has, in the order a reader meets them. */
export function textKeysOf(form: FormDefinition): string[] {
  const questionKeys = (question: Question) => [
    `q.${question.id}`,
    ...(question.minLabel !== undefined ? [`q.${question.id}.minLabel`] : []),
    ...(question.maxLabel !== undefined ? [`q.${question.id}.maxLabel`] : []),
    ...(question.options ?? []).map((option) => `q.${question.id}.option.${option.value}`),
  ];
  return [
    'title',
    ...form.sections.flatMap((section) => [
      `section.${section.id}`,
      ...section.questions.flatMap(questionKeys),
    ]),
  ];
}

/**
 * The definition with its texts in `language`: the same ids, types, options and rules.
 * A text the catalogue lacks stays English (the unit test keeps that from shipping).
 */
export function formIn(
  form: FormDefinition,
  language: Language,
): FormDefinition & { lang: Language; languages: Language[] } {
  const texts: FormTexts = language === 'en' ? {} : (FORM_TEXTS[language][form.slug] ?? {});
  const say = (key: string, english: string) => texts[key] ?? english;
  return {
    ...form,
    title: say('title', form.title),
    sections: form.sections.map((section) => ({
      ...section,
      title: say(`section.${section.id}`, section.title),
      questions: section.questions.map((question) => ({
        ...question,
        label: say(`q.${question.id}`, question.label),
        ...(question.minLabel !== undefined
          ? { minLabel: say(`q.${question.id}.minLabel`, question.minLabel) }
          : {}),
        ...(question.maxLabel !== undefined
          ? { maxLabel: say(`q.${question.id}.maxLabel`, question.maxLabel) }
          : {}),
        ...(question.options
          ? {
              options: question.options.map((option) => ({
                ...option,
                label: say(`q.${question.id}.option.${option.value}`, option.label),
              })),
            }
          : {}),
      })),
    })),
    lang: language,
    languages: [...LANGUAGES],
  };
}
