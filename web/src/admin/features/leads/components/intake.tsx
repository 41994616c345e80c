import type { IntakeView } from '../../../../api/types';
import type { FormDefinition, Question } from '../../../../lib/form-definition';
import { ErrorNotice, Loading } from '../../../components/ui';
import { formatDate } from '../../../words';
import { Time } from '../../../components/time';
import { useFormVersion } from '../api';
import { CoupleChart } from './couple-chart';
import { t, tRich } from '../../../i18n/t';

export function Intake({ intake }: { intake: IntakeView }) {
  const { loaded } = useFormVersion(intake.formSlug, intake.formVersion);
  const couples = intake.formSlug === 'couples';
  const partnerB = intake.respondents.find((r) => r.partner === 'B');
  return (
    <section aria-labelledby={`intake-${intake.id}`} className="card">
      <h2 id={`intake-${intake.id}`}>
        {t(couples ? 'leads.intake.couplesHeading' : 'leads.intake.heading')}{' '}
        <span className="reference">{intake.reference}</span>
      </h2>
      <p>
        {tRich('leads.intake.received', { time: <Time iso={intake.receivedAt} /> })}{' '}
        {intake.status !== 'awaiting_partner'
          ? tRich('leads.intake.complete', { time: <Time iso={intake.completedAt} /> })
          : intake.partnerInvitation
            ? t('leads.intake.awaitingInvited', {
                name: intake.partnerInvitation.name,
                invited: formatDate(intake.partnerInvitation.invitedAt),
                expires: formatDate(intake.partnerInvitation.expiresAt),
              })
            : t('leads.intake.awaiting')}
      </p>
      {intake.respondents.some((r) => r.result) ? (
        <>
          <h3>{t('leads.intake.results')}</h3>
          <CoupleChart respondents={intake.respondents} coupleResult={intake.coupleResult} />
          {couples && !partnerB ? (
            <p className="muted">{t('leads.intake.partnerBMissing')}</p>
          ) : null}
        </>
      ) : null}
      <h3>{t('leads.intake.respondents')}</h3>
      <dl className="facts">
        {intake.respondents.map((r) => (
          <div key={r.partner}>
            <dt>
              {couples
                ? t('leads.intake.partner', { partner: r.partner })
                : t('leads.intake.client')}
            </dt>
            <dd>
              {r.name}, <a href={`mailto:${r.email}`}>{r.email}</a>
              {r.phone ? `, ${r.phone}` : ''}
              {r.pronouns ? ` (${r.pronouns})` : ''}
              {r.dateOfBirth ? t('leads.intake.born', { date: r.dateOfBirth }) : ''}
            </dd>
          </div>
        ))}
      </dl>
      <details className="answers">
        <summary>{t('leads.intake.answers')}</summary>
        {loaded.state === 'loading' ? <Loading what={t('leads.intake.questionsLoading')} /> : null}
        {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
        {loaded.state === 'ready' ? <Answers form={loaded.value} intake={intake} /> : null}
      </details>
    </section>
  );
}

function Answers({ form, intake }: { form: FormDefinition; intake: IntakeView }) {
  const respondents = intake.respondents;
  return (
    <>
      {form.sections.map((section) => (
        <div key={section.id} className="answer-section">
          <h4>{section.title}</h4>
          <div className="table-wrap">
            <table className="data-table answers-table">
              <thead>
                <tr>
                  <th scope="col">{t('leads.intake.question')}</th>
                  {respondents.map((r) => (
                    <th scope="col" key={r.partner}>
                      {respondents.length > 1
                        ? t('leads.intake.partner', { partner: r.partner })
                        : t('leads.intake.answer')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.questions.map((question) => (
                  <tr key={question.id}>
                    <th scope="row">
                      {question.label}
                      {question.private ? (
                        <span className="muted">{t('leads.intake.private')}</span>
                      ) : null}
                    </th>
                    {respondents.map((r) => (
                      <td key={r.partner}>{answerText(question, r.answers[question.id])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}

/** An answer in words: option labels, yes/no, "5 of 7". */
export function answerText(question: Question, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const label = (v: unknown) =>
    question.options?.find((option) => option.value === v)?.label ?? String(v);
  switch (question.type) {
    case 'yesno':
      return value === true
        ? t('leads.intake.yes')
        : value === false
          ? t('leads.intake.no')
          : String(value);
    case 'scale':
      return t('leads.intake.scale', { value: String(value), max: question.max ?? 7 });
    case 'single':
      return label(value);
    case 'multi':
      return Array.isArray(value) ? value.map(label).join(', ') : String(value);
    default:
      return String(value);
  }
}
