import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  InlineAlert,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Table,
  Textarea,
} from 'suomifi-ui-components';
import {
  COACHING_END_REASONS,
  COACHING_INTENSITIES,
  COACHING_MODELS,
} from '../../modules/coaching/coaching.table.ts';
import { useTeams } from '../admin/queries.ts';
import { ApiError } from '../api.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { JobSearchSection } from './job-search-section.tsx';
import { ModulesSection } from './modules-section.tsx';
import { PlacementsSection } from './placements-section.tsx';
import { type Coaching, useCaseloads, useCoaching, useEndCoaching, useUpdateCoaching } from './queries.ts';
import { itemsOrNone, SubForm, useApiFormErrors } from './ui.tsx';
import { VocationalProfileSection } from './vocational-profile-section.tsx';

export function CoachingPage() {
  const { id = '' } = useParams();
  const t = useT();
  const coaching = useCoaching(id);
  if (coaching.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (coaching.isError) {
    const notFound = coaching.error instanceof ApiError && coaching.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={coaching.error} />
      </>
    );
  }
  return <CoachingView coaching={coaching.data} />;
}

/** One client's coaching, from the vocational profile to the job and the support after it. */
function CoachingView({ coaching: k }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const ended = k.endedOn !== null;
  const m = k.measures;
  const [editing, setEditing] = useState(false);

  return (
    <div data-qa="coaching-page">
      <PageHeading data-qa="coaching-heading">{e.coaching.title(k.clientName)}</PageHeading>
      {ended && (
        <InlineAlert status="neutral" labelText={e.coaching.endedTitle} mb="m" data-qa="coaching-ended">
          {e.coaching.endedText(
            formatDate(k.endedOn),
            lookup(e.coachingEndReasons, k.endReason) ?? k.endReason ?? '',
          )}
          {k.endNote && ` ${k.endNote}`}
        </InlineAlert>
      )}
      <Section
        title={e.coaching.summaryTitle}
        data-qa="coaching-summary"
        actions={
          !ended &&
          can('coaching.update') &&
          !editing && (
            <Button variant="secondary" onClick={() => setEditing(true)} data-qa="edit-coaching">
              {e.coaching.edit}
            </Button>
          )
        }
      >
        {editing && <EditCoachingForm key={k.version} coaching={k} onDone={() => setEditing(false)} />}
        <dl className="data-list data-list--columns">
          <dt>{e.coaching.client}</dt>
          <dd>
            <RouterLink asComponent={Link} to={`/clients/${k.clientId}`} data-qa="coaching-client-link">
              {k.clientName}
            </RouterLink>
          </dd>
          <dt>{e.coaching.model}</dt>
          <dd data-qa="coaching-model-value">{e.models[k.model]}</dd>
          <dt>{e.coaching.intensity}</dt>
          <dd data-qa="coaching-intensity-value">{e.intensities[k.intensity]}</dd>
          <dt>{e.coaching.kind}</dt>
          <dd>{e.kinds[k.kind]}</dd>
          <dt>{e.coaching.coach}</dt>
          <dd>{k.coach.name}</dd>
          <dt>{e.coaching.team}</dt>
          <dd>{k.team?.name ?? t.common.notRecorded}</dd>
          <dt>{e.coaching.organisation}</dt>
          <dd>{k.organisation.name}</dd>
          <dt>{e.coaching.started}</dt>
          <dd>{formatDate(k.startedOn)}</dd>
        </dl>
      </Section>

      <Section title={e.measures.title} data-qa="coaching-measures">
        <Paragraph mb="m">{e.measures.intro}</Paragraph>
        <dl className="data-list">
          <dt>{e.measures.toFirstContact}</dt>
          <dd data-qa="measure-first-contact">
            {m.daysToFirstEmployerContact === null
              ? e.measures.noContactYet
              : e.days(m.daysToFirstEmployerContact)}
            {m.firstContactWithinTarget !== null && (
              <>
                {' '}
                <span
                  className={`status status--${m.firstContactWithinTarget ? 'active' : 'failed'}`}
                  data-qa="measure-first-contact-target"
                >
                  {m.firstContactWithinTarget ? e.measures.withinTarget : e.measures.overTarget}
                </span>
              </>
            )}
          </dd>
          <dt>{e.measures.toFirstJob}</dt>
          <dd data-qa="measure-first-job">
            {m.daysToFirstJobStart === null ? e.measures.noJobYet : e.days(m.daysToFirstJobStart)}
          </dd>
        </dl>
      </Section>

      <VocationalProfileSection coaching={k} />
      <JobSearchSection coaching={k} />
      <CoachingContactsSection coaching={k} />
      <CoachingWorkTrialsSection coaching={k} />
      <ModulesSection coaching={k} />
      <PlacementsSection coaching={k} />
      {!ended && can('coaching.end') && <EndCoachingSection coaching={k} />}
    </div>
  );
}

