import {
  answerPath,
  type FormDefinition,
  type Question,
  scalePoints,
} from '../../lib/form-definition';
import type { ControlKind } from '../../lib/messages';
import { US_STATES } from '../../lib/vocabulary';
import { Fragment, type ReactNode } from 'react';
import { CheckboxField, ChoiceGroup, ScaleField, SelectField, TextField } from './fields';
import { SafetyNote } from './safety-note';

const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
] as const;

/** One question of a published form, drawn by its type. */
export function QuestionField({ question, couple }: { question: Question; couple: boolean }) {
  const path = answerPath(question);
  const note =
    couple && question.private ? (
      <span className="private-note">Private: your partner never sees this answer.</span>
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
          hint={question.type === 'phone' ? 'For example (503) 555-0142' : note}
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
          hint={question.type === 'multi' ? 'Choose all that apply.' : undefined}
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
          options={YES_NO}
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
              <p className="section-note">
                Only the practice sees your answers in this part; your partner never does.
              </p>
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

/** The respondent's own details: `client` of an intake or a partner response. */
export function ClientFields() {
  return (
    <section className="form-section" aria-labelledby="section-about-you">
      <h2 id="section-about-you">About you</h2>
      <TextField
        path="client.name"
        label="Your name"
        required
        autoComplete="name"
        maxLength={200}
      />
      <TextField
        path="client.email"
        label="Your email"
        required
        type="email"
        autoComplete="email"
        inputMode="email"
        maxLength={254}
      />
      <TextField
        path="client.phone"
        label="Your phone number"
        hint="For example (503) 555-0142"
        type="tel"
        autoComplete="tel"
        width="short"
      />
      <TextField
        path="client.dateOfBirth"
        label="Date of birth"
        type="date"
        autoComplete="bday"
        width="short"
      />
      <SelectField
        path="client.state"
        label="The state you live in"
        hint="Clinicians can only work with clients in the states where they are licensed."
        options={US_STATES}
        emptyLabel="Choose a state"
        autoComplete="address-level1"
      />
      <TextField
        path="client.pronouns"
        label="Your pronouns"
        hint="For example she/her or they/them"
        maxLength={50}
        width="short"
      />
    </section>
  );
}

/** Agreement to be contacted (required) and to video sessions (optional). */
export function ConsentFields() {
  return (
    <section className="form-section" aria-labelledby="section-consent">
      <h2 id="section-consent">Consent</h2>
      <CheckboxField
        path="consent.contact"
        required
        label="I agree that the practice may contact me about this, and I have read how it keeps my information private."
      />
      <CheckboxField path="consent.telehealth" label="I am open to sessions by video." />
    </section>
  );
}

/** Labels for the error summary: the fields above plus the form's questions. */
export const CLIENT_LABELS: Record<string, string> = {
  client: 'About you',
  'client.name': 'Your name',
  'client.email': 'Your email',
  'client.phone': 'Your phone number',
  'client.dateOfBirth': 'Date of birth',
  'client.state': 'The state you live in',
  'client.pronouns': 'Your pronouns',
  consent: 'Consent',
  'consent.contact': 'Consent to be contacted',
  'consent.telehealth': 'Sessions by video',
};

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
    ...Object.keys(CLIENT_LABELS).filter((path) => path.startsWith('client')),
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
