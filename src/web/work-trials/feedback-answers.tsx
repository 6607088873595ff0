import { Table } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import type { Feedback } from './queries.ts';

/** The supervisor's answers: each area's score in words, and what the supervisor wrote. */
export function FeedbackAnswers({ feedback, caption }: { feedback: Feedback; caption: string }) {
  const t = useT();
  const e = t.employment;
  return (
    <div className="table-wrapper" data-qa="feedback-answers" data-kind={feedback.kind}>
      <Table
        caption={caption}
        columns={[
          { key: 'item', labelText: e.feedback.columns.item },
          { key: 'score', labelText: e.feedback.columns.score },
          { key: 'note', labelText: e.feedback.columns.note },
        ]}
        data={[
          ...feedback.items.map((i) => ({
            id: i.item,
            item: e.feedbackItems[i.item],
            score: (
              <span data-qa={`feedback-score-${i.item}`}>
                {i.score === null ? e.feedback.cannotAssess : e.feedback.scale(i.score)}
              </span>
            ),
            note: i.note || '–',
          })),
          ...(feedback.overallNote
            ? [{ id: 'overall', item: e.feedback.overall, score: '', note: feedback.overallNote }]
            : []),
        ]}
      />
    </div>
  );
}
