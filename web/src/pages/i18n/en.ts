/**
 * The fixed words of the public pages and the embed, in English, as ICU MessageFormat
 * (intl-messageformat). Every other language has the same keys with the same arguments
 * (i18n.spec.ts fails otherwise). `<strong>…</strong>` and `<link>…</link>` are tags the
 * page fills with its own element. Keys that say what an email says share its prefix
 * (`crisis.*`, `reference.*`, as in src/vocabulary/client-words.ts).
 */
export const EN = {
  // The page frame
  'frame.privacy':
    'What you send goes straight to the practice over an encrypted connection and is kept private. Nothing you write here is shared with anyone else.',
  'language.switch': 'Language',
  'leave.label': 'Leave this site quickly',
  'leave.hint': 'Need to leave quickly? Press Esc twice, or',
  'leave.button': 'Leave this site',
  'crisis.line.label': 'Crisis support',
  'crisis.line':
    'In crisis? Call or text <call988>988</call988>, or call <call911>911</call911> in an emergency.',
  'crisis.title': 'If you are thinking about ending your life, please reach out now',
  'crisis.intro': 'You do not have to wait for us. These services answer day and night:',
  'reference.quote':
    'Your reference is <strong>{reference}</strong>. Quote it if you call or write to the practice.',

  // Fields and errors
  'field.optional': ' (optional)',
  'field.errorPrefix': 'Error: ',
  'field.honeypot': 'Leave this field empty',
  'field.phoneHint': 'For example (503) 555-0142',
  'field.chooseAll': 'Choose all that apply.',
  'field.yes': 'Yes',
  'field.no': 'No',
  'error.consentContact': 'Please tick this box so the practice may contact you.',
  'error.captchaPending': 'Please wait for the security check to complete, then send again.',
  'error.requiredChoice': 'Please choose an answer.',
  'error.requiredCheckbox': 'Please tick this box to continue.',
  'error.required': 'Please fill this in.',
  'summary.fields': 'Please check these answers',
  'summary.notSent': 'Your answers were not sent',
  'submit.sending': 'Sending…',
  'submit.status': 'Sending your answers…',
  'submit.send': 'Send',
  'submit.sendAnswers': 'Send my answers',
  'captcha.label': 'Security check',
  'captcha.ready': 'Security check complete.',
  'captcha.failed':
    'The security check could not load. You can still send the form: the practice will check it by hand before replying.',
  'captcha.waiting': 'This quick check keeps automated spam out. It may complete by itself.',

  // Why a submission did not go through
  'failure.offline':
    'We could not reach the practice. Check your connection: your answers are still here, so you can send them again.',
  'failure.invalid': 'Some answers need a change before they can be sent.',
  'failure.conflict':
    'This page already sent different answers. Reload the page to start a new form.',
  'failure.gone': 'This link has expired or was already used.',
  'failure.tooLarge': 'Your answers are too long to send. Please shorten the longest ones.',
  'failure.tooMany':
    '{minutes, plural, one {Too many forms were sent from here just now. Please try again in # minute.} other {Too many forms were sent from here just now. Please try again in # minutes.}}',
  'failure.tooManySoon':
    'Too many forms were sent from here just now. Please try again in a few minutes.',
  'failure.server':
    'Something went wrong on our side. Your answers are still here: please try again in a moment.',
  'failure.other': 'The request failed ({status}).',

  // The contact details every form asks for
  'contact.name': 'Your name',
  'contact.email': 'Your email',
  'contact.phone': 'Your phone number',
  'contact.preferred': 'How should we contact you?',
  'contact.service': 'What are you looking for?',
  'contact.state': 'The state you live in',
  'contact.stateHint':
    'Clinicians can only work with clients in the states where they are licensed.',
  'contact.chooseState': 'Choose a state',
  'contact.message': 'What would you like us to know?',
  'contact.messageHint':
    'A few words about what brings you here. Please leave out anything you would rather say in person.',
  'contact.messageHintShort': 'A few words about what brings you here.',
  'contact.referral': 'How did you hear about us?',
  'contact.consent':
    'I agree that the practice may contact me about this, and I have read how it keeps my information private.',
  'contact.consentLabel': 'Consent',
  'contact.consentContact': 'Consent to be contacted',
  'option.service.individual': 'Individual therapy',
  'option.service.couples': 'Couples therapy',
  'option.service.family': 'Family therapy',
  'option.service.other': 'Something else',
  'option.contact.email': 'Email',
  'option.contact.phone': 'Phone call',
  'option.contact.text': 'Text message',

  // /reach-out
  'reachOut.title': 'Reach out',
  'reachOut.lead':
    'Tell us a little about what you are looking for and how to reach you. Everything you write goes only to the practice.',
  'reachOut.formTitle': 'Your message to the practice',
  'reachOut.thanksTitle': 'Thank you',
  'reachOut.thanks': 'Thank you for reaching out',
  'reachOut.received':
    'We have your message and will be in touch soon. We have also sent you an email to confirm.',
  'reachOut.continue':
    'Want to save time at your first conversation? <link>Answer the {form, select, couples {couples} individual {individual} other {{form}}} intake questions now</link> (about 10 minutes).',

  // The intake and partner forms
  'intake.title': 'Intake form',
  'intake.loading': 'Loading the questions…',
  'intake.missingTitle': 'Form not found',
  'intake.missing': 'We could not find this form',
  'intake.missingText':
    'There is no intake form at this address. Check the link you were given, or <link>reach out to the practice</link> instead.',
  'intake.failed': 'We could not load the questions',
  'load.checkConnection': 'Check your connection, then try again.',
  'load.retry': 'Try again',
  'intake.leadCouple':
    'Each of you answers on your own. When you send this, we email your partner a private link to their own questions. Neither of you sees the other’s answers.',
  'intake.lead':
    'These questions help us find the right clinician for you. Only the practice sees your answers.',
  'intake.allRequired': 'All questions need an answer unless marked optional.',
  'intake.resumed': 'Your saved answers are filled in. Check them, then carry on.',
  'intake.resumeFailed':
    'That link no longer opens saved answers: it expired, or the answers were saved again or sent. You can start again here.',
  'intake.continues': 'This continues your message <strong>{reference}</strong>.',
  'intake.thanks': 'Thank you, your answers are in',
  'intake.partnerInvited':
    'We emailed your partner a private link at <strong>{email}</strong>. It works once, until {until}. Your partner will not see your answers, and you will not see theirs.',
  'intake.inTouch': 'Someone from the practice will be in touch soon.',
  'intake.partner': 'Your partner',
  'intake.partnerName': "Your partner's name",
  'intake.partnerEmail': "Your partner's email",
  'intake.partnerEmailHint':
    'We email them a private link to answer for themselves. It works once, for 14 days.',
  'questions.private': 'Private: your partner never sees this answer.',
  'questions.privateSection':
    'Only the practice sees your answers in this part; your partner never does.',
  'questions.safety': 'Your partner never sees these answers. Only the practice does.',
  'questions.aboutYou': 'About you',
  'questions.dateOfBirth': 'Date of birth',
  'questions.pronouns': 'Your pronouns',
  'questions.pronounsHint': 'For example she/her or they/them',
  'questions.consent': 'Consent',
  'questions.telehealth': 'I am open to sessions by video.',
  'questions.telehealthLabel': 'Sessions by video',

  // Documents to sign
  'sign.heading': 'Documents to sign',
  'sign.hint':
    'Please read each document. To sign it, tick “I agree” and type your full name as you gave it above.',
  'sign.agree': 'I agree to “{title}”',
  'sign.name': 'Your full name, as your signature',
  'sign.nameLabel': '{title}: your name',

  // Save and finish later
  'draft.title': 'Need a break?',
  'draft.offer': 'We can email you a link to finish later. Nothing is kept on this device.',
  'draft.open': 'Save and finish later',
  'draft.saved':
    'We emailed a link to <strong>{email}</strong>. It opens your answers until {until}. Saving again sends a new link. You can close this page.',
  'draft.explain':
    'We email you a link that opens your answers for 7 days. Nothing is kept on this device. Use an address only you can read.',
  'draft.email': 'Email the link to',
  'draft.emailMissing': 'Enter the email address the link should go to.',
  'draft.emailInvalid': 'Enter an email address like name@example.com.',
  'draft.cannotSave':
    'Some answers cannot be saved as they are. Check the answers marked in the form, or send them now.',
  'draft.saving': 'Saving…',
  'draft.send': 'Email me the link',

  // Links sent by email
  'link.unknownTitle': 'Link not recognised',
  'link.unknown': 'We do not recognise this link',
  'link.unknownText':
    'Check that you opened the whole link from the email; some email programs split long links. If it still does not work, contact the practice.',
  'link.usedTitle': 'Link expired or used',
  'link.used': 'This link has expired or was used',

  // The partner page
  'partner.title': 'Your invitation',
  'partner.loading': 'Opening your invitation…',
  'partner.failed': 'We could not open your invitation',
  'partner.usedText':
    'Each partner link works once and for 14 days. If you have not answered yet, contact the practice and ask for a new link, quoting your partner’s reference if you have it.',
  'partner.lead':
    '{inviter} asked you to answer these questions for your first conversation with the practice. Your answers are private: {inviter} never sees them.',
  'partner.until':
    'This link works once, until {until}. All questions need an answer unless marked optional.',
  'partner.thanksText':
    'The practice now has both of your answers and will be in touch soon. {inviter} does not see what you wrote.',

  // Paperwork
  'paperwork.loading': 'Opening your documents…',
  'paperwork.failed': 'We could not open your documents',
  'paperwork.usedText':
    'Each link to sign documents works once and for 14 days. If there is still something to sign, contact the practice and ask for a new link.',
  'paperwork.thanksTitle': 'Thank you',
  'paperwork.thanks': 'Thank you, your documents are signed',
  'paperwork.thanksText': 'The practice has your signed documents. You can close this page.',
  'paperwork.nothingTitle': 'Nothing to sign',
  'paperwork.nothing': 'Nothing left to sign',
  'paperwork.nothingText':
    'Everything the practice asked for is signed already. You can close this page.',
  'paperwork.lead':
    'The practice asks you to read and sign the documents below. This link works once, until {until}.',
  'paperwork.yours': 'Your documents',
  'paperwork.sign': 'Sign',

  // Booking
  'book.title': 'Book a first conversation',
  'book.loading': 'Looking up the open times…',
  'book.goneTitle': 'Link expired',
  'book.gone': 'This booking link has expired',
  'book.goneText': 'Booking links work for 14 days. The practice will contact you to find a time.',
  'book.failed': 'We could not load the open times',
  'book.waitingForPartner':
    'We are waiting for your partner’s answers. Once you have both answered, this page shows the open times.',
  'book.noTimes':
    'There are no times to book online right now. The practice will contact you to find a time that works.',
  'book.chooseFirst': 'Choose a time first.',
  'book.taken': 'That time was just taken. The list now shows the times still open.',
  'book.failedToBook': 'We could not book that time. Check your connection, then try again.',
  'book.zone': 'Times are shown in your time zone: <strong>{zone}</strong>.',
  'book.openTimes': 'Open times',
  'book.slot': '{from} – {to} with {clinician}',
  'book.submit': 'Book this time',
  'book.cancelFailed': 'We could not cancel it. Please contact the practice.',
  'book.bookedTitle': 'Your consultation',
  'book.booked': 'Your consultation is booked',
  'book.bookedText':
    '{day} at {time} ({zone}) with {clinician}. We have emailed you a calendar invitation.',
  'book.cancel': 'Cancel this consultation',

  // The embed and the framed form
  'embed.heading': 'Reach out',
  'embed.notSent': 'Your message was not sent',
  'embed.sendingStatus': 'Sending your message…',
  'embed.thanks': 'Thank you for reaching out. We have your message and will be in touch soon.',
} as const;

export type PageWordKey = keyof typeof EN;
