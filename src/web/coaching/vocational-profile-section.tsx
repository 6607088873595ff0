import { useState } from 'react';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import { HEALTH_DISCLOSURES } from '../../modules/coaching/coaching.table.ts';
import { useCan } from '../auth/session.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish } from '../shared/dates.ts';
import { type FormErrors, fieldId, NO_ERRORS, StaleVersionNotice } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import { type Coaching, useCoaching, useSaveProfile } from './queries.ts';
import { SubForm, useApiFormErrors, YesNo } from './ui.tsx';

type HealthDisclosure = (typeof HEALTH_DISCLOSURES)[number];
type Profile = Coaching['profile'];
const ID = 'profile';

/** Work history, skills and wishes, and the client's own choice of what employers may be told. */
export function VocationalProfileSection({ coaching }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const p = coaching.profile;
  const mayEdit = coaching.endedOn === null && can('vocationalProfile.update');
  const text = (value: string) => (value.trim() ? value : t.common.notRecorded);

  return (
    <Section
      title={e.profile.title}
      data-qa="vocational-profile"
      actions={
        mayEdit &&
        !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)} data-qa="edit-profile">
            {e.profile.edit}
          </Button>
        )
      }
    >
      {editing ? (
        <ProfileForm key={p.version} coaching={coaching} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="data-list pre-wrap" data-qa="profile-view">
            <dt>{e.profile.fields.workHistory}</dt>
            <dd data-qa="profile-work-history">{text(p.workHistory)}</dd>
            <dt>{e.profile.fields.education}</dt>
            <dd>{text(p.education)}</dd>
            <dt>{e.profile.fields.skills}</dt>
            <dd data-qa="profile-skills">{text(p.skills)}</dd>
            <dt>{e.profile.fields.preferences}</dt>
            <dd>{text(p.preferences)}</dd>
          </dl>
          <DisclosureSummary profile={p} />
        </>
      )}
    </Section>
  );
}

/** In plain words: what an employer is told of the client, and what never. */
function DisclosureSummary({ profile: p }: { profile: Profile }) {
  const t = useT();
  const e = t.employment;
  const d = p.disclosure;
  const chosen = d.agreedOn !== null;
  return (
    <div className="subpanel" data-qa="disclosure-summary">
      <Heading variant="h3" mb="s">
        {e.disclosure.summaryTitle}
      </Heading>
      {!chosen ? (
        <Paragraph data-qa="disclosure-not-chosen">{e.disclosure.notChosen}</Paragraph>
      ) : (
        <ul className="disclosure-list pre-wrap">
          <li data-qa="disclosure-name">{d.discloseName ? e.disclosure.nameYes : e.disclosure.nameNo}</li>
          <li data-qa="disclosure-health">{e.disclosure.healthSummary[d.discloseHealth]}</li>
          <li data-qa="disclosure-text">
            {d.disclosureText.trim()
              ? e.disclosure.toldAs(d.disclosureText.trim())
              : e.disclosure.nothingWritten}
          </li>
          {d.notToDisclose.trim() && (
            <li data-qa="disclosure-not-to-tell">{e.disclosure.neverTold(d.notToDisclose.trim())}</li>
          )}
          <li>{e.disclosure.agreedOn(formatDate(d.agreedOn))}</li>
        </ul>
      )}
    </div>
  );
}

interface Values {
  workHistory: string;
  education: string;
  skills: string;
  preferences: string;
  discloseName: boolean;
  discloseHealth: HealthDisclosure;
  disclosureText: string;
  notToDisclose: string;
  agreedOn: string;
}

function valuesOf(p: Profile): Values {
  return {
    workHistory: p.workHistory,
    education: p.education,
    skills: p.skills,
    preferences: p.preferences,
    discloseName: p.disclosure.discloseName,
    discloseHealth: p.disclosure.discloseHealth,
    disclosureText: p.disclosure.disclosureText,
    notToDisclose: p.disclosure.notToDisclose,
    agreedOn: p.disclosure.agreedOn ? isoToFinnish(p.disclosure.agreedOn) : '',
  };
}

