import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
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
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
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
import {
  type Organisation,
  useCreateOrganisation,
  useOrganisations,
  useUpdateOrganisation,
} from './queries.ts';

export function OrganisationsPage() {
  const t = useT();
  const organisations = useOrganisations();
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const rows = organisations.data ?? [];
  return (
    <div data-qa="organisations-page">
      <PageHeading data-qa="organisations-heading">{t.organisations.title}</PageHeading>
      <Paragraph mb="m">{t.organisations.intro}</Paragraph>
      <p className="page-actions">
        <RouterLink asComponent={Link} to="/admin/organisations/new" data-qa="add-organisation-link">
          {t.organisations.add}
        </RouterLink>
      </p>
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <LoadError error={organisations.error} />
      ) : (
        <div className="table-wrapper panel" data-qa="organisations-table">
          <Table
            caption={t.organisations.caption}
            columns={[
              { key: 'name', labelText: t.organisations.fields.name },
              { key: 'type', labelText: t.organisations.fields.type },
              { key: 'businessId', labelText: t.organisations.fields.businessId },
              { key: 'municipality', labelText: t.organisations.fields.municipality },
              { key: 'status', labelText: t.common.status },
              { key: 'actions', labelText: t.common.actions },
            ]}
            data={rows.map((o) => ({
              id: o.id,
              name: o.name,
              type: codeName(codeLists.data?.organisationTypes, o.type),
              businessId: o.businessId,
              municipality: o.municipality,
              status: (
                <span className={`status status--${o.active ? 'active' : 'inactive'}`}>
                  {o.active ? t.common.active : t.common.inactive}
                </span>
              ),
              actions: (
                <RouterLink
                  asComponent={Link}
                  to={`/admin/organisations/${o.id}/edit`}
                  aria-label={`${t.common.edit}: ${o.name}`}
                  data-qa="edit-organisation-link"
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

export function OrganisationFormPage() {
  const { id } = useParams();
  const t = useT();
  const organisations = useOrganisations();
  const codeLists = useCodeLists();
  if (organisations.isPending || codeLists.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const existing = id ? organisations.data?.find((o) => o.id === id) : undefined;
  if (organisations.isError || codeLists.isError || (id && !existing)) {
    return (
      <>
        <PageHeading>{id && !existing ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={organisations.error ?? codeLists.error} />
      </>
    );
  }
  return (
    <OrganisationForm
      key={existing?.id ?? 'new'}
      existing={existing}
      refetch={async () => (await organisations.refetch()).data?.find((o) => o.id === id)}
    />
  );
}

const ID = 'organisation';

interface Values {
  name: string;
  type: string;
  businessId: string;
  municipality: string;
  active: boolean;
}

function valuesOf(o: Organisation | undefined): Values {
  return {
    name: o?.name ?? '',
    type: o?.type ?? '',
    businessId: o?.businessId ?? '',
    municipality: o?.municipality ?? '',
    active: o?.active ?? true,
  };
}

function OrganisationForm({
  existing,
  refetch,
}: {
  existing: Organisation | undefined;
  refetch: () => Promise<Organisation | undefined>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(existing?.id ?? '');
  const [values, setValues] = useState<Values>(() => valuesOf(existing));
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(t.organisations.fields, field) ?? field;
  const pending = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { ...values }, ['name', 'type', 'businessId', 'municipality']);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const onError = (error: unknown) => setErrors(apiFormErrors(t, error, { duplicate_name: 'name' }));
    const { active, ...body } = values;
    if (existing) {
      update.mutate(
        { ...body, active, version },
        {
          onSuccess: () => {
            flash(t.organisations.updated, { nextPage: true });
            navigate('/admin/organisations');
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: () => {
          flash(t.organisations.created, { nextPage: true });
          navigate('/admin/organisations');
        },
        onError,
      });
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

  const types = codeLists.data?.organisationTypes ?? [];
  return (
    <div data-qa="organisation-form-page">
      <PageHeading>
        {existing ? t.organisations.editTitle(existing.name) : t.organisations.addTitle}
      </PageHeading>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="organisation-form">
        <div className="form-grid">
          <TextInput
            id={fieldId(ID, 'name')}
            labelText={t.organisations.fields.name}
            value={values.name}
            onChange={(v) => set('name', String(v ?? ''))}
            status={errors.fields.name ? 'error' : 'default'}
            statusText={errors.fields.name}
            fullWidth
            data-qa="organisation-name"
          />
          <Dropdown
            id={fieldId(ID, 'type')}
            labelText={t.organisations.fields.type}
            value={values.type || null}
            visualPlaceholder={t.common.choose}
            onChange={(v) => set('type', v)}
            status={errors.fields.type ? 'error' : 'default'}
            statusText={errors.fields.type}
            fullWidth
            data-qa="organisation-type"
          >
            {types.map((type) => (
              <DropdownItem key={type.code} value={type.code}>
                {codeName(types, type.code)}
              </DropdownItem>
            ))}
          </Dropdown>
          <TextInput
            id={fieldId(ID, 'businessId')}
            labelText={t.organisations.fields.businessId}
            hintText={t.organisations.businessIdHint}
            value={values.businessId}
            onChange={(v) => set('businessId', String(v ?? ''))}
            status={errors.fields.businessId ? 'error' : 'default'}
            statusText={errors.fields.businessId}
            fullWidth
            data-qa="organisation-business-id"
          />
          <TextInput
            id={fieldId(ID, 'municipality')}
            labelText={t.organisations.fields.municipality}
            value={values.municipality}
            onChange={(v) => set('municipality', String(v ?? ''))}
            status={errors.fields.municipality ? 'error' : 'default'}
            statusText={errors.fields.municipality}
            fullWidth
            data-qa="organisation-municipality"
          />
        </div>
        {existing && (
          <Checkbox
            id={fieldId(ID, 'active')}
            checked={values.active}
            onClick={({ checkboxState }) => set('active', checkboxState)}
            hintText={t.organisations.activeHint}
            mt="l"
            data-qa="organisation-active"
          >
            {t.organisations.fields.active}
          </Checkbox>
        )}
        <div className="button-row">
          <Button type="submit" disabled={pending} data-qa="organisation-submit">
            {pending ? t.common.saving : t.common.save}
          </Button>
          <RouterLink asComponent={Link} to="/admin/organisations">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
