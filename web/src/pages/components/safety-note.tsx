import { usePageWords } from '../i18n/page-language';

/** The line beside the couples form's safety questions (docs/api.md#leaving-safely). */
export function SafetyNote() {
  const { t } = usePageWords();
  return <p className="section-note">{t('questions.safety')}</p>;
}
