import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Paragraph,
  RouterLink,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
  StaleVersionNotice,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { OrganisationFilter } from './organisation-select.tsx';
import { type Team, useCreateTeam, useOrganisations, useTeams, useUpdateTeam, useUsers } from './queries.ts';

export function TeamsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisationId') ?? undefined;
  const organisations = useOrganisations();
  const teams = useTeams(organisationId);
  const users = useUsers();
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const userName = (id: string) => {
    const u = users.data?.find((x) => x.id === id);
    return u ? `${u.firstName} ${u.lastName}` : id;
  };
  const rows = teams.data ?? [];
  return (
    <div data-qa="teams-page">
      <PageHeading data-qa="teams-heading">{t.teams.title}</PageHeading>
      <Paragraph mb="m">{t.teams.intro}</Paragraph>
      <p className="page-actions">
        <RouterLink asComponent={Link} to="/admin/teams/new" data-qa="add-team-link">
          {t.teams.add}
        </RouterLink>
      </p>
      <div className="panel filters">
        <OrganisationFilter
          id="teams-organisation-filter"
          label={t.teams.filterOrganisation}
          organisations={organisations.data ?? []}
          value={organisationId}
          onChange={(id) => setParams(id ? { organisationId: id } : {})}
        />
      </div>
      {teams.isPending ? (
        <Loading />
      ) : teams.isError ? (
        <LoadError error={teams.error} />
      ) : rows.length === 0 ? (
        <Paragraph>{t.teams.empty}</Paragraph>
      ) : (
        <div className="table-wrapper panel" data-qa="teams-table">
          <Table
            caption={t.teams.caption}
            columns={[
              { key: 'name', labelText: t.teams.columns.name },
              { key: 'organisation', labelText: t.teams.columns.organisation },
              { key: 'members', labelText: t.teams.columns.members },
              { key: 'status', labelText: t.teams.columns.status },
              { key: 'actions', labelText: t.teams.columns.actions },
            ]}
            data={rows.map((team) => ({
              id: team.id,
              name: (
                <>
                  <strong>{team.name}</strong>
                  {team.description && (
                    <>
                      <br />
                      {team.description}
                    </>
                  )}
                </>
              ),
              organisation: orgName(team.organisationId),
              members: team.memberUserIds.map(userName).join(', '),
              status: (
                <span className={`status status--${team.active ? 'active' : 'inactive'}`}>
                  {team.active ? t.common.active : t.common.inactive}
                </span>
              ),
              actions: (
                <RouterLink
                  asComponent={Link}
                  to={`/admin/teams/${team.id}/edit`}
                  aria-label={`${t.common.edit}: ${team.name}`}
                  data-qa="edit-team-link"
                >
                  {t.common.edit}
                </RouterLink>
              ),
            }))}
          />
        </div>
      )}
    </div>
  );
}

