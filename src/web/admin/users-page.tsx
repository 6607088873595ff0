import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Paragraph,
  RouterLink,
  Table,
  TextInput,
} from 'suomifi-ui-components';
import { ROLES, type Role } from '../../server/policy/roles.ts';
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
import { type User, useCreateUser, useOrganisations, useUpdateUser, useUser, useUsers } from './queries.ts';

export function UsersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisationId') ?? undefined;
  const organisations = useOrganisations();
  const users = useUsers(organisationId);
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const rows = users.data ?? [];
  return (
    <div data-qa="users-page">
      <PageHeading data-qa="users-heading">{t.users.title}</PageHeading>
      <Paragraph mb="m">{t.users.intro}</Paragraph>
      <p className="page-actions">
        <RouterLink asComponent={Link} to="/admin/users/new" data-qa="add-user-link">
          {t.users.add}
        </RouterLink>
      </p>
      <div className="panel filters">
        <OrganisationFilter
          id="users-organisation-filter"
          label={t.users.filterOrganisation}
          organisations={organisations.data ?? []}
          value={organisationId}
          onChange={(id) => setParams(id ? { organisationId: id } : {})}
        />
      </div>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <LoadError error={users.error} />
      ) : (
        <div className="table-wrapper panel" data-qa="users-table">
          <Table
            caption={t.users.caption}
            columns={[
              { key: 'name', labelText: t.users.columns.name },
              { key: 'email', labelText: t.users.columns.email },
              { key: 'memberships', labelText: t.users.columns.memberships },
              { key: 'status', labelText: t.users.columns.status },
              { key: 'actions', labelText: t.users.columns.actions },
            ]}
            data={rows.map((u) => ({
              id: u.id,
              name: `${u.lastName}, ${u.firstName}`,
              email: u.email,
              memberships: (
                <ul className="plain-list">
                  {u.memberships
                    .filter((m) => m.active)
                    .map((m) => (
                      <li key={m.id}>{t.auth.membership(orgName(m.organisationId), t.roles[m.role])}</li>
                    ))}
                </ul>
              ),
              status: (
                <span className={`status status--${u.active ? 'active' : 'inactive'}`}>
                  {u.active ? t.common.active : t.common.inactive}
                </span>
              ),
              actions: (
                <RouterLink
                  asComponent={Link}
                  to={`/admin/users/${u.id}/edit`}
                  aria-label={`${t.common.edit}: ${u.firstName} ${u.lastName}`}
                  data-qa="edit-user-link"
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

export function NewUserPage() {
  const t = useT();
  const organisations = useOrganisations();
  if (organisations.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (organisations.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={organisations.error} />
      </>
    );
  }
  return <UserForm existing={undefined} refetch={async () => undefined} />;
}

export function EditUserPage() {
  const { id = '' } = useParams();
  const t = useT();
  const user = useUser(id);
  const organisations = useOrganisations();
  if (user.isPending || organisations.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (user.isError || organisations.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={user.error ?? organisations.error} />
      </>
    );
  }
  return (
    <UserForm key={user.data.id} existing={user.data} refetch={async () => (await user.refetch()).data} />
  );
}

const ID = 'user';

interface MembershipValue {
  key: number;
  organisationId: string;
  role: Role | '';
}

interface Values {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  oidcSubject: string;
  memberships: MembershipValue[];
  active: boolean;
}

let nextKey = 1;

function valuesOf(user: User | undefined): Values {
  const memberships = (user?.memberships ?? [])
    .filter((m) => m.active)
    .map((m) => ({ key: nextKey++, organisationId: m.organisationId, role: m.role as Role | '' }));
  return {
    email: user?.email ?? '',
    firstName: user?.firstName ?? '',
    lastName: user?.lastName ?? '',
    password: '',
    oidcSubject: user?.oidcSubject ?? '',
    memberships: memberships.length > 0 ? memberships : [{ key: nextKey++, organisationId: '', role: '' }],
    active: user?.active ?? true,
  };
}

function UserForm({
  existing,
  refetch,
}: {
  existing: User | undefined;
  refetch: () => Promise<User | undefined>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const organisations = useOrganisations();
  const create = useCreateUser();
  const update = useUpdateUser(existing?.id ?? '');
  const [values, setValues] = useState<Values>(() => valuesOf(existing));
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const pending = create.isPending || update.isPending;

  function label(field: string): string {
    const [base, index, part] = field.split('.');
    if (base === 'memberships' && index !== undefined) {
      const partLabel = part ? (lookup(t.users.fields, part) ?? part) : '';
      return `${t.users.membershipLegend(Number(index) + 1)}${partLabel ? `, ${partLabel.toLowerCase()}` : ''}`;
    }
    return lookup(t.users.fields, field) ?? field;
  }

  function setMembership(key: number, change: Partial<MembershipValue>) {
    set(
      'memberships',
      values.memberships.map((m) => (m.key === key ? { ...m, ...change } : m)),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // In the order of the form, so that the summary reads like the page.
    const fields = missingFields(t, { ...values }, ['firstName', 'lastName', 'email']);
    if (values.password && values.password.length < 12) fields.password = t.errors.fields.password;
    values.memberships.forEach((m, i) => {
      if (!m.organisationId) fields[`memberships.${i}.organisationId`] = t.errors.issues.required;
      if (!m.role) fields[`memberships.${i}.role`] = t.errors.issues.required;
    });
    if (values.memberships.length === 0) fields.memberships = t.errors.fields.memberships;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const body = {
      email: values.email,
      firstName: values.firstName,
      lastName: values.lastName,
      ...(values.password ? { password: values.password } : {}),
      ...(values.oidcSubject.trim() ? { oidcSubject: values.oidcSubject.trim() } : {}),
      memberships: values.memberships.map((m) => ({
        organisationId: m.organisationId,
        role: m.role as Role,
      })),
    };
    const onError = (error: unknown) => setErrors(apiFormErrors(t, error, { duplicate_email: 'email' }));
    const onSuccess = (message: string) => () => {
      flash(message, { nextPage: true });
      navigate('/admin/users');
    };
    if (existing) {
      update.mutate(
        { ...body, active: values.active, version },
        { onSuccess: onSuccess(t.users.updated), onError },
      );
    } else {
      create.mutate(body, { onSuccess: onSuccess(t.users.created), onError });
    }
  }

  async function reload() {
    const latest = await refetch();
    if (!latest) return;
    setValues(valuesOf(latest));
    setVersion(latest.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  const text = (
    key: 'email' | 'firstName' | 'lastName' | 'password' | 'oidcSubject',
    extra: { type?: 'text' | 'email' | 'password'; hintText?: string; optional?: boolean } = {},
  ) => (
    <TextInput
      id={fieldId(ID, key)}
      labelText={t.users.fields[key]}
      hintText={extra.hintText}
      optionalText={extra.optional ? t.common.optional : undefined}
      type={extra.type ?? 'text'}
      autoComplete={key === 'password' ? 'new-password' : 'off'}
      value={values[key]}
      onChange={(v) => set(key, String(v ?? ''))}
      status={errors.fields[key] ? 'error' : 'default'}
      statusText={errors.fields[key]}
      fullWidth
      data-qa={`user-${key}`}
    />
  );

  const activeOrganisations = (organisations.data ?? []).filter((o) => o.active);
  return (
    <div data-qa="user-form-page">
      <PageHeading>
        {existing ? t.users.editTitle(`${existing.firstName} ${existing.lastName}`) : t.users.addTitle}
      </PageHeading>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="user-form">
        <div className="form-grid">
          {text('firstName')}
          {text('lastName')}
          {text('email', { type: 'email' })}
          {text('password', {
            type: 'password',
            hintText: existing ? t.users.passwordEditHint : t.users.passwordHint,
            optional: true,
          })}
          <div className="form-grid__wide">
            {text('oidcSubject', { hintText: t.users.oidcHint, optional: true })}
          </div>
        </div>
        <fieldset className="form-section" id={fieldId(ID, 'memberships')}>
          <legend className="legend-heading">{t.users.fields.memberships}</legend>
          <Paragraph mb="m">{t.users.membershipsHint}</Paragraph>
          {errors.fields.memberships && (
            <p className="field-error" data-qa="memberships-error">
              {errors.fields.memberships}
            </p>
          )}
          {values.memberships.map((m, i) => (
            <fieldset key={m.key} className="membership-row" data-qa="user-membership">
              <legend>{t.users.membershipLegend(i + 1)}</legend>
              <Dropdown
                id={fieldId(ID, `memberships.${i}.organisationId`)}
                labelText={t.users.fields.organisationId}
                value={m.organisationId || null}
                visualPlaceholder={t.common.choose}
                onChange={(v) => setMembership(m.key, { organisationId: v })}
                status={errors.fields[`memberships.${i}.organisationId`] ? 'error' : 'default'}
                statusText={errors.fields[`memberships.${i}.organisationId`]}
                fullWidth
              >
                {activeOrganisations.map((o) => (
                  <DropdownItem key={o.id} value={o.id}>
                    {o.name}
                  </DropdownItem>
                ))}
              </Dropdown>
              <Dropdown
                id={fieldId(ID, `memberships.${i}.role`)}
                labelText={t.users.fields.role}
                value={m.role || null}
                visualPlaceholder={t.common.choose}
                onChange={(v) => setMembership(m.key, { role: v as Role })}
                status={errors.fields[`memberships.${i}.role`] ? 'error' : 'default'}
                statusText={errors.fields[`memberships.${i}.role`]}
                fullWidth
              >
                {ROLES.map((role) => (
                  <DropdownItem key={role} value={role}>
                    {t.roles[role]}
                  </DropdownItem>
                ))}
              </Dropdown>
              <Button
                variant="secondaryNoBorder"
                disabled={values.memberships.length === 1}
                onClick={() =>
                  set(
                    'memberships',
                    values.memberships.filter((x) => x.key !== m.key),
                  )
                }
                aria-label={`${t.users.removeMembership} (${i + 1})`}
              >
                {t.users.removeMembership}
              </Button>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() =>
              set('memberships', [...values.memberships, { key: nextKey++, organisationId: '', role: '' }])
            }
            data-qa="add-membership"
          >
            {t.users.addMembership}
          </Button>
        </fieldset>
        {existing && (
          <Checkbox
            id={fieldId(ID, 'active')}
            checked={values.active}
            onClick={({ checkboxState }) => set('active', checkboxState)}
            hintText={t.users.deactivateHint}
            data-qa="user-active"
          >
            {t.users.fields.active}
          </Checkbox>
        )}
        <div className="button-row">
          <Button type="submit" disabled={pending} data-qa="user-submit">
            {pending ? t.common.saving : t.common.save}
          </Button>
          <RouterLink asComponent={Link} to="/admin/users">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
