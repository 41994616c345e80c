import type { PageWordKey } from './en';

/**
 * The public pages and the embed in Spanish: written as a practice writes to a new
 * client, warm and with `usted`, in the words of the Spanish emails
 * (src/vocabulary/client-words.ts) and validation messages.
 */
export const ES: Record<PageWordKey, string> = {
  'frame.privacy':
    'Lo que envíe llega directamente al consultorio por una conexión cifrada y se mantiene en privado. Nada de lo que escriba aquí se comparte con nadie más.',
  'language.switch': 'Idioma',
  'leave.label': 'Salir rápidamente de este sitio',
  'leave.hint': '¿Necesita salir rápido? Pulse Esc dos veces, o',
  'leave.button': 'Salir de este sitio',
  'crisis.line.label': 'Ayuda en caso de crisis',
  'crisis.line':
    '¿Está pasando por una crisis? Llame o envíe un mensaje de texto al <call988>988</call988> (marque 2 para español), o llame al <call911>911</call911> en caso de emergencia.',
  'crisis.title': 'Si está pensando en quitarse la vida, por favor busque ayuda ahora mismo',
  'crisis.intro':
    'No tiene que esperar a que le llamemos. Estos servicios atienden de día y de noche:',
  'reference.quote':
    'Su número de referencia es <strong>{reference}</strong>. Por favor, menciónelo si llama o escribe al consultorio.',

  'field.optional': ' (opcional)',
  'field.errorPrefix': 'Error: ',
  'field.honeypot': 'Deje este campo vacío',
  'field.phoneHint': 'Por ejemplo: (503) 555-0142',
  'field.chooseAll': 'Marque todas las que correspondan.',
  'field.yes': 'Sí',
  'field.no': 'No',
  'error.consentContact':
    'Por favor, marque esta casilla para que el consultorio pueda comunicarse con usted.',
  'error.captchaPending':
    'Por favor, espere a que termine la verificación de seguridad y vuelva a enviar.',
  'error.requiredChoice': 'Por favor, elija una respuesta.',
  'error.requiredCheckbox': 'Por favor, marque esta casilla para continuar.',
  'error.required': 'Por favor, complete este campo.',
  'summary.fields': 'Por favor, revise estas respuestas',
  'summary.notSent': 'Sus respuestas no se enviaron',
  'submit.sending': 'Enviando…',
  'submit.status': 'Enviando sus respuestas…',
  'submit.send': 'Enviar',
  'submit.sendAnswers': 'Enviar mis respuestas',
  'captcha.label': 'Verificación de seguridad',
  'captcha.ready': 'Verificación de seguridad completada.',
  'captcha.failed':
    'La verificación de seguridad no se pudo cargar. Aun así puede enviar el formulario: el consultorio lo revisará personalmente antes de responder.',
  'captcha.waiting':
    'Esta breve verificación nos protege del correo no deseado automático. Puede completarse sola.',

  'failure.offline':
    'No pudimos comunicarnos con el consultorio. Revise su conexión: sus respuestas siguen aquí y puede enviarlas de nuevo.',
  'failure.invalid': 'Hay respuestas que necesitan un cambio antes de poder enviarse.',
  'failure.conflict':
    'Esta página ya envió otras respuestas. Vuelva a cargar la página para empezar un formulario nuevo.',
  'failure.gone': 'Este enlace ha vencido o ya se usó.',
  'failure.tooLarge':
    'Sus respuestas son demasiado largas para enviarlas. Por favor, acorte las más extensas.',
  'failure.tooMany':
    '{minutes, plural, one {Se enviaron demasiados formularios desde aquí hace un momento. Por favor, inténtelo de nuevo en # minuto.} other {Se enviaron demasiados formularios desde aquí hace un momento. Por favor, inténtelo de nuevo en # minutos.}}',
  'failure.tooManySoon':
    'Se enviaron demasiados formularios desde aquí hace un momento. Por favor, inténtelo de nuevo en unos minutos.',
  'failure.server':
    'Algo salió mal de nuestro lado. Sus respuestas siguen aquí: por favor, inténtelo de nuevo en un momento.',
  'failure.other': 'La solicitud no se pudo completar ({status}).',

  'contact.name': 'Su nombre',
  'contact.email': 'Su correo electrónico',
  'contact.phone': 'Su número de teléfono',
  'contact.preferred': '¿Cómo prefiere que nos comuniquemos con usted?',
  'contact.service': '¿Qué tipo de ayuda busca?',
  'contact.state': 'El estado donde vive',
  'contact.stateHint':
    'Los terapeutas solo pueden atender a clientes de los estados donde tienen licencia.',
  'contact.chooseState': 'Elija un estado',
  'contact.message': '¿Qué le gustaría contarnos?',
  'contact.messageHint':
    'Unas palabras sobre lo que le trae aquí. Puede dejar fuera todo lo que prefiera contar en persona.',
  'contact.messageHintShort': 'Unas palabras sobre lo que le trae aquí.',
  'contact.referral': '¿Cómo supo de nosotros?',
  'contact.consent':
    'Acepto que el consultorio se comunique conmigo sobre esta consulta y he leído cómo protege mi información.',
  'contact.consentLabel': 'Consentimiento',
  'contact.consentContact': 'Consentimiento para comunicarse con usted',
  'option.service.individual': 'Terapia individual',
  'option.service.couples': 'Terapia de pareja',
  'option.service.family': 'Terapia familiar',
  'option.service.other': 'Otra cosa',
  'option.contact.email': 'Correo electrónico',
  'option.contact.phone': 'Llamada telefónica',
  'option.contact.text': 'Mensaje de texto',

  'reachOut.title': 'Comuníquese con nosotros',
  'reachOut.lead':
    'Cuéntenos un poco sobre lo que busca y cómo podemos comunicarnos con usted. Todo lo que escriba llega solo al consultorio.',
  'reachOut.formTitle': 'Su mensaje para el consultorio',
  'reachOut.thanksTitle': 'Gracias',
  'reachOut.thanks': 'Gracias por comunicarse con nosotros',
  'reachOut.received':
    'Hemos recibido su mensaje y nos pondremos en contacto con usted muy pronto. También le enviamos un correo electrónico de confirmación.',
  'reachOut.continue':
    '¿Quiere ahorrar tiempo en su primera conversación? <link>Responda ahora el cuestionario de admisión {form, select, couples {para parejas} individual {individual} other {{form}}}</link> (unos 10 minutos).',

  'intake.title': 'Cuestionario de admisión',
  'intake.loading': 'Cargando las preguntas…',
  'intake.missingTitle': 'Cuestionario no encontrado',
  'intake.missing': 'No encontramos este cuestionario',
  'intake.missingText':
    'No hay ningún cuestionario de admisión en esta dirección. Revise el enlace que recibió o, si lo prefiere, <link>comuníquese con el consultorio</link>.',
  'intake.failed': 'No pudimos cargar las preguntas',
  'load.checkConnection': 'Revise su conexión y vuelva a intentarlo.',
  'load.retry': 'Intentar de nuevo',
  'intake.leadCouple':
    'Cada uno responde por su cuenta. Cuando envíe esto, le mandaremos a su pareja un enlace privado con sus propias preguntas. Ninguno de los dos verá las respuestas del otro.',
  'intake.lead':
    'Estas preguntas nos ayudan a encontrar al terapeuta adecuado para usted. Solo el consultorio ve sus respuestas.',
  'intake.allRequired':
    'Todas las preguntas necesitan respuesta, salvo las marcadas como opcionales.',
  'intake.resumed': 'Sus respuestas guardadas ya están aquí. Revíselas y continúe.',
  'intake.resumeFailed':
    'Ese enlace ya no abre respuestas guardadas: venció, o las respuestas se guardaron de nuevo o se enviaron. Puede empezar de nuevo aquí.',
  'intake.continues': 'Esto continúa su mensaje <strong>{reference}</strong>.',
  'intake.thanks': 'Gracias, hemos recibido sus respuestas',
  'intake.partnerInvited':
    'Le enviamos a su pareja un enlace privado a <strong>{email}</strong>. Se puede usar una sola vez, hasta el {until}. Su pareja no verá sus respuestas, ni usted verá las suyas.',
  'intake.inTouch': 'Una persona del consultorio se pondrá en contacto con usted muy pronto.',
  'intake.partner': 'Su pareja',
  'intake.partnerName': 'El nombre de su pareja',
  'intake.partnerEmail': 'El correo electrónico de su pareja',
  'intake.partnerEmailHint':
    'Le enviaremos un enlace privado para que responda por su cuenta. Se puede usar una sola vez, durante 14 días.',
  'questions.private': 'Privado: su pareja nunca ve esta respuesta.',
  'questions.privateSection':
    'Solo el consultorio ve sus respuestas en esta parte; su pareja nunca las ve.',
  'questions.safety': 'Su pareja nunca ve estas respuestas. Solo las ve el consultorio.',
  'questions.aboutYou': 'Sobre usted',
  'questions.dateOfBirth': 'Fecha de nacimiento',
  'questions.pronouns': 'Sus pronombres',
  'questions.pronounsHint': 'Por ejemplo: ella, él o elle',
  'questions.consent': 'Consentimiento',
  'questions.telehealth': 'También me sirven las sesiones por video.',
  'questions.telehealthLabel': 'Sesiones por video',

  'sign.heading': 'Documentos para firmar',
  'sign.hint':
    'Por favor, lea cada documento. Para firmarlo, marque «Acepto» y escriba su nombre completo tal como lo indicó arriba.',
  'sign.agree': 'Acepto «{title}»',
  'sign.name': 'Su nombre completo, como firma',
  'sign.nameLabel': '{title}: su nombre',

  'draft.title': '¿Necesita una pausa?',
  'draft.offer':
    'Podemos enviarle por correo un enlace para terminar más tarde. No se guarda nada en este dispositivo.',
  'draft.open': 'Guardar y terminar más tarde',
  'draft.saved':
    'Enviamos un enlace a <strong>{email}</strong>. Abre sus respuestas hasta el {until}. Si guarda de nuevo, recibirá un enlace nuevo. Ya puede cerrar esta página.',
  'draft.explain':
    'Le enviamos por correo un enlace que abre sus respuestas durante 7 días. No se guarda nada en este dispositivo. Use una dirección que solo usted pueda leer.',
  'draft.email': 'Enviar el enlace a',
  'draft.emailMissing': 'Escriba el correo electrónico al que debemos enviar el enlace.',
  'draft.emailInvalid': 'Escriba un correo electrónico, por ejemplo nombre@ejemplo.com.',
  'draft.cannotSave':
    'Algunas respuestas no se pueden guardar tal como están. Revise las respuestas marcadas en el formulario, o envíelas ahora.',
  'draft.saving': 'Guardando…',
  'draft.send': 'Enviarme el enlace',

  'link.unknownTitle': 'Enlace no reconocido',
  'link.unknown': 'No reconocemos este enlace',
  'link.unknownText':
    'Compruebe que abrió el enlace completo del correo; algunos programas de correo cortan los enlaces largos. Si aun así no funciona, comuníquese con el consultorio.',
  'link.usedTitle': 'Enlace vencido o ya usado',
  'link.used': 'Este enlace ha vencido o ya se usó',

  'partner.title': 'Su invitación',
  'partner.loading': 'Abriendo su invitación…',
  'partner.failed': 'No pudimos abrir su invitación',
  'partner.usedText':
    'Cada enlace para la pareja se puede usar una sola vez y durante 14 días. Si todavía no ha respondido, comuníquese con el consultorio y pida un enlace nuevo; si lo tiene, mencione el número de referencia de su pareja.',
  'partner.lead':
    '{inviter} le pidió que responda estas preguntas para su primera conversación con el consultorio. Sus respuestas son privadas: {inviter} nunca las ve.',
  'partner.until':
    'Este enlace se puede usar una sola vez, hasta el {until}. Todas las preguntas necesitan respuesta, salvo las marcadas como opcionales.',
  'partner.thanksText':
    'El consultorio ya tiene las respuestas de los dos y se pondrá en contacto con ustedes muy pronto. {inviter} no ve lo que usted escribió.',

  'paperwork.loading': 'Abriendo sus documentos…',
  'paperwork.failed': 'No pudimos abrir sus documentos',
  'paperwork.usedText':
    'Cada enlace para firmar documentos se puede usar una sola vez y durante 14 días. Si todavía queda algo por firmar, comuníquese con el consultorio y pida un enlace nuevo.',
  'paperwork.thanksTitle': 'Gracias',
  'paperwork.thanks': 'Gracias, sus documentos están firmados',
  'paperwork.thanksText':
    'El consultorio ya tiene sus documentos firmados. Ya puede cerrar esta página.',
  'paperwork.nothingTitle': 'Nada que firmar',
  'paperwork.nothing': 'No queda nada por firmar',
  'paperwork.nothingText':
    'Todo lo que el consultorio le pidió ya está firmado. Ya puede cerrar esta página.',
  'paperwork.lead':
    'El consultorio le pide que lea y firme los documentos de abajo. Este enlace se puede usar una sola vez, hasta el {until}.',
  'paperwork.yours': 'Sus documentos',
  'paperwork.sign': 'Firmar',

  'book.title': 'Reserve una primera conversación',
  'book.loading': 'Buscando los horarios disponibles…',
  'book.goneTitle': 'Enlace vencido',
  'book.gone': 'Este enlace para reservar ha vencido',
  'book.goneText':
    'Los enlaces para reservar son válidos durante 14 días. El consultorio se comunicará con usted para buscar un horario.',
  'book.failed': 'No pudimos cargar los horarios disponibles',
  'book.waitingForPartner':
    'Estamos esperando las respuestas de su pareja. Cuando los dos hayan respondido, esta página mostrará los horarios disponibles.',
  'book.noTimes':
    'En este momento no hay horarios para reservar en línea. El consultorio se comunicará con usted para buscar un horario que le convenga.',
  'book.chooseFirst': 'Primero elija un horario.',
  'book.taken':
    'Alguien acaba de reservar ese horario. La lista ahora muestra los horarios que siguen libres.',
  'book.failedToBook': 'No pudimos reservar ese horario. Revise su conexión y vuelva a intentarlo.',
  'book.zone': 'Los horarios se muestran en su zona horaria: <strong>{zone}</strong>.',
  'book.openTimes': 'Horarios disponibles',
  'book.slot': '{from} – {to} con {clinician}',
  'book.submit': 'Reservar este horario',
  'book.cancelFailed': 'No pudimos cancelarla. Por favor, comuníquese con el consultorio.',
  'book.bookedTitle': 'Su consulta',
  'book.booked': 'Su consulta está reservada',
  'book.bookedText':
    '{day}, {time} ({zone}), con {clinician}. Le enviamos por correo una invitación para su calendario.',
  'book.cancel': 'Cancelar esta consulta',

  'embed.heading': 'Comuníquese con nosotros',
  'embed.notSent': 'Su mensaje no se envió',
  'embed.sendingStatus': 'Enviando su mensaje…',
  'embed.thanks':
    'Gracias por comunicarse con nosotros. Hemos recibido su mensaje y nos pondremos en contacto con usted muy pronto.',
};

/** The states, territories and DC whose Spanish names differ from the English ones. */
export const ES_STATE_NAMES: Readonly<Record<string, string>> = {
  DC: 'Distrito de Columbia',
  HI: 'Hawái',
  LA: 'Luisiana',
  MI: 'Míchigan',
  MS: 'Misisipi',
  MO: 'Misuri',
  NH: 'Nuevo Hampshire',
  NJ: 'Nueva Jersey',
  NM: 'Nuevo México',
  NY: 'Nueva York',
  NC: 'Carolina del Norte',
  ND: 'Dakota del Norte',
  OR: 'Oregón',
  PA: 'Pensilvania',
  SC: 'Carolina del Sur',
  SD: 'Dakota del Sur',
  WV: 'Virginia Occidental',
  AS: 'Samoa Americana',
  MP: 'Islas Marianas del Norte',
  VI: 'Islas Vírgenes de los Estados Unidos',
};
