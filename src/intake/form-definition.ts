/**
 * The shape of a published intake form (docs/api.md#intake-forms). No
 * framework code here. `maxLength` extends the contract for text answers.
 */
export const QUESTION_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'date',
  'single',
  'multi',
  'scale',
  'yesno',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  label: string;
  required: boolean;
  options?: QuestionOption[];
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  maxLength?: number;
  /** Never shown to the other partner. */
  private?: boolean;
}

export interface FormSection {
  id: string;
  title: string;
  questions: Question[];
}

export interface FormDefinition {
  slug: string;
  version: number;
  title: string;
  sections: FormSection[];
}

export function questionsOf(form: FormDefinition): Question[] {
  return form.sections.flatMap((section) => section.questions);
}

/** The service a form is for: its consent documents are the ones required for it. */
export function serviceTypeOfForm(slug: string): 'individual' | 'couples' | 'family' | 'other' {
  return slug === 'couples' || slug === 'family' || slug === 'other' ? slug : 'individual';
}
