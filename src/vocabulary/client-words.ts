import type { Language } from './languages.js';

/**
 * The words a client or partner reads in an email (and in the calendar invitation and the
 * signed PDFs it carries), as ICU MessageFormat, one catalogue
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
  'mail.consultation.confirmation.subject': '{practice}: your consultation is booked',
  'mail.consultation.confirmation.booked':
    'Your first conversation with {clinician} of {practice} is booked for {when}.',
  'mail.consultation.confirmation.calendar':
    'The invitation attached adds it to your calendar. You can cancel it, or choose another time, with the link below.',
  'mail.consultation.reminder.subject': '{practice}: your consultation is tomorrow',
  'mail.consultation.reminder.on':
    'A reminder: your first conversation with {clinician} of {practice} is on {when}.',
  'mail.consultation.reminder.cancel':
    'If you cannot make it, please cancel with the link below so we can offer the time to someone else.',
  'mail.consultation.cancellation.subject': '{practice}: your consultation is cancelled',
  'mail.consultation.cancellation.cancelled':
    'Your consultation with {clinician} on {when} is cancelled.',
  'mail.consultation.cancellation.again':
    'You can choose another time with the link below, or wait for us to contact you.',
  'mail.consultation.manageLink': 'Manage your booking',
  'mail.consultation.againLink': 'Choose another time',
  'calendar.consultation.summary': 'Consultation with {practice}',
  'calendar.consultation.description':
    'A first conversation with {clinician} of {practice}. To cancel or choose another time, use the link in the email this invitation came with.',
  'mail.paperwork.subject': '{practice}: documents to sign before we begin',
  'mail.paperwork.asks':
    '{practice} asks you to read and sign a few documents before we begin working together.',
  'mail.paperwork.until': 'This link works once and until {until}.',
  'mail.paperwork.notExpected': 'If you did not expect this email, you can ignore it.',
  'mail.paperwork.link': 'Read and sign',
  'pdf.signature': 'Signature',
  'pdf.signedBy': 'Signed by: {name}',
  'pdf.erased': '(erased)',
  'pdf.signedAt': 'Signed at: {local}; {utc}',
  'pdf.document': 'Document: {slug}, version {version}',
  'pdf.sha256': 'SHA-256 of the signed text: {hash}',
  'pdf.fileName': '{slug}-v{version}-signed.pdf',
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
    'mail.consultation.confirmation.subject': '{practice}: su consulta está reservada',
    'mail.consultation.confirmation.booked':
      'Su primera conversación con {clinician}, de {practice}, quedó reservada para {when}.',
    'mail.consultation.confirmation.calendar':
      'La invitación adjunta la añade a su calendario. Con el enlace de abajo puede cancelarla o elegir otro horario.',
    'mail.consultation.reminder.subject': '{practice}: su consulta es mañana',
    'mail.consultation.reminder.on':
      'Le recordamos que su primera conversación con {clinician}, de {practice}, es {when}.',
    'mail.consultation.reminder.cancel':
      'Si no puede asistir, por favor cancele la cita con el enlace de abajo, así podremos ofrecer ese horario a otra persona.',
    'mail.consultation.cancellation.subject': '{practice}: su consulta ha sido cancelada',
    'mail.consultation.cancellation.cancelled':
      'Su consulta con {clinician}, prevista para {when}, ha sido cancelada.',
    'mail.consultation.cancellation.again':
      'Con el enlace de abajo puede elegir otro horario, o si lo prefiere, esperar a que nos comuniquemos con usted.',
    'mail.consultation.manageLink': 'Ver o cambiar su cita',
    'mail.consultation.againLink': 'Elegir otro horario',
    'calendar.consultation.summary': 'Consulta con {practice}',
    'calendar.consultation.description':
      'Primera conversación con {clinician}, de {practice}. Para cancelarla o elegir otro horario, use el enlace del correo con el que llegó esta invitación.',
    'mail.paperwork.subject': '{practice}: documentos para firmar antes de comenzar',
    'mail.paperwork.asks':
      '{practice} le pide que lea y firme algunos documentos antes de que comencemos a trabajar juntos.',
    'mail.paperwork.until': 'Este enlace se puede usar una sola vez, hasta el {until}.',
    'mail.paperwork.notExpected': 'Si no esperaba este correo, puede ignorarlo.',
    'mail.paperwork.link': 'Leer y firmar',
    'pdf.signature': 'Firma',
    'pdf.signedBy': 'Firmado por: {name}',
    'pdf.erased': '(borrado)',
    'pdf.signedAt': 'Fecha y hora de la firma: {local}; {utc}',
    'pdf.document': 'Documento: {slug}, versión {version}',
    'pdf.sha256': 'SHA-256 del texto firmado: {hash}',
    'pdf.fileName': '{slug}-v{version}-firmado.pdf',
  },
};

/** A date a client reads in an email: `2026-12-19` in English, `19 de diciembre de 2026` in Spanish. */
export function dateForClient(language: Language, date: Date): string {
  if (language === 'en') return date.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A moment a client reads in an email, to the minute and in UTC (a link's end):
 * `2026-12-19 10:00 UTC` in English, `19 de diciembre de 2026 a las 10:00 (UTC)` in Spanish.
 */
export function momentForClient(language: Language, moment: Date): string {
  const time = moment.toISOString().slice(11, 16);
  if (language === 'en') return `${moment.toISOString().slice(0, 10)} ${time} UTC`;
  const article = moment.getUTCHours() === 1 ? 'a la' : 'a las';
  return `${dateForClient(language, moment)} ${article} ${time} (UTC)`;
}
