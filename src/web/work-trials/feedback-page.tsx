import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  Button,
  LanguageMenu,
  LanguageMenuItem,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  SkipLink,
  Textarea,
} from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useApiFormErrors } from '../coaching/ui.tsx';
import { LANGUAGES, type Language, useI18n } from '../i18n/language.tsx';
import { formatDate, formatDateTime } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { type FeedbackForm, useFeedbackForm, useSubmitFeedback } from './queries.ts';

const ID = 'feedback';
const CANNOT_ASSESS = 'none';
const isDeadLink = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The work-trial supervisor's feedback form behind a personal link: no account, no signed-in frame, usable on a
 * phone. Every dead or unknown link shows the same neutral page.
 */
export function FeedbackPage() {
  const { token = '' } = useParams();
  const { lang, setLang } = useI18n();
  const [requested, setRequested] = useState<Language | null>(null);
  const form = useFeedbackForm(token, requested);
  const [submitted, setSubmitted] = useState(false);
  const [dead, setDead] = useState(false);
  const formLanguage = form.data?.language;

  // The page speaks the language the coach chose for the link, unless the supervisor picks another.
  useEffect(() => {
    if (formLanguage && formLanguage !== lang) setLang(formLanguage);
  }, [formLanguage, lang, setLang]);

  function chooseLanguage(next: Language) {
    setRequested(next);
    setLang(next);
  }

  let content: ReactNode;
  if (submitted) content = <ThankYou />;
  else if (dead || isDeadLink(form.error)) content = <DeadLink />;
  else if (form.isPending) content = <Loading />;
  else if (form.isError) content = <LoadError error={form.error} />;
  else
    content = (
      <FeedbackFormView
        key={form.data.language}
        token={token}
        form={form.data}
        onSubmitted={() => setSubmitted(true)}
        onDead={() => setDead(true)}
      />
    );

  return (
    <PublicFrame onLanguage={chooseLanguage}>
      <div data-qa="feedback-page">{content}</div>
    </PublicFrame>
  );
}

/** The frame of a page for people without an account: the service's name, language, content, footer. */
function PublicFrame({
  children,
  onLanguage,
}: {
  children: ReactNode;
  onLanguage: (lang: Language) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <SkipLink href="#main" className="skip-link">
        {t.common.skipToContent}
      </SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="brand">
            <span className="brand__name">{t.common.appName}</span>
            <span className="brand__tagline">{t.common.appTagline}</span>
          </div>
          <LanguageMenu
            id="feedback-language-menu"
            buttonText={t.languages.buttonText}
            aria-label={`${t.languages.buttonText}. ${t.languages.changeLanguage}`}
            data-qa="language-menu"
          >
            {LANGUAGES.map((code) => (
              <LanguageMenuItem
                key={code}
                lang={code}
                onSelect={() => onLanguage(code)}
                selected={lang === code}
              >
                <span data-qa={`language-${code}`}>{t.languages[code]}</span>
              </LanguageMenuItem>
            ))}
          </LanguageMenu>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main public-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t.employment.feedbackForm.footer}</p>
      </footer>
    </>
  );
}

function DeadLink() {
  const e = useI18n().t.employment;
  return (
    <div data-qa="feedback-dead-link">
      <PageHeading>{e.feedbackForm.deadTitle}</PageHeading>
      <Paragraph>{e.feedbackForm.deadText}</Paragraph>
    </div>
  );
}

function ThankYou() {
  const e = useI18n().t.employment;
  return (
    <div data-qa="feedback-thank-you" role="status">
      <PageHeading>{e.feedbackForm.thanksTitle}</PageHeading>
      <Paragraph>{e.feedbackForm.thanksText}</Paragraph>
    </div>
  );
}

type Answers = Record<string, { score: string; note: string }>;