export function TeamFormPage() {
  const { id } = useParams();
  const t = useT();
  const teams = useTeams();
  const organisations = useOrganisations();
  if (teams.isPending || organisations.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const existing = id ? teams.data?.find((team) => team.id === id) : undefined;
  if (teams.isError || organisations.isError || (id && !existing)) {
    return (
      <>
        <PageHeading>{id && !existing ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={teams.error ?? organisations.error} />
      </>
    );
  }
  return (
    <TeamForm
      key={existing?.id ?? 'new'}
      existing={existing}
      refetch={async () => (await teams.refetch()).data?.find((team) => team.id === id)}
    />
  );
}

const ID = 'team';

interface Values {
  organisationId: string;
  name: string;
  description: string;
  memberUserIds: string[];
  active: boolean;
}

function valuesOf(team: Team | undefined): Values {
  return {
    organisationId: team?.organisationId ?? '',
    name: team?.name ?? '',
    description: team?.description ?? '',
    memberUserIds: team ? [...team.memberUserIds] : [],
    active: team?.active ?? true,
  };
}

function TeamForm({
  existing,
  refetch,
}: {
  existing: Team | undefined;
  refetch: () => Promise<Team | undefined>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const organisations = useOrganisations();
  const create = useCreateTeam();
  const update = useUpdateTeam(existing?.id ?? '');
  const [values, setValues] = useState<Values>(() => valuesOf(existing));
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const users = useUsers(values.organisationId || undefined, { enabled: values.organisationId !== '' });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(t.teams.fields, field) ?? field;
  const pending = create.isPending || update.isPending;
  // Only users acting in the team's organisation can be its members.
  const candidates = (users.data ?? []).filter((u) =>
    u.memberships.some((m) => m.active && m.organisationId === values.organisationId),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { ...values }, ['organisationId', 'name']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const onError = (error: unknown) => setErrors(apiFormErrors(t, error, { duplicate_name: 'name' }));
    const onSuccess = (message: string) => () => {
      flash(message, { nextPage: true });
      navigate('/admin/teams');
    };
    const { organisationId, active, ...body } = values;
    if (existing)
      update.mutate({ ...body, active, version }, { onSuccess: onSuccess(t.teams.updated), onError });
    else create.mutate({ ...body, organisationId }, { onSuccess: onSuccess(t.teams.created), onError });
  }

  async function reload() {
    const latest = await refetch();
    if (!latest) return;
    setValues(valuesOf(latest));
    setVersion(latest.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  const organisationName = organisations.data?.find((o) => o.id === values.organisationId)?.name;
  return (
    <div data-qa="team-form-page">
      <PageHeading>{existing ? t.teams.editTitle(existing.name) : t.teams.addTitle}</PageHeading>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="team-form">
        <div className="form-grid">
          {existing ? (
            <p className="read-only-field">
              <strong>{t.teams.fields.organisationId}:</strong> {organisationName}
            </p>
          ) : (
            <Dropdown
              id={fieldId(ID, 'organisationId')}
              labelText={t.teams.fields.organisationId}
              value={values.organisationId || null}
              visualPlaceholder={t.common.choose}
              onChange={(v) => setValues((current) => ({ ...current, organisationId: v, memberUserIds: [] }))}
              status={errors.fields.organisationId ? 'error' : 'default'}
              statusText={errors.fields.organisationId}
              fullWidth
              data-qa="team-organisation"
            >
              {(organisations.data ?? [])
                .filter((o) => o.active)
                .map((o) => (
                  <DropdownItem key={o.id} value={o.id}>
                    {o.name}
                  </DropdownItem>
                ))}
            </Dropdown>
          )}
          <TextInput
            id={fieldId(ID, 'name')}
            labelText={t.teams.fields.name}
            value={values.name}
            onChange={(v) => set('name', String(v ?? ''))}
            status={errors.fields.name ? 'error' : 'default'}
            statusText={errors.fields.name}
            fullWidth
            data-qa="team-name"
          />
        </div>
        <Textarea
          id={fieldId(ID, 'description')}
          labelText={t.teams.fields.description}
          optionalText={t.common.optional}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          status={errors.fields.description ? 'error' : 'default'}
          statusText={errors.fields.description}
          fullWidth
          mt="l"
          data-qa="team-description"
        />
        {values.organisationId === '' ? (
          <Paragraph mt="l">{t.teams.chooseOrganisationFirst}</Paragraph>
        ) : users.isPending ? (
          <Loading />
        ) : candidates.length === 0 ? (
          <Paragraph mt="l">{t.teams.noUsers}</Paragraph>
        ) : (
          <CheckboxGroup
            id={fieldId(ID, 'memberUserIds')}
            labelText={t.teams.fields.memberUserIds}
            groupHintText={t.teams.membersHint}
            groupStatus={errors.fields.memberUserIds ? 'error' : 'default'}
            groupStatusText={errors.fields.memberUserIds}
            mt="l"
            data-qa="team-members"
          >
            {candidates.map((u) => (
              <Checkbox
                key={u.id}
                checked={values.memberUserIds.includes(u.id)}
                onClick={({ checkboxState }) =>
                  set(
                    'memberUserIds',
                    checkboxState
                      ? [...values.memberUserIds, u.id]
                      : values.memberUserIds.filter((x) => x !== u.id),
                  )
                }
              >
                {`${u.firstName} ${u.lastName}`}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
        {existing && (
          <Checkbox
            id={fieldId(ID, 'active')}
            checked={values.active}
            onClick={({ checkboxState }) => set('active', checkboxState)}
            mt="l"
            data-qa="team-active"
          >
            {t.teams.fields.active}
          </Checkbox>
        )}
        <div className="button-row">
          <Button type="submit" disabled={pending} data-qa="team-submit">
            {pending ? t.common.saving : t.common.save}
          </Button>
          <RouterLink asComponent={Link} to="/admin/teams">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
