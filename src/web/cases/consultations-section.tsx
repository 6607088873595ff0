import { useState } from 'react';
import { Dropdown, DropdownItem, Paragraph, Textarea, TextInput } from 'suomifi-ui-components';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, Section } from '../shared/page.tsx';
import {
  CorrectedBadge,
  EntryActions,
  EntryForm,
  EntryMeta,
  type EntryMode,
  EntryRuleHelp,
  entryAnchor,
  useScrollToEntry,
} from './entry.tsx';
import { dropdownItems, fieldLabel, pathFormErrors } from './path-shared.tsx';
import {
  type Case,
  type Consultation,
  useCaseProfessionals,
  useConsultationMutations,
  useConsultations,
} from './queries.ts';

const ANYONE = 'anyone';

export function ConsultationsSection({ kase }: { kase: Case }) {
  const t = useT();
  const c = t.clientPath.consultations;
  const consultations = useConsultations(kase.id);
  const rows = consultations.data ?? [];
  useScrollToEntry(consultations.isSuccess);
  return (
    <Section title={c.title} data-qa="case-consultations" id="case-consultations">
      <Paragraph mb="m">{c.help}</Paragraph>
      <EntryRuleHelp />
      {consultations.isPending ? (
        <Loading />
      ) : consultations.isError ? (
        <LoadError error={consultations.error} />
      ) : rows.length === 0 ? (
        <Paragraph mb="m">{c.empty}</Paragraph>
      ) : (
        <ul className="entry-list">
          {rows.map((q) => (
            <ConsultationEntry key={q.id} kase={kase} consultation={q} />
          ))}
        </ul>
      )}
      {kase.closedOn === null && (
        <ConsultationForm kase={kase} consultation={null} mode={null} onDone={() => {}} />
      )}
    </Section>
  );
}

function ConsultationEntry({ kase, consultation: q }: { kase: Case; consultation: Consultation }) {
  const t = useT();
  const c = t.clientPath.consultations;
  const [mode, setMode] = useState<EntryMode>(null);
  const to = q.toUserName ? `${q.toUserName}, ${q.toOrganisationName}` : q.toOrganisationName;
  return (
    <li
      id={entryAnchor('consultation', q.id)}
      tabIndex={-1}
      className={`entry${q.correctedById ? ' entry--corrected' : ''}`}
      data-qa="consultation-entry"
    >
      <div className="entry__head">
        <strong>{q.topic}</strong> <CorrectedBadge entry={q} />
        {q.answer === null && (
          <span className="status status--upcoming" data-qa="consultation-unanswered">
            {c.unanswered}
          </span>
        )}
      </div>
      <p className="entry__line">{c.from(q.organisationName, lookup(t.roles, q.askerRole) ?? q.askerRole)}</p>
      <p className="entry__line">{c.to(to)}</p>
      <p className="entry__text pre-line">{q.question}</p>
      {q.answer !== null && (
        <div className="entry__answer" data-qa="consultation-answer">
          <strong>{c.fields.answer}</strong>
          <p className="pre-line">{q.answer}</p>
          <p className="meta">
            {c.answered(formatDateTime(q.answeredAt, t), q.answeredBy ?? t.common.notRecorded)}
          </p>
        </div>
      )}
      <EntryMeta kind="consultation" entry={q} />
      <EntryActions entry={q} label={q.topic} mode={mode} onMode={setMode} />
      {mode && <ConsultationForm kase={kase} consultation={q} mode={mode} onDone={() => setMode(null)} />}
      {q.permissions.answer && mode === null && <AnswerForm kase={kase} consultation={q} />}
    </li>
  );
}

interface Values {
  toOrganisationId: string;
  toUserId: string;
  topic: string;
  question: string;
}

const ASK = 'consultation';

