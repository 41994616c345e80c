import type { Language } from './languages.js';

/**
 * The words a client or partner reads in an email, as ICU MessageFormat, one catalogue
 * per language with the same keys (a unit test fails on a missing one). The public
 * pages share the keys that say the same thing (`crisis.*`, `reference.*`). Spanish is
 * written as a practice writes to a new client: warm, and with `usted`.
 */
const ENGLISH = {
  'mail.greeting': 'Hello,',
  'mail.signature.phone': 'Phone: {phone}',
  'mail.signature.email': 'Email: {email}',
  'mail.signature.website': 'Web: {website}',
  'mail.acknowledgement.subject': 'We received your message ({reference})',
  'mail.acknowledgement.thanks':
    'Thank you for reaching out. We have received your message and someone from our team will contact you soon.',
  'reference.mention': 'Your reference is {reference}. Please mention it if you call us.',
  'mail.acknowledgement.booking':
    'If you like, you can choose a time for a first conversation now. The link works for 14 days.',
  'mail.acknowledgement.bookingLink': 'Book a first conversation',
  'crisis.mail':
    'If you are in crisis or thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline) now, or call 911 in an emergency.',
  'mail.invitation.subject': '{practice}: you are invited to complete an intake',
  'mail.invitation.asked':
    '{inviter} has asked {practice} about couples therapy and named you as their partner.',
  'mail.invitation.private':
    'Each partner answers a short questionnaire privately: your answers are never shown to your partner.',
  'mail.invitation.until': 'This link works once and until {until}.',
  'mail.invitation.link': 'Start your questionnaire',
  'mail.resume.subject': '{practice}: your saved answers',
  'mail.resume.saved':
    "Someone saved answers to {practice}'s intake questions to finish later, and gave this address for the link.",
  'mail.resume.until':
    'The link below opens them until {until}. Saving again sends a new link and this one stops working; sending the answers deletes the saved copy.',
  'mail.resume.notYou':
    'If this was not you, you do not need to do anything: the answers are deleted when the link expires.',
  'mail.resume.link': 'Continue your answers',
  'mail.referral.subject': '{practice}: places that may help you',
  'mail.referral.opening':
    'Thank you for reaching out to us. We are sorry that we are not able to offer you the care you are looking for right now. We do not want to leave you without somewhere to turn.',
  'mail.referral.withResources': 'These services may be a good fit for you:',
  'mail.referral.withoutResources':
    'Your doctor, your insurance, or a local directory of therapists can help you find someone who is a good fit.',
  'mail.referral.crisis':
    'If you are in crisis or thinking about harming yourself, please reach out now, day or night:',
  'mail.referral.closing': 'We wish you well.',
  'mail.referral.phone': 'Phone',
  'mail.referral.website': 'Web',
} as const;

export type ClientWordKey = keyof typeof ENGLISH;

export const CLIENT_WORDS: Record<Language, Record<ClientWordKey, string>> = {
  en: ENGLISH,
  es: {
    'mail.greeting': 'Hola:',
    'mail.signature.phone': 'Teléfono: {phone}',
    'mail.signature.email': 'Correo electrónico: {email}',
    'mail.signature.website': 'Sitio web: {website}',
    'mail.acknowledgement.subject': 'Hemos recibido su mensaje ({reference})',
    'mail.acknowledgement.thanks':
      'Gracias por comunicarse con nosotros. Hemos recibido su mensaje y una persona de nuestro equipo se pondrá en contacto con usted muy pronto.',
    'reference.mention':
      'Su número de referencia es {reference}. Por favor, menciónelo si nos llama.',
    'mail.acknowledgement.booking':
      'Si lo desea, ya puede elegir un horario para una primera conversación. El enlace es válido durante 14 días.',
    'mail.acknowledgement.bookingLink': 'Reservar una primera conversación',
    'crisis.mail':
      'Si está pasando por una crisis o piensa en hacerse daño, llame o envíe un mensaje de texto al 988 (Línea de Prevención del Suicidio y Crisis; marque 2 para español) ahora mismo, o llame al 911 en caso de emergencia.',
    'mail.invitation.subject': '{practice}: le invitamos a completar un cuestionario de admisión',
    'mail.invitation.asked':
      '{inviter} se ha comunicado con {practice} para pedir información sobre terapia de pareja y le ha nombrado a usted como su pareja.',
    'mail.invitation.private':
      'Cada miembro de la pareja responde un breve cuestionario en privado: su pareja nunca verá sus respuestas.',
    'mail.invitation.until': 'Este enlace se puede usar una sola vez, hasta el {until}.',
    'mail.invitation.link': 'Comenzar su cuestionario',
    'mail.resume.subject': '{practice}: sus respuestas guardadas',
    'mail.resume.saved':
      'Alguien guardó respuestas al cuestionario de admisión de {practice} para terminarlo más tarde y dio esta dirección para recibir el enlace.',
    'mail.resume.until':
      'El enlace de abajo las abre hasta el {until}. Si guarda de nuevo, recibirá un enlace nuevo y este dejará de funcionar; al enviar las respuestas, la copia guardada se elimina.',
    'mail.resume.notYou':
      'Si no fue usted, no tiene que hacer nada: las respuestas se eliminan cuando vence el enlace.',
    'mail.resume.link': 'Continuar con sus respuestas',
    'mail.referral.subject': '{practice}: lugares que pueden ayudarle',
    'mail.referral.opening':
      'Gracias por comunicarse con nosotros. Lamentamos no poder ofrecerle en este momento la atención que busca, y no queremos dejarle sin un lugar a dónde acudir.',
    'mail.referral.withResources': 'Estos servicios podrían ser una buena opción para usted:',
    'mail.referral.withoutResources':
      'Su médico, su seguro médico o un directorio local de terapeutas pueden ayudarle a encontrar a alguien adecuado para usted.',
    'mail.referral.crisis':
      'Si está pasando por una crisis o piensa en hacerse daño, por favor busque ayuda ahora mismo, de día o de noche:',
    'mail.referral.closing': 'Le deseamos lo mejor.',
    'mail.referral.phone': 'Teléfono',
    'mail.referral.website': 'Sitio web',
  },
};

/** A date a client reads in an email: `2026-12-19` in English, `19 de diciembre de 2026` in Spanish. */
export function dateForClient(language: Language, date: Date): string {
  if (language === 'en') return date.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
