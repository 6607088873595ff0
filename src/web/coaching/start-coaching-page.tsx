import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
} from 'suomifi-ui-components';
import { COACHING_INTENSITIES, COACHING_MODELS } from '../../modules/coaching/coaching.table.ts';
import { useTeams } from '../admin/queries.ts';
import { useSession } from '../auth/session.tsx';
import { useCase } from '../cases/queries.ts';
import { lookup, useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { useStartCoaching } from './queries.ts';
import { useApiFormErrors } from './ui.tsx';

const ID = 'start-coaching';
type Intensity = (typeof COACHING_INTENSITIES)[number];
type Model = (typeof COACHING_MODELS)[number];

/** A job coach takes the client of a case into coaching: the model, the intensity, the team and the start. */
export function StartCoachingPage() {
  const { caseId = '' } = useParams();
  const { t, lang } = useI18n();
  const e = t.employment;
  const session = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const kase = useCase(caseId);
  const teams = useTeams(session.membership.organisationId);
  const start = useStartCoaching(caseId);
  const [values, setValues] = useState({
    model: '' as Model | '',
    intensity: '' as Intensity | '',
    teamId: '',
    startedOn: isoToFinnish(todayIso()),
  });
  const [teamTouched, setTeamTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.start.fields, field) ?? field;

  const ownTeams = (teams.data ?? []).filter((x) => x.active);
  // The coach's own coaching team is the usual choice.
  const defaultTeam = ownTeams.find((x) => x.memberUserIds.includes(session.user.id))?.id ?? '';
  const teamId = teamTouched ? values.teamId : defaultTeam;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, values, ['model', 'intensity', 'startedOn']);
    const startedOn = finnishToIso(values.startedOn);
    if (!fields.startedOn && !startedOn) fields.startedOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !startedOn || !values.model || !values.intensity) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    start.mutate(
      { model: values.model, intensity: values.intensity, teamId: teamId || null, startedOn },
      {
        onSuccess: (coaching) => {
          flash(e.start.started, { nextPage: true });
          navigate(`/coaching/${coaching.id}`);
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  if (kase.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (kase.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={kase.error} />
      </>
    );
  }
  const k = kase.data;
  const pathwayName = lang === 'sv' ? k.pathway.nameSv : lang === 'en' ? k.pathway.nameEn : k.pathway.nameFi;

  return (
    <div data-qa="start-coaching-page">
      <PageHeading>{e.start.title(k.clientName)}</PageHeading>
      <Paragraph mb="m">{e.start.intro}</Paragraph>
      <dl className="data-list panel" data-qa="start-coaching-case">
        <dt>{e.start.case}</dt>
        <dd>{e.start.caseText(pathwayName, formatDate(k.openedOn))}</dd>
        <dt>{e.start.kind}</dt>
        <dd>{k.pathway.code === 'supported_employment' ? e.kinds.pathway : e.kinds.service}</dd>
      </dl>
      {k.closedOn && (
        <Paragraph mb="m" data-qa="start-coaching-closed">
          {e.start.caseClosed}
        </Paragraph>
      )}
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form className="panel" onSubmit={submit} noValidate data-qa="start-coaching-form">
        <RadioButtonGroup
          id={fieldId(ID, 'model')}
          name={`${ID}-model`}
          labelText={e.start.fields.model}
          value={values.model || undefined}
          onChange={(v) => set('model', v as Model)}
          groupStatus={errors.fields.model ? 'error' : 'default'}
          groupStatusText={errors.fields.model}
          mb="l"
          data-qa="coaching-model"
        >
          {COACHING_MODELS.map((m) => (
            <RadioButton key={m} value={m} hintText={e.modelHints[m]} data-qa={`coaching-model-${m}`}>
              {e.models[m]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <RadioButtonGroup
          id={fieldId(ID, 'intensity')}
          name={`${ID}-intensity`}
          labelText={e.start.fields.intensity}
          value={values.intensity || undefined}
          onChange={(v) => set('intensity', v as Intensity)}
          groupStatus={errors.fields.intensity ? 'error' : 'default'}
          groupStatusText={errors.fields.intensity}
          mb="l"
          data-qa="coaching-intensity"
        >
          {COACHING_INTENSITIES.map((i) => (
            <RadioButton key={i} value={i} hintText={e.intensityHints[i]} data-qa={`coaching-intensity-${i}`}>
              {e.intensities[i]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <div className="form-grid">
          <Dropdown
            id={fieldId(ID, 'teamId')}
            labelText={e.start.fields.teamId}
            hintText={e.start.teamHint}
            optionalText={t.common.optional}
            value={teamId || 'none'}
            onChange={(v) => {
              setTeamTouched(true);
              set('teamId', v === 'none' ? '' : v);
            }}
            status={errors.fields.teamId ? 'error' : 'default'}
            statusText={errors.fields.teamId}
            fullWidth
            data-qa="coaching-team"
          >
            {[
              <DropdownItem key="none" value="none">
                {e.start.noTeam}
              </DropdownItem>,
              ...ownTeams.map((x) => (
                <DropdownItem key={x.id} value={x.id}>
                  {x.name}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
          <DateField
            id={fieldId(ID, 'startedOn')}
            label={e.start.fields.startedOn}
            value={values.startedOn}
            onChange={(v) => set('startedOn', v)}
            error={errors.fields.startedOn}
            data-qa="coaching-started-on"
          />
        </div>
        <div className="button-row">
          <Button type="submit" disabled={start.isPending} data-qa="start-coaching-submit">
            {start.isPending ? t.common.saving : e.start.submit}
          </Button>
          <RouterLink asComponent={Link} to={`/clients/${k.clientId}`}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
