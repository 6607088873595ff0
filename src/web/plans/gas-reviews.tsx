import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Table,
  Textarea,
} from 'suomifi-ui-components';
import { gasTScore } from '../../modules/plans/gas.ts';
import { useCan } from '../auth/session.tsx';
import type { Messages } from '../i18n/fi.ts';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, formatDateTime, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { GAS_SCALE_KEYS, LEVEL_OF } from './draft.ts';
import { featureFormErrors } from './errors.ts';
import { type Plan, useRecordReview } from './queries.ts';

const ID = 'gas-review';

/** A T-score with one decimal, the Finnish way in every language (50,0 / 50.0 by the language). */
export function formatScore(t: Messages, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return t.plans.common.decimal(value.toFixed(1));
}

export function formatChange(t: Messages, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const text = formatScore(t, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** What a T-score says in words: below, as or above what was expected. */
export function tScoreMeaning(t: Messages, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded < 50
    ? t.plans.gas.belowExpected
    : rounded > 50
      ? t.plans.gas.aboveExpected
      : t.plans.gas.asExpected;
}

/** GAS at the reviews: the attained level of each goal, the T-score and its change from the baseline. */
export function GasReviewsSection({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const g = t.plans.gas;
  const can = useCan();
  const [open, setOpen] = useState(false);
  const latest = plan.reviews[0];

  return (
    <Section
      title={g.title}
      data-qa="gas-reviews"
      id="gas-reviews"
      actions={
        can('plan.review') &&
        plan.goals.length > 0 &&
        !open && (
          <Button variant="secondary" onClick={() => setOpen(true)} data-qa="gas-review-open">
            {g.record}
          </Button>
        )
      }
    >
      <div className="gas-explanation" data-qa="gas-explanation">
        <Paragraph mb="s">{g.explanation}</Paragraph>
        <Paragraph mb="m">{g.explanationBaseline}</Paragraph>
      </div>
      <dl className="data-list gas-figures">
        <dt>{g.baselineTScore}</dt>
        <dd data-qa="gas-baseline-t">
          {plan.baselineTScore === null ? '–' : formatScore(t, plan.baselineTScore)}
        </dd>
        {latest && (
          <>
            <dt>{g.latestTScore(formatDate(latest.reviewDate))}</dt>
            <dd data-qa="gas-latest-t">
              {`${formatScore(t, latest.tScore)} (${tScoreMeaning(t, latest.tScore)}). `}
              {g.changeFromBaseline(formatChange(t, latest.change))}
            </dd>
          </>
        )}
      </dl>
      {plan.reviews.length === 0 ? (
        <Paragraph mb="m" data-qa="gas-no-reviews">
          {g.noReviews}
        </Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="gas-review-table">
          <Table
            caption={g.caption}
            columns={[
              { key: 'date', labelText: g.reviewDate },
              { key: 'levels', labelText: g.levelsColumn },
              { key: 'tScore', labelText: g.tScore },
              { key: 'baseline', labelText: g.baselineTScore },
              { key: 'change', labelText: g.change },
              { key: 'recorded', labelText: g.recorded },
            ]}
            data={plan.reviews.map((r) => ({
              id: r.id,
              date: <span className="nowrap">{formatDate(r.reviewDate)}</span>,
              levels: r.attainments
                .map((a) => {
                  const i = plan.goals.findIndex((x) => x.id === a.goalId);
                  const name = i < 0 ? g.removedGoal : t.plans.plan.goalN(i + 1);
                  return `${name}: ${a.level > 0 ? `+${a.level}` : a.level < 0 ? `−${-a.level}` : '0'}`;
                })
                .join('; '),
              tScore: <span data-qa="gas-review-t">{formatScore(t, r.tScore)}</span>,
              baseline: formatScore(t, r.baselineTScore),
              change: <span data-qa="gas-review-change">{formatChange(t, r.change)}</span>,
              recorded: `${formatDateTime(r.recordedAt, t)}, ${r.recordedBy}`,
            }))}
          />
        </div>
      )}
      {open && <GasReviewForm plan={plan} onDone={() => setOpen(false)} />}
    </Section>
  );
}

function GasReviewForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useI18n();
  const g = t.plans.gas;
  const flash = useFlash();
  const record = useRecordReview(plan.caseId, plan.id);
  const [reviewDate, setReviewDate] = useState(
    isoToFinnish(plan.nextReviewDate && plan.nextReviewDate <= todayIso() ? plan.nextReviewDate : todayIso()),
  );
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const allScored = plan.goals.every((x) => levels[x.id] !== undefined);
  const preview = allScored
    ? gasTScore(plan.goals.map((x) => ({ level: levels[x.id] ?? 0, weight: x.weight })))
    : null;

  function label(field: string): string {
    const m = /^attainments\.(\d+)/.exec(field);
    if (m) return t.plans.plan.goalN(Number(m[1]) + 1);
    if (field === 'reviewDate') return g.reviewDate;
    if (field === 'note') return g.note;
    return g.levelsColumn;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const iso = finnishToIso(reviewDate);
    if (!reviewDate.trim()) fields.reviewDate = t.errors.issues.required;
    else if (!iso) fields.reviewDate = t.errors.issues.invalid_date;
    plan.goals.forEach((x, i) => {
      if (levels[x.id] === undefined) fields[`attainments.${i}`] = g.chooseLevel;
    });
    if (Object.keys(fields).length > 0 || !iso) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    record.mutate(
      {
        planVersion: plan.version,
        reviewDate: iso,
        attainments: plan.goals.map((x) => ({ goalId: x.id, level: levels[x.id] ?? 0 })),
        note,
      },
      {
        onSuccess: (review) => {
          flash(g.recordedFlash(formatScore(t, review.tScore)));
          onDone();
        },
        onError: (error) => setErrors(featureFormErrors(t, error)),
      },
    );
  }

  return (
    <form className="subpanel" onSubmit={submit} noValidate data-qa="gas-review-form">
      <Heading variant="h3" ref={headingRef} tabIndex={-1} mb="s">
        {g.formTitle}
      </Heading>
      <Paragraph mb="m">{g.formIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <DateField
        id={fieldId(ID, 'reviewDate')}
        label={g.reviewDate}
        value={reviewDate}
        onChange={setReviewDate}
        error={errors.fields.reviewDate}
        data-qa="gas-review-date"
      />
      {plan.goals.map((goal, i) => (
        <RadioButtonGroup
          key={goal.id}
          id={fieldId(ID, `attainments.${i}`)}
          name={`gas-${goal.id}`}
          labelText={`${t.plans.plan.goalN(i + 1)}: ${goal.text}`}
          groupHintText={g.levelHint}
          value={levels[goal.id] === undefined ? undefined : String(levels[goal.id])}
          onChange={(v) => setLevels((l) => ({ ...l, [goal.id]: Number(v) }))}
          groupStatus={errors.fields[`attainments.${i}`] ? 'error' : 'default'}
          groupStatusText={errors.fields[`attainments.${i}`]}
          mt="l"
          data-qa="gas-review-goal"
        >
          {[...GAS_SCALE_KEYS].reverse().map((k) => (
            <RadioButton key={k} value={String(LEVEL_OF[k])} data-qa={`gas-level-${LEVEL_OF[k]}`}>
              {`${g.levelNumber[k]} ${g.levels[k]}: ${goal.scale[k]}`}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      ))}
      <div className="gas-preview" aria-live="polite" data-qa="gas-preview">
        {preview === null ? (
          <p>{g.previewEmpty}</p>
        ) : (
          <p>
            {g.preview(formatScore(t, preview), formatScore(t, plan.baselineTScore))}{' '}
            {tScoreMeaning(t, preview)}
          </p>
        )}
      </div>
      <Textarea
        id={fieldId(ID, 'note')}
        labelText={g.note}
        optionalText={t.common.optional}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        fullWidth
        mt="m"
        data-qa="gas-review-note"
      />
      <div className="button-row">
        <Button type="submit" disabled={record.isPending} data-qa="gas-review-save">
          {record.isPending ? t.common.saving : g.save}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