/** The coach's contacts with employers about this client, and whether the client was named. */
function CoachingContactsSection({ coaching: k }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  return (
    <Section
      title={e.coaching.contactsTitle}
      data-qa="coaching-contacts"
      actions={
        k.endedOn === null &&
        can('employerContact.create') && (
          <RouterLink
            asComponent={Link}
            to={`/employer-contacts/new?coachingId=${k.id}`}
            data-qa="coaching-log-contact-link"
          >
            {e.contacts.logContact}
          </RouterLink>
        )
      }
    >
      {k.employerContacts.length === 0 ? (
        <Paragraph data-qa="coaching-contacts-empty">{e.coaching.noContacts}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="coaching-contacts-table">
          <Table
            caption={e.coaching.contactsCaption}
            columns={[
              { key: 'date', labelText: e.contacts.columns.date },
              { key: 'employer', labelText: e.contacts.columns.employer },
              { key: 'purpose', labelText: e.contacts.columns.purpose },
              { key: 'outcome', labelText: e.contacts.columns.outcome },
              { key: 'named', labelText: e.contacts.columns.clientNamed },
              { key: 'coach', labelText: e.contacts.columns.coach },
            ]}
            data={k.employerContacts.map((c) => ({
              id: c.id,
              date: <span className="nowrap">{formatDate(c.contactedOn)}</span>,
              employer: (
                <RouterLink asComponent={Link} to={`/employers/${c.employer.id}`}>
                  {c.employer.name}
                </RouterLink>
              ),
              purpose: lookup(e.contactPurposes, c.purpose) ?? c.purpose,
              outcome: lookup(e.contactOutcomes, c.outcome) ?? c.outcome,
              named: c.clientNameDisclosed ? e.yes : e.no,
              coach: c.coachName ?? t.common.notRecorded,
            }))}
          />
        </div>
      )}
    </Section>
  );
}