function ProfileForm({ coaching, onDone }: { coaching: Coaching; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const save = useSaveProfile(coaching.id);
  const latest = useCoaching(coaching.id);
  const [values, setValues] = useState<Values>(() => valuesOf(coaching.profile));
  const [version, setVersion] = useState(coaching.profile.version);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.profile.fields, field) ?? field;

  function submit() {
    const agreedOn = values.agreedOn.trim() ? finnishToIso(values.agreedOn) : undefined;
    if (agreedOn === null) {
      setErrors({
        fields: { 'disclosure.agreedOn': t.errors.issues.invalid_date },
        general: null,
        error: null,
      });
      return;
    }
    save.mutate(
      {
        workHistory: values.workHistory,
        education: values.education,
        skills: values.skills,
        preferences: values.preferences,
        disclosure: {
          discloseName: values.discloseName,
          discloseHealth: values.discloseHealth,
          disclosureText: values.disclosureText,
          notToDisclose: values.notToDisclose,
          ...(agreedOn ? { agreedOn } : {}),
        },
        version,
      },
      {
        onSuccess: () => {
          flash(e.profile.saved);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  async function reload() {
    const fresh = (await latest.refetch()).data;
    if (!fresh) return;
    setValues(valuesOf(fresh.profile));
    setVersion(fresh.profile.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  const textarea = (field: 'workHistory' | 'education' | 'skills' | 'preferences', hint: string) => (
    <Textarea
      id={fieldId(ID, field)}
      labelText={e.profile.fields[field]}
      hintText={hint}
      optionalText={t.common.optional}
      value={values[field]}
      onChange={(ev) => set(field, ev.target.value)}
      status={errors.fields[field] ? 'error' : 'default'}
      statusText={errors.fields[field]}
      fullWidth
      mb="m"
      data-qa={`profile-${field}`}
    />
  );

  return (
    <SubForm
      idPrefix={ID}
      title={e.profile.formTitle}
      intro={e.profile.formIntro}
      errors={errors}
      label={label}
      pending={save.isPending}
      submitText={e.profile.save}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="profile-form"
    >
      <StaleVersionNotice errors={errors} onReload={reload} />
      {textarea('workHistory', e.profile.hints.workHistory)}
      {textarea('education', e.profile.hints.education)}
      {textarea('skills', e.profile.hints.skills)}
      {textarea('preferences', e.profile.hints.preferences)}
      <fieldset className="form-section disclosure-fieldset" data-qa="disclosure-fieldset">
        <legend className="legend-heading">{e.disclosure.formTitle}</legend>
        <Paragraph mb="s">{e.disclosure.explainChoice}</Paragraph>
        <Paragraph mb="m">{e.disclosure.explainEmployerSees}</Paragraph>
        <YesNo
          idPrefix={ID}
          field="disclosure.discloseName"
          label={e.disclosure.nameQuestion}
          hint={e.disclosure.nameHint}
          value={values.discloseName}
          onChange={(v) => set('discloseName', v)}
          error={errors.fields['disclosure.discloseName']}
          data-qa="disclose-name"
        />
        <RadioButtonGroup
          id={fieldId(ID, 'disclosure.discloseHealth')}
          name={`${ID}-health`}
          labelText={e.disclosure.healthQuestion}
          value={values.discloseHealth}
          onChange={(v) => set('discloseHealth', v as HealthDisclosure)}
          groupStatus={errors.fields['disclosure.discloseHealth'] ? 'error' : 'default'}
          groupStatusText={errors.fields['disclosure.discloseHealth']}
          mb="m"
          data-qa="disclose-health"
        >
          {HEALTH_DISCLOSURES.map((h) => (
            <RadioButton
              key={h}
              value={h}
              hintText={e.disclosure.healthHints[h]}
              data-qa={`disclose-health-${h}`}
            >
              {e.healthDisclosures[h]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <Textarea
          id={fieldId(ID, 'disclosure.disclosureText')}
          labelText={e.profile.fields['disclosure.disclosureText']}
          hintText={e.disclosure.textHint}
          optionalText={t.common.optional}
          value={values.disclosureText}
          onChange={(ev) => set('disclosureText', ev.target.value)}
          status={errors.fields['disclosure.disclosureText'] ? 'error' : 'default'}
          statusText={errors.fields['disclosure.disclosureText']}
          fullWidth
          mb="m"
          data-qa="disclosure-text-input"
        />
        <Textarea
          id={fieldId(ID, 'disclosure.notToDisclose')}
          labelText={e.profile.fields['disclosure.notToDisclose']}
          hintText={e.disclosure.notToDiscloseHint}
          optionalText={t.common.optional}
          value={values.notToDisclose}
          onChange={(ev) => set('notToDisclose', ev.target.value)}
          status={errors.fields['disclosure.notToDisclose'] ? 'error' : 'default'}
          statusText={errors.fields['disclosure.notToDisclose']}
          fullWidth
          mb="m"
          data-qa="not-to-disclose-input"
        />
        <DateField
          id={fieldId(ID, 'disclosure.agreedOn')}
          label={e.profile.fields['disclosure.agreedOn']}
          value={values.agreedOn}
          onChange={(v) => set('agreedOn', v)}
          error={errors.fields['disclosure.agreedOn']}
          optional
          data-qa="disclosure-agreed-on"
        />
      </fieldset>
    </SubForm>
  );
}
