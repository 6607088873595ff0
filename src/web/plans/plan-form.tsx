import type { FormEvent } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { type Organisation, useOrganisations } from '../admin/queries.ts';
import type { Messages } from '../i18n/fi.ts';
import { useI18n } from '../i18n/language.tsx';
import { DateField } from '../shared/date-field.tsx';
import { FormErrorSummary, type FormErrors, fieldId, StaleVersionNotice } from '../shared/form.tsx';
import {
  ACTION_STATUSES,
  type ActionDraft,
  type ActionStatus,
  ASSESSMENT_KEYS,
  emptyAction,
  emptyGoal,
  GAS_SCALE_KEYS,
  type GoalDraft,
  NO_PERSON,
  newId,
  type PlanDraft,
} from './draft.ts';
import { useProfessionals } from './queries.ts';

export const PLAN_FORM_ID = 'plan';
const fid = (field: string) => fieldId(PLAN_FORM_ID, field);

interface Props {
  caseId: string;
  /** The case's organisation: a new action is its responsibility until someone chooses otherwise. */
  organisationId: string;
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  errors: FormErrors;
  onSubmit: () => void;
  onCancel?: () => void;
  onReload?: () => void;
  saving: boolean;
  submitText: string;
}

/** The joint plan as a form: the client's goals with their GAS scales, actions, assessment, review dates. */
export function PlanForm({
  caseId,
  organisationId,
  draft,
  onChange,
  errors,
  onSubmit,
  onCancel,
  onReload,
  saving,
  submitText,
}: Props) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const organisations = useOrganisations();
  const activeOrganisations = (organisations.data ?? []).filter(
    (o) => o.active || draft.actions.some((a) => a.responsibleOrganisationId === o.id),
  );

  const setGoal = (i: number, goal: GoalDraft) =>
    onChange({ ...draft, goals: draft.goals.map((g, k) => (k === i ? goal : g)) });
  const setAction = (i: number, action: ActionDraft) =>
    onChange({ ...draft, actions: draft.actions.map((a, k) => (k === i ? action : a)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <>
      <FormErrorSummary errors={errors} idPrefix={PLAN_FORM_ID} label={(f) => planFieldLabel(t, f)}>
        {onReload && <StaleVersionNotice errors={errors} onReload={onReload} />}
      </FormErrorSummary>
      <form onSubmit={submit} noValidate data-qa="plan-form" className="plan-form">
        <section className="panel" aria-labelledby="plan-goals-heading">
          <Heading variant="h2" id="plan-goals-heading" mb="xs">
            {p.goalsTitle}
          </Heading>
          <Paragraph mb="m">{p.goalsIntro}</Paragraph>
          {draft.goals.map((goal, i) => (
            <GoalFields
              key={goal.id}
              index={i}
              goal={goal}
              errors={errors}
              onChange={(g) => setGoal(i, g)}
              onRemove={() =>
                onChange({
                  ...draft,
                  goals: draft.goals.filter((_, k) => k !== i),
                  actions: draft.actions.map((a) => ({
                    ...a,
                    goalIds: a.goalIds.filter((id) => id !== goal.id),
                  })),
                })
              }
            />
          ))}
          {draft.goals.length < 10 && (
            <Button
              variant="secondary"
              onClick={() => onChange({ ...draft, goals: [...draft.goals, emptyGoal()] })}
              data-qa="plan-add-goal"
            >
              {p.addGoal}
            </Button>
          )}
        </section>

        <section className="panel" aria-labelledby="plan-actions-heading">
          <Heading variant="h2" id="plan-actions-heading" mb="xs">
            {p.actionsTitle}
          </Heading>
          <Paragraph mb="m">{p.actionsIntro}</Paragraph>
          {draft.actions.map((action, i) => (
            <ActionFields
              key={action.id}
              caseId={caseId}
              index={i}
              action={action}
              goals={draft.goals}
              organisations={activeOrganisations}
              errors={errors}
              onChange={(a) => setAction(i, a)}
              onRemove={() => onChange({ ...draft, actions: draft.actions.filter((_, k) => k !== i) })}
            />
          ))}
          <Button
            variant="secondary"
            onClick={() => onChange({ ...draft, actions: [...draft.actions, emptyAction(organisationId)] })}
            data-qa="plan-add-action"
          >
            {p.addAction}
          </Button>
        </section>

        <section className="panel" aria-labelledby="plan-assessment-heading">
          <Heading variant="h2" id="plan-assessment-heading" mb="xs">
            {p.assessmentTitle}
          </Heading>
          <Paragraph mb="m">{p.assessmentIntro}</Paragraph>
          {ASSESSMENT_KEYS.map((key) => (
            <Textarea
              key={key}
              id={fid(`assessment.${key}`)}
              labelText={p.assessment[key]}
              hintText={p.assessmentHints[key]}
              optionalText={t.common.optional}
              value={draft.assessment[key]}
              onChange={(e) =>
                onChange({ ...draft, assessment: { ...draft.assessment, [key]: e.target.value } })
              }
              status={errors.fields[`assessment.${key}`] ? 'error' : 'default'}
              statusText={errors.fields[`assessment.${key}`]}
              fullWidth
              mb="m"
              data-qa={`plan-assessment-${key}`}
            />
          ))}
        </section>

        <section className="panel" aria-labelledby="plan-review-dates-heading">
          <Heading variant="h2" id="plan-review-dates-heading" mb="xs">
            {p.reviewDatesTitle}
          </Heading>
          <Paragraph mb="m">{p.reviewDatesIntro}</Paragraph>
          <ul className="plain-list plan-review-dates">
            {draft.reviewDates.map((d, i) => (
              <li key={d.key} className="inline-form">
                <DateField
                  id={fid(`reviewDates.${i}`)}
                  label={p.reviewDateN(i + 1)}
                  value={d.value}
                  optional
                  onChange={(value) =>
                    onChange({
                      ...draft,
                      reviewDates: draft.reviewDates.map((x, k) => (k === i ? { ...x, value } : x)),
                    })
                  }
                  error={errors.fields[`reviewDates.${i}`]}
                  data-qa={`plan-review-date-${i}`}
                />
                <Button
                  variant="secondaryNoBorder"
                  onClick={() =>
                    onChange({ ...draft, reviewDates: draft.reviewDates.filter((_, k) => k !== i) })
                  }
                  aria-label={p.removeReviewDateN(i + 1)}
                >
                  {t.plans.common.remove}
                </Button>
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            mt="s"
            onClick={() =>
              onChange({ ...draft, reviewDates: [...draft.reviewDates, { key: newId(), value: '' }] })
            }
            data-qa="plan-add-review-date"
          >
            {p.addReviewDate}
          </Button>
        </section>

        <div className="button-row plan-form__buttons">
          <Button type="submit" disabled={saving} data-qa="plan-save">
            {saving ? t.common.saving : submitText}
          </Button>
          {onCancel && (
            <Button variant="secondary" onClick={onCancel} data-qa="plan-cancel">
              {t.common.cancel}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

function GoalFields({
  index,
  goal,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  goal: GoalDraft;
  errors: FormErrors;
  onChange: (goal: GoalDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const path = (f: string) => `goals.${index}.${f}`;
  const err = (f: string) => errors.fields[path(f)];
  return (
    <fieldset className="plan-item" data-qa="plan-goal">
      <legend className="plan-item__legend">{p.goalN(index + 1)}</legend>
      <Textarea
        id={fid(path('text'))}
        labelText={p.goalText}
        hintText={p.goalTextHint}
        value={goal.text}
        onChange={(e) => onChange({ ...goal, text: e.target.value })}
        status={err('text') ? 'error' : 'default'}
        statusText={err('text')}
        fullWidth
        mb="m"
        data-qa="goal-text"
      />
      <fieldset className="plan-scale">
        <legend className="plan-scale__legend">{p.scaleTitle}</legend>
        <p className="plan-scale__hint">{p.scaleHint}</p>
        {[...GAS_SCALE_KEYS].reverse().map((k) => (
          <TextInput
            key={k}
            id={fid(path(`scale.${k}`))}
            labelText={`${t.plans.gas.levelNumber[k]} ${t.plans.gas.levels[k]}`}
            value={goal.scale[k]}
            onChange={(v) => onChange({ ...goal, scale: { ...goal.scale, [k]: String(v ?? '') } })}
            status={err(`scale.${k}`) ? 'error' : 'default'}
            statusText={err(`scale.${k}`)}
            fullWidth
            mb="s"
            className={k === 'zero' ? 'plan-scale__expected' : undefined}
            data-qa={`goal-scale-${k}`}
          />
        ))}
      </fieldset>
      <div className="form-grid">
        <TextInput
          id={fid(path('weight'))}
          type="number"
          min={1}
          max={10}
          labelText={p.weight}
          hintText={p.weightHint}
          value={goal.weight}
          onChange={(v) => onChange({ ...goal, weight: String(v ?? '') })}
          status={err('weight') ? 'error' : 'default'}
          statusText={err('weight')}
          data-qa="goal-weight"
        />
        <DateField
          id={fid(path('targetDate'))}
          label={p.targetDate}
          value={goal.targetDate}
          onChange={(v) => onChange({ ...goal, targetDate: v })}
          error={err('targetDate')}
          data-qa="goal-target-date"
        />
      </div>
      <RadioButtonGroup
        id={fid(path('baseline'))}
        name={`goal-${goal.id}-baseline`}
        labelText={p.baseline}
        groupHintText={p.baselineHint}
        value={goal.baseline}
        onChange={(v) => onChange({ ...goal, baseline: v === '-2' ? '-2' : '-1' })}
        groupStatus={err('baseline') ? 'error' : 'default'}
        groupStatusText={err('baseline')}
        mt="m"
        data-qa="goal-baseline"
      >
        <RadioButton value="-1">{p.baselineMinus1}</RadioButton>
        <RadioButton value="-2">{p.baselineMinus2}</RadioButton>
      </RadioButtonGroup>
      <Button
        variant="secondaryNoBorder"
        mt="m"
        onClick={onRemove}
        aria-label={p.removeGoalN(index + 1)}
        data-qa="plan-remove-goal"
      >
        {p.removeGoal}
      </Button>
    </fieldset>
  );
}

function ActionFields({
  caseId,
  index,
  action,
  goals,
  organisations,
  errors,
  onChange,
  onRemove,
}: {
  caseId: string;
  index: number;
  action: ActionDraft;
  goals: GoalDraft[];
  organisations: Organisation[];
  errors: FormErrors;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const p = t.plans.plan;
  const professionals = useProfessionals(caseId, action.responsibleOrganisationId);
  const path = (f: string) => `actions.${index}.${f}`;
  const err = (f: string) => errors.fields[path(f)];
  const people = professionals.data ?? [];
  const personKnown =
    action.responsibleUserId === NO_PERSON || people.some((x) => x.userId === action.responsibleUserId);
  return (
    <fieldset className="plan-item" data-qa="plan-action">
      <legend className="plan-item__legend">{p.actionN(index + 1)}</legend>
      <Textarea
        id={fid(path('description'))}
        labelText={p.actionDescription}
        value={action.description}
        onChange={(e) => onChange({ ...action, description: e.target.value })}
        status={err('description') ? 'error' : 'default'}
        statusText={err('description')}
        fullWidth
        mb="m"
        data-qa="action-description"
      />
      <div className="form-grid">
        <Dropdown
          id={fid(path('responsibleOrganisationId'))}
          labelText={p.responsibleOrganisation}
          value={action.responsibleOrganisationId || null}
          visualPlaceholder={t.common.choose}
          onChange={(v) =>
            onChange({ ...action, responsibleOrganisationId: v, responsibleUserId: NO_PERSON })
          }
          status={err('responsibleOrganisationId') ? 'error' : 'default'}
          statusText={err('responsibleOrganisationId')}
          fullWidth
          data-qa="action-organisation"
        >
          {organisations.map((o) => (
            <DropdownItem key={o.id} value={o.id}>
              {o.name}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown
          id={fid(path('responsibleUserId'))}
          labelText={p.responsiblePerson}
          optionalText={t.common.optional}
          value={personKnown ? action.responsibleUserId : NO_PERSON}
          onChange={(v) => onChange({ ...action, responsibleUserId: v })}
          status={err('responsibleUserId') ? 'error' : 'default'}
          statusText={err('responsibleUserId')}
          fullWidth
          data-qa="action-person"
        >
          {[
            <DropdownItem key={NO_PERSON} value={NO_PERSON}>
              {p.noPerson}
            </DropdownItem>,
            ...people.map((x) => (
              <DropdownItem key={x.userId} value={x.userId}>
                {x.name}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <DateField
          id={fid(path('dueDate'))}
          label={p.dueDate}
          value={action.dueDate}
          onChange={(v) => onChange({ ...action, dueDate: v })}
          error={err('dueDate')}
          data-qa="action-due-date"
        />
        <Dropdown
          id={fid(path('status'))}
          labelText={t.common.status}
          value={action.status}
          onChange={(v) => onChange({ ...action, status: v as ActionStatus })}
          fullWidth
          data-qa="action-status"
        >
          {ACTION_STATUSES.map((s) => (
            <DropdownItem key={s} value={s}>
              {p.statuses[s]}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      {goals.length > 0 && (
        <CheckboxGroup
          id={fid(path('goalIds'))}
          labelText={p.actionGoals}
          optionalText={t.common.optional}
          mt="m"
          data-qa="action-goals"
        >
          {goals.map((g, k) => (
            <Checkbox
              key={g.id}
              checked={action.goalIds.includes(g.id)}
              onClick={({ checkboxState }) =>
                onChange({
                  ...action,
                  goalIds: checkboxState
                    ? [...action.goalIds, g.id]
                    : action.goalIds.filter((id) => id !== g.id),
                })
              }
            >
              {g.text.trim() ? `${p.goalN(k + 1)}: ${g.text.trim()}` : p.goalN(k + 1)}
            </Checkbox>
          ))}
        </CheckboxGroup>
      )}
      <Button
        variant="secondaryNoBorder"
        mt="m"
        onClick={onRemove}
        aria-label={p.removeActionN(index + 1)}
        data-qa="plan-remove-action"
      >
        {p.removeAction}
      </Button>
    </fieldset>
  );
}

/** `goals.0.scale.minus2` → "Tavoite 1: −2 Paljon odotettua huonompi", for the error summary. */
export function planFieldLabel(t: Messages, field: string): string {
  const p = t.plans.plan;
  const parts = field.split('.');
  const [head, n, ...rest] = parts;
  const index = Number(n);
  const sub = rest.join('.');
  if (head === 'goals' && Number.isInteger(index)) {
    const what =
      sub === 'text'
        ? p.goalText
        : sub.startsWith('scale.')
          ? (() => {
              const k = sub.slice(6) as (typeof GAS_SCALE_KEYS)[number];
              return `${t.plans.gas.levelNumber[k] ?? ''} ${t.plans.gas.levels[k] ?? ''}`.trim();
            })()
          : sub === 'weight'
            ? p.weight
            : sub === 'targetDate'
              ? p.targetDate
              : sub === 'baseline'
                ? p.baseline
                : sub;
    return `${p.goalN(index + 1)}: ${what}`;
  }
  if (head === 'actions' && Number.isInteger(index)) {
    const labels: Record<string, string> = {
      description: p.actionDescription,
      responsibleOrganisationId: p.responsibleOrganisation,
      responsibleUserId: p.responsiblePerson,
      dueDate: p.dueDate,
      status: t.common.status,
    };
    const what = labels[sub.split('.')[0] ?? ''] ?? (sub.startsWith('goalIds') ? p.actionGoals : sub);
    return `${p.actionN(index + 1)}: ${what}`;
  }
  if (head === 'assessment' && n) return p.assessment[n as (typeof ASSESSMENT_KEYS)[number]] ?? field;
  if (head === 'reviewDates' && Number.isInteger(index)) return p.reviewDateN(index + 1);
  if (head === 'goals') return p.goalsTitle;
  if (head === 'actions') return p.actionsTitle;
  return field;
}