function CoachingWorkTrialsSection({ coaching: k }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  return (
    <Section
      title={e.workTrials.title}
      data-qa="coaching-work-trials"
      actions={
        k.endedOn === null &&
        can('workTrial.create') && (
          <RouterLink
            asComponent={Link}
            to={`/coaching/${k.id}/work-trials/new`}
            data-qa="new-work-trial-link"
          >
            {e.workTrials.add}
          </RouterLink>
        )
      }
    >
      {k.workTrials.length === 0 ? (
        <Paragraph data-qa="work-trials-empty">{e.workTrials.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="work-trials-table">
          <Table
            caption={e.workTrials.caption}
            columns={[
              { key: 'employer', labelText: e.workTrials.columns.employer },
              { key: 'period', labelText: e.workTrials.columns.period },
              { key: 'status', labelText: e.workTrials.columns.status },
            ]}
            data={k.workTrials.map((w) => ({
              id: w.id,
              employer: (
                <RouterLink asComponent={Link} to={`/work-trials/${w.id}`} data-qa="work-trial-link">
                  {e.workTrials.linkText(w.employer.name)}
                </RouterLink>
              ),
              period: <span className="nowrap">{`${formatDate(w.startsOn)}–${formatDate(w.endsOn)}`}</span>,
              status: (
                <span className={`status status--${w.status === 'ongoing' ? 'active' : 'upcoming'}`}>
                  {e.workTrialStatuses[w.status]}
                </span>
              ),
            }))}
          />
        </div>
      )}
    </Section>
  );
}

const END_ID = 'end-coaching';
type EndReason = (typeof COACHING_END_REASONS)[number];

function EndCoachingSection({ coaching: k }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const end = useEndCoaching(k.id);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ endedOn: isoToFinnish(todayIso()), reason: '', note: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => lookup(e.endCoaching.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['endedOn', 'reason']);
    const endedOn = finnishToIso(values.endedOn);
    if (!fields.endedOn && !endedOn) fields.endedOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !endedOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    end.mutate(
      { endedOn, reason: values.reason as EndReason, note: values.note, version: k.version },
      {
        onSuccess: () => {
          flash(e.endCoaching.done);
          setOpen(false);
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <Section title={e.endCoaching.title} data-qa="end-coaching">
      <Paragraph mb="m">{e.endCoaching.intro}</Paragraph>
      {open ? (
        <SubForm
          idPrefix={END_ID}
          title={e.endCoaching.formTitle}
          errors={errors}
          label={label}
          pending={end.isPending}
          submitText={e.endCoaching.submit}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
          data-qa="end-coaching-form"
        >
          <div className="form-grid">
            <DateField
              id={fieldId(END_ID, 'endedOn')}
              label={e.endCoaching.fields.endedOn}
              value={values.endedOn}
              onChange={(v) => setValues((x) => ({ ...x, endedOn: v }))}
              error={errors.fields.endedOn}
            />
            <Dropdown
              id={fieldId(END_ID, 'reason')}
              labelText={e.endCoaching.fields.reason}
              visualPlaceholder={t.common.choose}
              value={values.reason || null}
              onChange={(v) => setValues((x) => ({ ...x, reason: v }))}
              status={errors.fields.reason ? 'error' : 'default'}
              statusText={errors.fields.reason}
              fullWidth
            >
              {COACHING_END_REASONS.filter((r) => r !== 'module_review').map((r) => (
                <DropdownItem key={r} value={r}>
                  {e.coachingEndReasons[r]}
                </DropdownItem>
              ))}
            </Dropdown>
          </div>
          <Textarea
            id={fieldId(END_ID, 'note')}
            labelText={e.endCoaching.fields.note}
            optionalText={t.common.optional}
            value={values.note}
            onChange={(ev) => setValues((x) => ({ ...x, note: ev.target.value }))}
            fullWidth
            mt="m"
          />
        </SubForm>
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)} data-qa="end-coaching-open">
          {e.endCoaching.open}
        </Button>
      )}
    </Section>
  );
}

const EDIT_ID = 'edit-coaching';
type Intensity = (typeof COACHING_INTENSITIES)[number];
type Model = (typeof COACHING_MODELS)[number];

/** The intensity and model change as the client moves on; the coach and team when the work is reorganised. */
function EditCoachingForm({ coaching: k, onDone }: { coaching: Coaching; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const session = useSession();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const update = useUpdateCoaching(k.id);
  const caseloads = useCaseloads();
  const teams = useTeams(session.membership.organisationId);
  const [values, setValues] = useState({
    model: k.model as Model,
    intensity: k.intensity as Intensity,
    coachUserId: k.coach.userId,
    teamId: k.team?.id ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => lookup(e.start.fields, field) ?? field;
  const coaches = caseloads.data?.coaches ?? [];
  const activeTeams = (teams.data ?? []).filter((x) => x.active || x.id === k.team?.id);

  function submit() {
    update.mutate(
      { ...values, teamId: values.teamId || null, version: k.version },
      {
        onSuccess: () => {
          flash(e.coaching.saved);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={EDIT_ID}
      title={e.coaching.editTitle}
      errors={errors}
      label={label}
      pending={update.isPending}
      submitText={t.common.save}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="edit-coaching-form"
    >
      <RadioButtonGroup
        id={fieldId(EDIT_ID, 'model')}
        name={`${EDIT_ID}-model`}
        labelText={e.start.fields.model}
        value={values.model}
        onChange={(v) => setValues((x) => ({ ...x, model: v as Model }))}
        mb="m"
      >
        {COACHING_MODELS.map((m) => (
          <RadioButton key={m} value={m}>
            {e.models[m]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <RadioButtonGroup
        id={fieldId(EDIT_ID, 'intensity')}
        name={`${EDIT_ID}-intensity`}
        labelText={e.start.fields.intensity}
        value={values.intensity}
        onChange={(v) => setValues((x) => ({ ...x, intensity: v as Intensity }))}
        mb="m"
      >
        {COACHING_INTENSITIES.map((i) => (
          <RadioButton key={i} value={i} hintText={e.intensityHints[i]}>
            {e.intensities[i]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <div className="form-grid">
        <Dropdown
          id={fieldId(EDIT_ID, 'coachUserId')}
          labelText={e.start.fields.coachUserId}
          value={values.coachUserId}
          onChange={(v) => setValues((x) => ({ ...x, coachUserId: v }))}
          status={errors.fields.coachUserId ? 'error' : 'default'}
          statusText={errors.fields.coachUserId}
          fullWidth
        >
          {itemsOrNone(
            (coaches.some((c) => c.userId === k.coach.userId)
              ? coaches
              : [{ userId: k.coach.userId, name: k.coach.name }, ...coaches]
            ).map((c) => (
              <DropdownItem key={c.userId} value={c.userId}>
                {c.name}
              </DropdownItem>
            )),
            e.noOptions,
          )}
        </Dropdown>
        <Dropdown
          id={fieldId(EDIT_ID, 'teamId')}
          labelText={e.start.fields.teamId}
          optionalText={t.common.optional}
          value={values.teamId || 'none'}
          onChange={(v) => setValues((x) => ({ ...x, teamId: v === 'none' ? '' : v }))}
          status={errors.fields.teamId ? 'error' : 'default'}
          statusText={errors.fields.teamId}
          fullWidth
        >
          {[
            <DropdownItem key="none" value="none">
              {e.start.noTeam}
            </DropdownItem>,
            ...activeTeams.map((x) => (
              <DropdownItem key={x.id} value={x.id}>
                {x.name}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
    </SubForm>
  );
}
