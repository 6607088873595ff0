import './questionnaire.css';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Paragraph, SkipLink } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { issueField } from '../i18n/errors.ts';
import { LANGUAGES, type Language, useI18n } from '../i18n/language.tsx';
import { featureErrorMessage } from '../plans/errors.ts';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { Loading, PageHeading } from '../shared/page.tsx';
import {
  type AnswerValues,
  type FormItem,
  type QuestionnaireForm,
  useQuestionnaire,
  useSaveAnswers,
  useSubmitAnswers,
} from './queries.ts';

const ID = 'q';
/** What the client has typed or chosen: numbers for scales and choices, text as typed otherwise. */
type Draft = Record<string, number | string>;

/**
 * The client's questionnaire behind a personal link, with no account and no app frame: mobile first, one
 * fieldset per question, 0–10 scales as radio groups, saved answers kept until the link is used.
 */
export function QuestionnairePage() {
  const { token = '' } = useParams();
  const { t, lang, setLang } = useI18n();
  const [chosen, setChosen] = useState<Language | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const form = useQuestionnaire(token, chosen);
  const q = t.plans.questionnaire;

  // The form opens in the client's language (from the API), whatever this browser used before; once.
  const formLanguage = form.data?.language;
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened || !formLanguage) return;
    setOpened(true);
    setLang(formLanguage);
  }, [opened, formLanguage, setLang]);

  const languages: readonly Language[] = form.data && !submitted ? form.data.languages : LANGUAGES;
  const choose = (l: Language) => {
    setLang(l);
    if (form.data && !submitted) setChosen(l);
  };

  let content: ReactNode;
  if (submitted) content = <ThankYou />;
  else if (form.isPending) content = <Loading />;
  else if (form.isError) content = <LinkProblem error={form.error} />;
  else
    content = <QuestionnaireFormView token={token} form={form.data} onSubmitted={() => setSubmitted(true)} />;

  return (
    <div className="q-page" data-qa="questionnaire-page">
      <SkipLink href="#main" className="skip-link">
        {t.common.skipToContent}
      </SkipLink>
      <header className="q-header">
        <div className="q-header__inner">
          <span className="q-brand">{t.common.appName}</span>
          {languages.length > 1 && (
            <nav aria-label={q.languageNav} className="q-languages" data-qa="q-languages">
              <ul>
                {languages.map((l) => (
                  <li key={l}>
                    <button
                      type="button"
                      lang={l}
                      className="q-language"
                      aria-current={l === lang ? 'true' : undefined}
                      onClick={() => choose(l)}
                      data-qa={`q-language-${l}`}
                    >
                      {q.languageNames[l]}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="q-main">
        {content}
      </main>
      <footer className="q-footer">
        <p>{q.footer}</p>
      </footer>
    </div>
  );
}

/** The one page for every link that does not work: unknown, used, expired or mistyped look the same. */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const q = t.plans.questionnaire;
  if (error instanceof ApiError && error.status === 429) {
    return (
      <div data-qa="q-rate-limited">
        <PageHeading>{q.rateLimitedTitle}</PageHeading>
        <Paragraph>{q.rateLimited}</Paragraph>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 404) return <DeadLink />;
  return (
    <div data-qa="q-load-error">
      <PageHeading>{q.loadFailedTitle}</PageHeading>
      <Paragraph>{featureErrorMessage(t, error)}</Paragraph>
    </div>
  );
}

function DeadLink() {
  const { t } = useI18n();
  const q = t.plans.questionnaire;
  return (
    <div data-qa="q-dead-link">
      <PageHeading>{q.deadTitle}</PageHeading>
      <Paragraph mb="m">{q.deadText}</Paragraph>
      <Paragraph>{q.deadHelp}</Paragraph>
    </div>
  );
}

function ThankYou() {
  const { t } = useI18n();
  const q = t.plans.questionnaire;
  return (
    <div data-qa="q-thank-you">
      <PageHeading>{q.thanksTitle}</PageHeading>
      <Paragraph mb="m">{q.thanksText}</Paragraph>
      <Paragraph>{q.thanksClose}</Paragraph>
    </div>
  );
}

function isAnswered(value: number | string | undefined): boolean {
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

function draftOf(form: QuestionnaireForm): Draft {
  const draft: Draft = {};
  for (const [id, value] of Object.entries(form.answers)) {
    const item = form.instrument.items.find((i) => i.id === id);
    if (value === null || !item) continue;
    draft[id] = item.type === 'number' ? String(value) : value;
  }
  return draft;
}

function QuestionnaireFormView({
  token,
  form,
  onSubmitted,
}: {
  token: string;
  form: QuestionnaireForm;
  onSubmitted: () => void;
}) {
  const { t } = useI18n();
  const q = t.plans.questionnaire;
  const [draft, setDraft] = useState<Draft>(() => draftOf(form));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [savedAt, setSavedAt] = useState<string | null>(form.savedAt);
  const [gone, setGone] = useState(false);
  const save = useSaveAnswers(token);
  const submit = useSubmitAnswers(token);
  const [savedNow, setSavedNow] = useState(false);
  const items = form.instrument.items;
  const answeredCount = items.filter((i) => isAnswered(draft[i.id])).length;
  const label = (field: string) => {
    const id = field.replace(/^answers\./, '');
    const index = items.findIndex((i) => i.id === id);
    return index < 0 ? field : q.questionN(index + 1);
  };

  /** The answers as the API takes them, or the numbers that are not numbers. */
  function payload(): { answers: AnswerValues; fields: Record<string, string> } {
    const answers: AnswerValues = {};
    const fields: Record<string, string> = {};
    for (const item of items) {
      const value = draft[item.id];
      if (!isAnswered(value)) continue;
      if (item.type === 'number') {
        const n = Number(String(value).trim().replace(',', '.'));
        if (
          !Number.isFinite(n) ||
          (item.min !== undefined && n < item.min) ||
          (item.max !== undefined && n > item.max)
        )
          fields[`answers.${item.id}`] = q.numberRange(String(item.min ?? ''), String(item.max ?? ''));
        else answers[item.id] = n;
      } else answers[item.id] = value ?? null;
    }
    return { answers, fields };
  }

  function failed(error: unknown) {
    if (error instanceof ApiError && error.status === 404) {
      setGone(true);
      return;
    }
    if (error instanceof ApiError && error.issues.length > 0) {
      const fields: Record<string, string> = {};
      for (const issue of error.issues) {
        const field = issueField(issue);
        fields[field] ??=
          issue.code === 'required' ? q.required : (lookupAnswerError(t, issue.code) ?? issue.message);
      }
      setErrors({ fields, general: null, error });
      return;
    }
    setErrors({
      fields: {},
      general: featureErrorMessage(t, error),
      error: error instanceof ApiError ? error : null,
    });
  }

  function onSave() {
    const { answers, fields } = payload();
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate(answers, {
      onSuccess: (r) => {
        setSavedAt(r.savedAt);
        setSavedNow(true);
      },
      onError: failed,
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { answers, fields } = payload();
    for (const item of items) {
      if (item.required && !isAnswered(draft[item.id])) fields[`answers.${item.id}`] ??= q.required;
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    submit.mutate(answers, { onSuccess: onSubmitted, onError: failed });
  }

  if (gone) return <DeadLink />;

  return (
    <div data-qa="q-form-page" lang={form.language}>
      <PageHeading data-qa="q-heading">{form.instrument.name}</PageHeading>
      {form.instrument.intro && <Paragraph mb="m">{form.instrument.intro}</Paragraph>}
      <Paragraph mb="m">{q.intro(formatDate(form.expiresAt))}</Paragraph>
      {form.savedAt && (
        <p className="q-notice" data-qa="q-resumed">
          {q.resumed(formatDateTime(form.savedAt, t))}
        </p>
      )}
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form onSubmit={onSubmit} noValidate className="q-form" data-qa="q-form">
        <p className="q-progress" data-qa="q-progress">
          {q.progress(answeredCount, items.length)}
        </p>
        {items.map((item, index) => (
          <Question
            key={item.id}
            item={item}
            index={index}
            value={draft[item.id]}
            error={errors.fields[`answers.${item.id}`]}
            onChange={(value) =>
              setDraft((d) => {
                const next = { ...d };
                if (value === undefined) delete next[item.id];
                else next[item.id] = value;
                return next;
              })
            }
          />
        ))}
        <div className="q-buttons">
          <Button type="submit" disabled={submit.isPending} data-qa="q-submit" className="q-button">
            {submit.isPending ? q.submitting : q.submit}
          </Button>
          <Button
            variant="secondary"
            disabled={save.isPending}
            onClick={onSave}
            data-qa="q-save"
            className="q-button"
          >
            {save.isPending ? t.common.saving : q.save}
          </Button>
        </div>
        <div role="status" className="q-status" data-qa="q-saved">
          {savedNow && savedAt && <p className="q-status__text">{q.savedAt(formatDateTime(savedAt, t))}</p>}
        </div>
        <p className="q-save-hint">{q.saveHint}</p>
      </form>
    </div>
  );
}

function lookupAnswerError(t: ReturnType<typeof useI18n>['t'], code: string): string | undefined {
  return (t.plans.questionnaire.answerErrors as Record<string, string>)[code];
}

function Question({
  item,
  index,
  value,
  error,
  onChange,
}: {
  item: FormItem;
  index: number;
  value: number | string | undefined;
  error: string | undefined;
  onChange: (value: number | string | undefined) => void;
}) {
  const { t } = useI18n();
  const q = t.plans.questionnaire;
  const id = fieldId(ID, `answers.${item.id}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  const legend = (
    <legend className="q-question__legend">
      <span className="q-question__number">{q.questionN(index + 1)}</span>
      <span className="q-question__text">{item.text}</span>
      {!item.required && <span className="q-question__optional"> ({t.common.optional})</span>}
    </legend>
  );
  const errorText = error && (
    <p id={errorId} className="q-question__error">
      {error}
    </p>
  );

  if (item.type === 'scale' || item.type === 'choice') {
    const options =
      item.type === 'choice'
        ? (item.options ?? [])
        : Array.from({ length: (item.max ?? 10) - (item.min ?? 0) + 1 }, (_, k) => ({
            value: (item.min ?? 0) + k,
            label: String((item.min ?? 0) + k),
          }));
    const hint =
      item.type === 'scale' && (item.minLabel || item.maxLabel)
        ? q.scaleHint(String(item.min ?? 0), item.minLabel ?? '', String(item.max ?? 10), item.maxLabel ?? '')
        : item.type === 'scale'
          ? q.scaleHintPlain(String(item.min ?? 0), String(item.max ?? 10))
          : q.choiceHint;
    return (
      <fieldset
        id={id}
        className={`q-question${error ? ' q-question--error' : ''}`}
        aria-describedby={describedBy}
        data-qa="q-question"
        data-item={item.id}
      >
        {legend}
        <p id={hintId} className="q-question__hint">
          {hint}
        </p>
        {errorText}
        <div className={item.type === 'scale' ? 'q-scale' : 'q-choices'}>
          {options.map((o) => (
            <label key={o.value} className={item.type === 'scale' ? 'q-scale__option' : 'q-choice'}>
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                data-qa={`q-option-${item.id}-${o.value}`}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        {item.type === 'scale' && (item.minLabel || item.maxLabel) && (
          <div className="q-scale__ends" aria-hidden="true">
            <span>{item.minLabel}</span>
            <span>{item.maxLabel}</span>
          </div>
        )}
        {!item.required && value !== undefined && (
          <button type="button" className="q-clear" onClick={() => onChange(undefined)}>
            {q.clear}
          </button>
        )}
      </fieldset>
    );
  }

  const inputId = `${id}-input`;
  return (
    <div
      id={id}
      className={`q-question${error ? ' q-question--error' : ''}`}
      data-qa="q-question"
      data-item={item.id}
    >
      <label htmlFor={inputId} className="q-question__legend">
        <span className="q-question__number">{q.questionN(index + 1)}</span>
        <span className="q-question__text">{item.text}</span>
        {!item.required && <span className="q-question__optional"> ({t.common.optional})</span>}
      </label>
      <p id={hintId} className="q-question__hint">
        {item.type === 'number'
          ? q.numberHint(String(item.min ?? ''), String(item.max ?? ''))
          : q.textHint(item.maxLength ?? 2000)}
      </p>
      {errorText}
      {item.type === 'number' ? (
        <input
          id={inputId}
          className="q-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          data-qa={`q-input-${item.id}`}
        />
      ) : (
        <textarea
          id={inputId}
          className="q-textarea"
          rows={5}
          maxLength={item.maxLength}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          data-qa={`q-input-${item.id}`}
        />
      )}
    </div>
  );
}
