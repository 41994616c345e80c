import {
  answerPath,
  type FormDefinition,
  type Question,
  scalePoints,
} from '../../lib/form-definition';
import type { ControlKind } from '../../lib/messages';
import { Fragment, type ReactNode } from 'react';
import { usePageWords } from '../i18n/page-language';
import { type PageWords, stateOptions } from '../i18n/words';
import { CheckboxField, ChoiceGroup, ScaleField, SelectField, TextField } from './fields';
import { SafetyNote } from './safety-note';

/** One question of a published form, drawn by its type. */
export function QuestionField({ question, couple }: { question: Question; couple: boolean }) {
  const { t } = usePageWords();
  const path = answerPath(question);
  const note =
    couple && question.private ? (
      <span className="private-note">{t('questions.private')}</span>
    ) : null;
  const options = (question.options ?? []).map((option) => [option.value, option.label] as const);
  switch (question.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'date':
      return (
        <TextField
          path={path}
          label={question.label}
          hint={question.type === 'phone' ? t('field.phoneHint') : note}
          required={question.required}
          type={question.type === 'phone' ? 'tel' : question.type}
          maxLength={question.maxLength}
        />
      );
    case 'textarea':
      return (
        <TextField
          path={path}
          label={question.label}
          hint={note}
          required={question.required}
          maxLength={question.maxLength ?? 5000}
          multiline
        />
      );
    case 'single':
    case 'multi':
      return (
        <ChoiceGroup
          path={path}
          legend={question.label}
          hint={question.type === 'multi' ? t('field.chooseAll') : undefined}
          required={question.required}
          options={options}
          multiple={question.type === 'multi'}
          note={note}
        />
      );
    case 'yesno':
      return (
        <ChoiceGroup
          path={path}
          legend={question.label}
          required={question.required}
          options={[
            ['yes', t('field.yes')],
            ['no', t('field.no')],
          ]}
          inline
          note={note}
        />
      );
    case 'scale':
      return (
        <ScaleField
          path={path}
          legend={question.label}
          points={scalePoints(question)}
          minLabel={question.minLabel}
          maxLabel={question.maxLabel}
          required={question.required}
          note={note}
        />
      );
  }
}

/** Every section of a form, each under its own heading; `afterFirst` after the first one. */
export function FormSections({
  form,
  couple,
  afterFirst,
}: {
  form: FormDefinition;
  couple: boolean;
  afterFirst?: ReactNode;
}) {
  const { t } = usePageWords();
  return (
    <>
      {form.sections.map((section, index) => {
        const allPrivate = section.questions.every((question) => question.private);
        const drawn = (
          <section
            className="form-section"
            key={section.id}
            aria-labelledby={`section-${section.id}`}
          >
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            {couple && section.id === 'safety' ? (
              <SafetyNote />
            ) : couple && allPrivate ? (
              <p className="section-note">{t('questions.privateSection')}</p>
            ) : null}
            {section.questions.map((question) => (
              <QuestionField key={question.id} question={question} couple={couple} />
            ))}
          </section>
        );
        return index === 0 && afterFirst ? (
          <Fragment key={section.id}>
            {drawn}
            {afterFirst}
          </Fragment>
        ) : (
          drawn
        );
      })}
    </>
  );
}

/**
 * How to reach a person: name and email (required) and phone, at `prefix` in the form's
 * values (`client.` in an intake, nothing in the short contact form).
 */
export function ContactFields({ prefix = '' }: { prefix?: '' | 'client.' }) {
  const { t } = usePageWords();
  return (
    <>
      <TextField
        path={`${prefix}name`}
        label={t('contact.name')}
        required
        autoComplete="name"
        maxLength={200}
      />
      <TextField
        path={`${prefix}email`}
        label={t('contact.email')}
        required
        type="email"
        autoComplete="email"
        inputMode="email"
        maxLength={254}
      />
      <TextField
        path={`${prefix}phone`}
        label={t('contact.phone')}
        hint={t('field.phoneHint')}
        type="tel"
        autoComplete="tel"
        width="short"
      />
    </>
  );
}

/** The respondent's own details: `client` of an intake or a partner response. */
export function ClientFields() {
  const words = usePageWords();
  const { t } = words;
  return (
    <section className="form-section" aria-labelledby="section-about-you">
      <h2 id="section-about-you">{t('questions.aboutYou')}</h2>
      <ContactFields prefix="client." />
      <TextField
        path="client.dateOfBirth"
        label={t('questions.dateOfBirth')}
        type="date"
        autoComplete="bday"
        width="short"
      />
      <SelectField
        path="client.state"
        label={t('contact.state')}
        hint={t('contact.stateHint')}
        options={stateOptions(words)}
        emptyLabel={t('contact.chooseState')}
        autoComplete="address-level1"
      />
      <TextField
        path="client.pronouns"
        label={t('questions.pronouns')}
        hint={t('questions.pronounsHint')}
        maxLength={50}
        width="short"
      />
    </section>
  );
}

/** Agreement to be contacted (required) and to video sessions (optional). */
export function ConsentFields() {
  const { t } = usePageWords();
  return (
    <section className="form-section" aria-labelledby="section-consent">
      <h2 id="section-consent">{t('questions.consent')}</h2>
      <CheckboxField path="consent.contact" required label={t('contact.consent')} />
      <CheckboxField path="consent.telehealth" label={t('questions.telehealth')} />
    </section>
  );
}

/** Labels for the error summary: the fields above plus the form's questions. */
export function clientLabels({ t }: PageWords): Record<string, string> {
  return {
    client: t('questions.aboutYou'),
    'client.name': t('contact.name'),
    'client.email': t('contact.email'),
    'client.phone': t('contact.phone'),
    'client.dateOfBirth': t('questions.dateOfBirth'),
    'client.state': t('contact.state'),
    'client.pronouns': t('questions.pronouns'),
    consent: t('questions.consent'),
    'consent.contact': t('contact.consentContact'),
    'consent.telehealth': t('questions.telehealthLabel'),
  };
}

const CLIENT_PATHS = [
  'client',
  'client.name',
  'client.email',
  'client.phone',
  'client.dateOfBirth',
  'client.state',
  'client.pronouns',
];

/** How a field shows "is required": radios and checkboxes read differently from text. */
export function controlKindFor(form: FormDefinition | undefined) {
  const kinds = new Map<string, ControlKind>([
    ['consent.contact', 'checkbox'],
    ['client.state', 'choice'],
  ]);
  for (const section of form?.sections ?? []) {
    for (const question of section.questions) {
      if (['single', 'multi', 'scale', 'yesno'].includes(question.type)) {
        kinds.set(answerPath(question), 'choice');
      }
    }
  }
  return (field: string): ControlKind => kinds.get(field) ?? 'input';
}

/** Every field path in the order the intake and partner pages show them. */
export function fieldOrder(form: FormDefinition, couple: boolean): string[] {
  return [
    ...CLIENT_PATHS,
    ...(couple ? ['partner', 'partner.name', 'partner.email'] : []),
    ...form.sections.flatMap((section) => section.questions.map(answerPath)),
    'consent',
    'consent.contact',
    'consent.telehealth',
  ];
}

/** The fields of `client`, `partner` and `consent` that must not be left empty. */
export function requiredPaths(couple: boolean): string[] {
  return [
    'client.name',
    'client.email',
    ...(couple ? ['partner.name', 'partner.email'] : []),
    'consent.contact',
  ];
}
