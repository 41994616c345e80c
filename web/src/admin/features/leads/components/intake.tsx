import type { IntakeView } from '../../../../api/types';
import type { FormDefinition, Question } from '../../../../lib/form-definition';
import { ErrorNotice, Loading } from '../../../components/ui';
import { formatDate } from '../../../words';
import { Time } from '../../../components/time';
import { useFormVersion } from '../api';
import { CoupleChart } from './couple-chart';

export function Intake({ intake }: { intake: IntakeView }) {
  const { loaded } = useFormVersion(intake.formSlug, intake.formVersion);
  const couples = intake.formSlug === 'couples';
  const partnerB = intake.respondents.find((r) => r.partner === 'B');
  return (
    <section aria-labelledby={`intake-${intake.id}`} className="card">
      <h2 id={`intake-${intake.id}`}>
        {couples ? "The couple's intake" : 'Intake'}{' '}
        <span className="reference">{intake.reference}</span>
      </h2>
      <p>
        Received <Time iso={intake.receivedAt} />.{' '}
        {intake.status === 'awaiting_partner' ? (
          `Awaiting partner B${intake.partnerInvitation ? ` (${intake.partnerInvitation.name}, invited ${formatDate(intake.partnerInvitation.invitedAt)}, link valid until ${formatDate(intake.partnerInvitation.expiresAt)})` : ''}.`
        ) : (
          <>
            Complete <Time iso={intake.completedAt} />.
          </>
        )}
      </p>
      {intake.respondents.some((r) => r.result) ? (
        <>
          <h3>Results</h3>
          <CoupleChart respondents={intake.respondents} coupleResult={intake.coupleResult} />
          {couples && !partnerB ? (
            <p className="muted">Partner B has not answered yet; the chart shows partner A.</p>
          ) : null}
        </>
      ) : null}
      <h3>Respondents</h3>
      <dl className="facts">
        {intake.respondents.map((r) => (
          <div key={r.partner}>
            <dt>{couples ? `Partner ${r.partner}` : 'Client'}</dt>
            <dd>
              {r.name}, <a href={`mailto:${r.email}`}>{r.email}</a>
              {r.phone ? `, ${r.phone}` : ''}
              {r.pronouns ? ` (${r.pronouns})` : ''}
              {r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <details className="answers">
        <summary>Answers</summary>
        {loaded.state === 'loading' ? <Loading what="the questions" /> : null}
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
                  <th scope="col">Question</th>
                  {respondents.map((r) => (
                    <th scope="col" key={r.partner}>
                      {respondents.length > 1 ? `Partner ${r.partner}` : 'Answer'}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.questions.map((question) => (
                  <tr key={question.id}>
                    <th scope="row">
                      {question.label}
                      {question.private ? <span className="muted"> (private)</span> : null}
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
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'scale':
      return `${String(value)} of ${question.max ?? 7}`;
    case 'single':
      return label(value);
    case 'multi':
      return Array.isArray(value) ? value.map(label).join(', ') : String(value);
    default:
      return String(value);
  }
}
