import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, Paragraph, RouterLink, Table, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { SubForm, useApiFormErrors } from '../coaching/ui.tsx';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import {
  type ReviewSummary,
  type TeamFidelity,
  useCreateReview,
  useFidelityTeams,
  useTeamFidelity,
} from './queries.ts';

/** A band as a coloured label: exemplary and good are IPS, fair is partly, below 74 is not supported employment. */
export function BandLabel({ band, total }: { band: ReviewSummary['band']; total: number | null }) {
  const e = useT().employment;
  if (!band) return <>–</>;
  const tone = band === 'exemplary' || band === 'good' ? 'active' : band === 'fair' ? 'upcoming' : 'failed';
  return (
    <span className={`status status--${tone}`} data-qa="fidelity-band" data-band={band}>
      {total === null ? e.fidelityBands[band] : e.fidelity.bandWithTotal(e.fidelityBands[band], total)}
    </span>
  );
}

/** The organisation's coaching teams: the latest fidelity band, the next review, and the reviews under way. */
export function FidelityPage() {
  const t = useT();
  const e = t.employment;
  const teams = useFidelityTeams();
  return (
    <div data-qa="fidelity-page">
      <PageHeading>{e.fidelity.title}</PageHeading>
      <Paragraph mb="s">{e.fidelity.intro}</Paragraph>
      <Paragraph mb="m">{e.fidelity.bandsExplained}</Paragraph>
      {teams.isPending ? (
        <Loading />
      ) : teams.isError ? (
        <LoadError error={teams.error} />
      ) : teams.data.length === 0 ? (
        <Paragraph>{e.fidelity.noTeams}</Paragraph>
      ) : (
        teams.data.map((team) => <TeamCard key={team.team.id} team={team} />)
      )}
    </div>
  );
}

function TeamCard({ team }: { team: TeamFidelity }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [starting, setStarting] = useState(false);
  const latest = team.latest;
  return (
    <Section
      title={team.team.name}
      id={`team-${team.team.id}`}
      data-qa="fidelity-team"
      actions={
        <RouterLink asComponent={Link} to={`/fidelity/teams/${team.team.id}`} data-qa="fidelity-history-link">
          {e.fidelity.historyLink}
        </RouterLink>
      }
    >
      {team.overdue && (
        <InlineAlert status="warning" labelText={e.fidelity.overdueTitle} mb="m" data-qa="fidelity-overdue">
          {e.fidelity.overdue(formatDate(team.nextReviewDue))}
        </InlineAlert>
      )}
      <dl className="data-list">
        <dt>{e.fidelity.latest}</dt>
        <dd data-qa="fidelity-latest">
          {latest ? (
            <>
              {formatDate(latest.reviewDate)} <BandLabel band={latest.band} total={latest.total} />
            </>
          ) : (
            e.fidelity.noReviews
          )}
        </dd>
        <dt>{e.fidelity.nextDue}</dt>
        <dd>{team.nextReviewDue ? formatDate(team.nextReviewDue) : e.fidelity.nextDueUnknown}</dd>
        {team.draft && (
          <>
            <dt>{e.fidelity.draft}</dt>
            <dd>
              <RouterLink
                asComponent={Link}
                to={`/fidelity/reviews/${team.draft.id}`}
                data-qa="fidelity-draft-link"
              >
                {e.fidelity.continueDraft(formatDate(team.draft.reviewDate))}
              </RouterLink>
            </dd>
          </>
        )}
      </dl>
      {can('fidelity.create') &&
        (starting ? (
          <StartReviewForm teamId={team.team.id} onDone={() => setStarting(false)} />
        ) : (
          <Button
            variant="secondary"
            mt="m"
            onClick={() => setStarting(true)}
            data-qa="start-fidelity-review"
          >
            {e.fidelity.start}
          </Button>
        ))}
    </Section>
  );
}

const START_ID = 'fidelity-start';

