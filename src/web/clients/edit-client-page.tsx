import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, RouterLink } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  NO_ERRORS,
  StaleVersionNotice,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import {
  ClientFields,
  type ClientFormValues,
  clientFieldLabel,
  clientFormProblems,
  clientFormValues,
} from './client-form.tsx';
import { type Client, useClient, useUpdateClient } from './queries.ts';

const ID = 'edit-client';

export function EditClientPage() {
  const { id = '' } = useParams();
  const t = useT();
  const client = useClient(id);
  if (client.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (client.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={client.error} />
      </>
    );
  }
  return <EditClientForm client={client.data} refetch={async () => (await client.refetch()).data} />;
}

/**
 * Saves with the version the form started from. If someone else saved in between (409 stale_version),
 * the typed input stays and the user may load the latest version when ready.
 */
function EditClientForm({ client, refetch }: { client: Client; refetch: () => Promise<Client | undefined> }) {
  const t = useT();
  const navigate = useNavigate();
  const flash = useFlash();
  const update = useUpdateClient(client.id);
  const [values, setValues] = useState<ClientFormValues>(() => clientFormValues(client));
  const [version, setVersion] = useState(client.version);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const name = `${client.firstName} ${client.lastName}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = clientFormProblems(t, values, false);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, general: null, error: null });
      return;
    }
    const { identityCode: _identityCode, ...fields } = values;
    update.mutate(
      { ...fields, version },
      {
        onSuccess: () => {
          flash(t.clients.updated, { nextPage: true });
          navigate(`/clients/${client.id}`);
        },
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  async function reloadLatest() {
    const latest = await refetch();
    if (!latest) return;
    setValues(clientFormValues(latest));
    setVersion(latest.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  return (
    <div data-qa="edit-client-page">
      <PageHeading>{t.clients.editTitle(name)}</PageHeading>
      <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => clientFieldLabel(t, f)}>
        <StaleVersionNotice errors={errors} onReload={reloadLatest} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="edit-client-form">
        <p className="read-only-field">
          <strong>{t.clients.fields.identityCode}:</strong> {client.identityCode}
        </p>
        <ClientFields
          idPrefix={ID}
          values={values}
          onChange={setValues}
          errors={errors}
          withIdentityCode={false}
        />
        <div className="button-row">
          <Button type="submit" disabled={update.isPending} data-qa="edit-client-submit">
            {update.isPending ? t.common.saving : t.clients.editSubmit}
          </Button>
          <RouterLink asComponent={Link} to={`/clients/${client.id}`}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
