import { Heading, Paragraph, Table } from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';
import { formatDate } from '../shared/dates.ts';
import { Section } from '../shared/page.tsx';
import { ASSESSMENT_KEYS, GAS_SCALE_KEYS, LEVEL_OF } from './draft.ts';
import type { Plan } from './queries.ts';

/** The saved plan as it reads: the client's goals with their scales, who does what, the assessment. */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const latestReview = plan.reviews[0];
  const attained = new Map(latestReview?.attainments.map((a) => [a.goalId, a.level]) ?? []);
  const goalName = (id: string) => {
    const i = plan.goals.findIndex((g) => g.id === id);
    return i < 0 ? '' : p.goalN(i + 1);
  };

  return (
    <>
      <Section title={p.goalsTitle} data-qa="plan-goals" id="plan-goals">
        {plan.goals.length === 0 ? (
          <Paragraph>{p.noGoals}</Paragraph>
        ) : (
          <ol className="plan-goal-list">
            {plan.goals.map((g, i) => (
              <li key={g.id} className="plan-goal" data-qa="plan-goal-view">
                <Heading variant="h3" mb="xs">
                  {p.goalN(i + 1)}
                </Heading>
                <p className="plan-goal__text" data-qa="plan-goal-text">
                  “{g.text}”
                </p>
                <dl className="data-list plan-goal__facts">
                  <dt>{p.weight}</dt>
                  <dd data-qa="plan-goal-weight">{g.weight}</dd>
                  <dt>{p.targetDate}</dt>
                  <dd>{formatDate(g.targetDate)}</dd>
                  <dt>{p.baseline}</dt>
                  <dd>{t.plans.gas.levelNumber[g.baseline === -2 ? 'minus2' : 'minus1']}</dd>
                </dl>
                <table className="gas-scale-table">
                  <caption>{p.scaleCaption(i + 1)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.plans.gas.level}</th>
                      <th scope="col">{t.plans.gas.description}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...GAS_SCALE_KEYS].reverse().map((k) => {
                      const level = LEVEL_OF[k];
                      const marks = [
                        level === g.baseline ? t.plans.gas.baselineMark : null,
                        attained.get(g.id) === level ? t.plans.gas.attainedMark : null,
                      ].filter(Boolean);
                      return (
                        <tr key={k} className={level === 0 ? 'gas-scale-table__expected' : undefined}>
                          <th scope="row">
                            <span className="nowrap">{t.plans.gas.levelNumber[k]}</span>{' '}
                            <span className="gas-scale-table__level-name">{t.plans.gas.levels[k]}</span>
                          </th>
                          <td>
                            {g.scale[k]}
                            {marks.length > 0 && <span className="gas-mark"> ({marks.join(', ')})</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={p.actionsTitle} data-qa="plan-actions" id="plan-actions">
        {plan.actions.length === 0 ? (
          <Paragraph>{p.noActions}</Paragraph>
        ) : (
          <div className="table-wrapper" data-qa="plan-actions-table">
            <Table
              caption={p.actionsCaption}
              columns={[
                { key: 'description', labelText: p.actionDescription },
                { key: 'responsible', labelText: p.responsible },
                { key: 'dueDate', labelText: p.dueDate },
                { key: 'status', labelText: t.common.status },
                { key: 'goals', labelText: p.actionGoalsShort },
              ]}
              data={plan.actions.map((a) => ({
                id: a.id,
                description: a.description,
                responsible: [a.responsibleOrganisationName, a.responsibleUserName]
                  .filter(Boolean)
                  .join(', '),
                dueDate: <span className="nowrap">{formatDate(a.dueDate)}</span>,
                status: (
                  <span className={`status status--plan-${a.status}`} data-qa="plan-action-status">
                    {p.statuses[a.status]}
                  </span>
                ),
                goals: a.goalIds.map(goalName).filter(Boolean).join(', ') || '–',
              }))}
            />
          </div>
        )}
      </Section>

      <Section title={p.assessmentTitle} data-qa="plan-assessment" id="plan-assessment">
        <dl className="plan-assessment">
          {ASSESSMENT_KEYS.map((k) => (
            <div key={k}>
              <dt>{p.assessment[k]}</dt>
              <dd className="preserve-lines">{plan.assessment[k] || t.plans.common.notWritten}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title={p.reviewDatesTitle} data-qa="plan-review-dates" id="plan-review-dates">
        {plan.reviewDates.length === 0 ? (
          <Paragraph>{p.noReviewDates}</Paragraph>
        ) : (
          <ul className="plan-date-list">
            {plan.reviewDates.map((d) => (
              <li key={d}>
                {formatDate(d)}
                {d === plan.nextReviewDate && ` (${p.nextReview})`}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