function FeedbackFormView({
  token,
  form,
  onSubmitted,
  onDead,
}: {
  token: string;
  form: FeedbackForm;
  onSubmitted: () => void;
  onDead: () => void;
}) {
  const { t } = useI18n();
  const e = t.employment;
  const formErrors = useApiFormErrors();
  const submit = useSubmitFeedback(token);
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(form.items.map((i) => [i.id, { score: '', note: '' }])),
  );
  const [overallNote, setOverallNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const itemLabel = (id: string) => form.items.find((i) => i.id === id)?.label ?? id;
  const label = (field: string) => {
    const [, item, part] = field.split('.');
    if (field.startsWith('items.') && item)
      return part === 'note' ? e.feedbackForm.noteLabel(itemLabel(item)) : itemLabel(item);
    return field === 'overallNote' ? e.feedbackForm.overall : field;
  };
  const setAnswer = (item: string, key: 'score' | 'note', value: string) =>
    setAnswers((a) => ({ ...a, [item]: { ...(a[item] ?? { score: '', note: '' }), [key]: value } }));

  function send(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    for (const item of form.items) {
      if (!answers[item.id]?.score) fields[`items.${item.id}.score`] = e.feedbackForm.chooseOne;
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    submit.mutate(
      {
        items: Object.fromEntries(
          form.items.map((i) => {
            const a = answers[i.id] ?? { score: CANNOT_ASSESS, note: '' };
            return [i.id, { score: a.score === CANNOT_ASSESS ? null : Number(a.score), note: a.note }];
          }),
        ) as FeedbackAnswersItems,
        overallNote,
      },
      {
        onSuccess: onSubmitted,
        onError: (error) => (isDeadLink(error) ? onDead() : setErrors(formErrors(error))),
      },
    );
  }

  const period = `${formatDate(form.startsOn)}–${formatDate(form.endsOn)}`;
  return (
    <>
      <PageHeading data-qa="feedback-heading">{form.title}</PageHeading>
      <Paragraph mb="m">{e.feedbackForm.intro(form.employerName)}</Paragraph>
      <dl className="data-list panel" data-qa="feedback-trial">
        <dt>{e.feedbackForm.trialist}</dt>
        <dd data-qa="feedback-client-name">{form.client.name ?? e.feedbackForm.nameNotShown}</dd>
        {form.client.whatMayBeTold && (
          <>
            <dt>{e.feedbackForm.agreedInfo}</dt>
            <dd className="pre-wrap" data-qa="feedback-client-info">
              {form.client.whatMayBeTold}
            </dd>
          </>
        )}
        <dt>{e.feedbackForm.tasks}</dt>
        <dd className="pre-wrap">{form.tasks}</dd>
        <dt>{e.feedbackForm.period}</dt>
        <dd>{period}</dd>
        <dt>{e.feedbackForm.validUntil}</dt>
        <dd>{formatDateTime(form.expiresAt, t)}</dd>
      </dl>
      <Paragraph mb="l">{e.feedbackForm.howTo}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form onSubmit={send} noValidate data-qa="feedback-form" className="feedback-form">
        {form.items.map((item) => {
          const scoreField = `items.${item.id}.score`;
          const answer = answers[item.id] ?? { score: '', note: '' };
          return (
            <div key={item.id} className="panel feedback-item" data-qa={`feedback-item-${item.id}`}>
              <RadioButtonGroup
                id={fieldId(ID, scoreField)}
                name={`${ID}-${item.id}`}
                labelText={item.label}
                groupHintText={item.help}
                value={answer.score || undefined}
                onChange={(v) => setAnswer(item.id, 'score', v)}
                groupStatus={errors.fields[scoreField] ? 'error' : 'default'}
                groupStatusText={errors.fields[scoreField]}
                mb="m"
                data-qa={`feedback-scale-${item.id}`}
              >
                {[
                  ...form.scale.map((s) => (
                    <RadioButton
                      key={s.value}
                      value={String(s.value)}
                      variant="large"
                      data-qa={`score-${s.value}`}
                    >
                      {s.label}
                    </RadioButton>
                  )),
                  <RadioButton key={CANNOT_ASSESS} value={CANNOT_ASSESS} variant="large" data-qa="score-none">
                    {form.cannotAssess}
                  </RadioButton>,
                ]}
              </RadioButtonGroup>
              <Textarea
                id={fieldId(ID, `items.${item.id}.note`)}
                labelText={e.feedbackForm.noteLabel(item.label)}
                hintText={e.feedbackForm.noteHint}
                optionalText={t.common.optional}
                value={answer.note}
                onChange={(ev) => setAnswer(item.id, 'note', ev.target.value)}
                status={errors.fields[`items.${item.id}.note`] ? 'error' : 'default'}
                statusText={errors.fields[`items.${item.id}.note`]}
                fullWidth
                data-qa={`feedback-note-${item.id}`}
              />
            </div>
          );
        })}
        <div className="panel">
          <Textarea
            id={fieldId(ID, 'overallNote')}
            labelText={e.feedbackForm.overall}
            hintText={e.feedbackForm.overallHint}
            optionalText={t.common.optional}
            value={overallNote}
            onChange={(ev) => setOverallNote(ev.target.value)}
            fullWidth
            data-qa="feedback-overall"
          />
        </div>
        <Paragraph mb="m">{e.feedbackForm.beforeSending}</Paragraph>
        <Button
          type="submit"
          disabled={submit.isPending}
          data-qa="feedback-submit"
          className="feedback-submit"
        >
          {submit.isPending ? e.feedbackForm.sending : e.feedbackForm.submit}
        </Button>
      </form>
    </>
  );
}

type FeedbackAnswersItems = Parameters<ReturnType<typeof useSubmitFeedback>['mutate']>[0]['items'];