function ConsultationForm({
  kase,
  consultation,
  mode,
  onDone,
}: {
  kase: Case;
  consultation: Consultation | null;
  mode: EntryMode;
  onDone: () => void;
}) {
  const t = useT();
  const c = t.clientPath.consultations;
  const e = t.clientPath.entries;
  const flash = useFlash();
  const { ask, update, correct } = useConsultationMutations(kase.id, kase.clientId);
  const empty: Values = { toOrganisationId: '', toUserId: '', topic: '', question: '' };
  const [values, setValues] = useState<Values>(() =>
    consultation
      ? {
          toOrganisationId: consultation.toOrganisationId,
          toUserId: consultation.toUserId ?? '',
          topic: consultation.topic,
          question: consultation.question,
        }
      : empty,
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const professionals = useCaseProfessionals(kase.id, values.toOrganisationId);
  const idPrefix = consultation ? `${ASK}-${consultation.id}` : ASK;
  const pending = ask.isPending || update.isPending || correct.isPending;
  // The organisations on the case team have a care relationship with the client.
  const organisations = [
    ...new Map(
      kase.members.filter((m) => m.removedAt === null).map((m) => [m.organisationId, m.organisationName]),
    ),
  ];
  if (consultation && !organisations.some(([id]) => id === consultation.toOrganisationId)) {
    organisations.push([consultation.toOrganisationId, consultation.toOrganisationName]);
  }

  function submit() {
    const fields = missingFields(t, { ...values }, ['toOrganisationId', 'topic', 'question']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const input = {
      toOrganisationId: values.toOrganisationId,
      ...(values.toUserId && values.toUserId !== ANYONE ? { toUserId: values.toUserId } : {}),
      topic: values.topic,
      question: values.question,
    };
    const onError = (error: unknown) => setErrors(pathFormErrors(t, error));
    const onSuccess = (message: string) => () => {
      setErrors(NO_ERRORS);
      flash(message);
      if (consultation) onDone();
      else setValues(empty);
    };
    if (!consultation) ask.mutate(input, { onSuccess: onSuccess(c.asked), onError });
    else if (mode === 'edit')
      update.mutate(
        { ...input, id: consultation.id, version: consultation.version },
        { onSuccess: onSuccess(e.saved), onError },
      );
    else
      correct.mutate({ ...input, id: consultation.id }, { onSuccess: onSuccess(e.correctedSaved), onError });
  }

  return (
    <EntryForm
      title={!consultation ? c.askTitle : mode === 'edit' ? e.editTitle : e.correctTitle}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(c.fields, field)}
      onSubmit={submit}
      pending={pending}
      submitText={!consultation ? c.submit : mode === 'edit' ? t.common.save : e.saveCorrection}
      onCancel={consultation ? onDone : undefined}
      focusOnOpen={consultation !== null}
      help={mode === 'correct' ? <Paragraph mb="s">{e.correctHelp}</Paragraph> : undefined}
      data-qa={consultation ? 'consultation-edit-form' : 'consultation-form'}
    >
      <div className="form-grid">
        <Dropdown
          id={fieldId(idPrefix, 'toOrganisationId')}
          labelText={c.fields.toOrganisationId}
          value={values.toOrganisationId || null}
          visualPlaceholder={t.common.choose}
          onChange={(v) => setValues((current) => ({ ...current, toOrganisationId: v, toUserId: '' }))}
          status={errors.fields.toOrganisationId ? 'error' : 'default'}
          statusText={errors.fields.toOrganisationId}
          fullWidth
          data-qa="consultation-organisation"
        >
          {dropdownItems(
            organisations.map(([id, name]) => (
              <DropdownItem key={id} value={id}>
                {name}
              </DropdownItem>
            )),
            t.clientPath.common.noOptions,
          )}
        </Dropdown>
        <Dropdown
          id={fieldId(idPrefix, 'toUserId')}
          labelText={c.fields.toUserId}
          optionalText={t.common.optional}
          value={values.toUserId || ANYONE}
          onChange={(v) => set('toUserId', v)}
          status={errors.fields.toUserId ? 'error' : 'default'}
          statusText={errors.fields.toUserId}
          fullWidth
          data-qa="consultation-user"
        >
          {[
            <DropdownItem key={ANYONE} value={ANYONE}>
              {c.anyone}
            </DropdownItem>,
            ...(professionals.data ?? []).map((p) => (
              <DropdownItem key={p.userId} value={p.userId}>
                {`${p.name}, ${lookup(t.roles, p.role) ?? p.role}`}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
      <TextInput
        id={fieldId(idPrefix, 'topic')}
        labelText={c.fields.topic}
        value={values.topic}
        onChange={(v) => set('topic', String(v ?? ''))}
        status={errors.fields.topic ? 'error' : 'default'}
        statusText={errors.fields.topic}
        fullWidth
        mt="l"
        data-qa="consultation-topic"
      />
      <Textarea
        id={fieldId(idPrefix, 'question')}
        labelText={c.fields.question}
        value={values.question}
        onChange={(ev) => set('question', ev.target.value)}
        status={errors.fields.question ? 'error' : 'default'}
        statusText={errors.fields.question}
        fullWidth
        mt="l"
        data-qa="consultation-question"
      />
    </EntryForm>
  );
}

function AnswerForm({ kase, consultation: q }: { kase: Case; consultation: Consultation }) {
  const t = useT();
  const c = t.clientPath.consultations;
  const flash = useFlash();
  const { answer } = useConsultationMutations(kase.id, kase.clientId);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const idPrefix = `answer-${q.id}`;
  return (
    <EntryForm
      title={c.answerTitle}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(c.fields, field)}
      onSubmit={() => {
        if (!text.trim()) {
          setErrors({ fields: { answer: t.errors.issues.required }, general: null, error: null });
          return;
        }
        answer.mutate(
          { id: q.id, answer: text, version: q.version },
          {
            onSuccess: () => {
              setErrors(NO_ERRORS);
              flash(c.answeredFlash);
            },
            onError: (error) => setErrors(pathFormErrors(t, error)),
          },
        );
      }}
      pending={answer.isPending}
      submitText={c.answerSubmit}
      data-qa="answer-form"
    >
      <Textarea
        id={fieldId(idPrefix, 'answer')}
        labelText={c.fields.answer}
        value={text}
        onChange={(ev) => setText(ev.target.value)}
        status={errors.fields.answer ? 'error' : 'default'}
        statusText={errors.fields.answer}
        fullWidth
        data-qa="answer-text"
      />
    </EntryForm>
  );
}