function StartReviewForm({ teamId, onDone }: { teamId: string; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const session = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const create = useCreateReview(teamId);
  const [values, setValues] = useState({
    reviewDate: isoToFinnish(todayIso()),
    reviewer1Name: `${session.user.firstName} ${session.user.lastName}`,
    reviewer2Name: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.review.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['reviewDate', 'reviewer1Name', 'reviewer2Name']);
    const reviewDate = finnishToIso(values.reviewDate);
    if (!fields.reviewDate && !reviewDate) fields.reviewDate = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !reviewDate) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    create.mutate(
      { ...values, reviewDate },
      {
        onSuccess: (review) => {
          flash(e.fidelity.started, { nextPage: true });
          navigate(`/fidelity/reviews/${review.id}`);
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={START_ID}
      title={e.fidelity.startTitle}
      intro={e.fidelity.startIntro}
      errors={errors}
      label={label}
      pending={create.isPending}
      submitText={e.fidelity.startSubmit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="fidelity-start-form"
    >
      <div className="form-grid">
        <DateField
          id={fieldId(START_ID, 'reviewDate')}
          label={e.review.fields.reviewDate}
          value={values.reviewDate}
          onChange={(v) => set('reviewDate', v)}
          error={errors.fields.reviewDate}
        />
        <TextInput
          id={fieldId(START_ID, 'reviewer1Name')}
          labelText={e.review.fields.reviewer1Name}
          value={values.reviewer1Name}
          onChange={(v) => set('reviewer1Name', String(v ?? ''))}
          status={errors.fields.reviewer1Name ? 'error' : 'default'}
          statusText={errors.fields.reviewer1Name}
          fullWidth
          data-qa="fidelity-reviewer1"
        />
        <TextInput
          id={fieldId(START_ID, 'reviewer2Name')}
          labelText={e.review.fields.reviewer2Name}
          value={values.reviewer2Name}
          onChange={(v) => set('reviewer2Name', String(v ?? ''))}
          status={errors.fields.reviewer2Name ? 'error' : 'default'}
          statusText={errors.fields.reviewer2Name}
          fullWidth
          data-qa="fidelity-reviewer2"
        />
      </div>
    </SubForm>
  );
}

/** A team's reviews, newest first, with their bands. */
export function TeamFidelityPage() {
  const { id = '' } = useParams();
  const t = useT();
  const e = t.employment;
  const team = useTeamFidelity(id);
  if (team.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (team.isError) {
    const notFound = team.error instanceof ApiError && team.error.status === 404;
    return (
      <>
        <PageHeading>{notFound ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={team.error} />
      </>
    );
  }
  const history = team.data.history;
  return (
    <div data-qa="team-fidelity-page">
      <PageHeading>{e.fidelity.historyTitle(team.data.team.name)}</PageHeading>
      <p className="page-actions">
        <RouterLink asComponent={Link} to="/fidelity">
          {e.fidelity.backToTeams}
        </RouterLink>
      </p>
      {history.length === 0 ? (
        <Paragraph>{e.fidelity.noReviews}</Paragraph>
      ) : (
        <div className="table-wrapper panel" data-qa="fidelity-history">
          <Table
            caption={e.fidelity.historyCaption(team.data.team.name)}
            columns={[
              { key: 'date', labelText: e.fidelity.columns.date },
              { key: 'status', labelText: e.fidelity.columns.status },
              { key: 'band', labelText: e.fidelity.columns.band },
              { key: 'next', labelText: e.fidelity.columns.nextDue },
            ]}
            data={history.map((r) => ({
              id: r.id,
              date: (
                <RouterLink
                  asComponent={Link}
                  to={`/fidelity/reviews/${r.id}`}
                  data-qa="fidelity-review-link"
                >
                  {formatDate(r.reviewDate)}
                </RouterLink>
              ),
              status: e.reviewStatuses[r.status],
              band: <BandLabel band={r.band} total={r.total} />,
              next: r.nextReviewDue ? formatDate(r.nextReviewDue) : '–',
            }))}
          />
        </div>
      )}
    </div>
  );
}
