import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Textarea,
} from 'suomifi-ui-components';
import type { CONSENT_METHODS as SERVER_CONSENT_METHODS } from '../../modules/consents/consent.schema.ts';
import { useOrganisations } from '../admin/queries.ts';
import { useSession } from '../auth/session.tsx';
import { useClient } from '../clients/queries.ts';
import { useCodeLists, useCodeName } from '../code-lists/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { addYears, finnishToIso, isoToFinnish, todayIso } from '../shared/dates.ts';
import {
  apiFormErrors,
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { useAddConsent } from './queries.ts';

const ID = 'consent';
type Method = (typeof SERVER_CONSENT_METHODS)[number];
const CONSENT_METHODS = ['written', 'verbal', 'electronic'] as const satisfies readonly Method[];

interface Values {
  controllerOrganisationId: string;
  recipientOrganisationId: string;
  categories: string[];
  validFrom: string;
  validUntil: string;
  method: Method;
  note: string;
}

/** Records a consent as the client gave it: from which organisation to which, what data, for how long. */
export function AddConsentPage() {
  const { id = '' } = useParams();
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const client = useClient(id);
  const organisations = useOrganisations();
  const codeLists = useCodeLists();
  const codeName = useCodeName();
  const add = useAddConsent(id);
  const today = todayIso();
  const [values, setValues] = useState<Values>({
    controllerOrganisationId: session.membership.organisationId,
    recipientOrganisationId: '',
    categories: [],
    validFrom: isoToFinnish(today),
    validUntil: isoToFinnish(addYears(today, 1)),
    method: 'written',
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(t.consents.fields, field) ?? field;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missingFields(t, { ...values }, [
      'controllerOrganisationId',
      'recipientOrganisationId',
      'categories',
      'validFrom',
      'validUntil',
    ]);
    const validFrom = finnishToIso(values.validFrom);
    const validUntil = finnishToIso(values.validUntil);
    if (!fields.validFrom && !validFrom) fields.validFrom = t.errors.issues.invalid_date;
    if (!fields.validUntil && !validUntil) fields.validUntil = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !validFrom || !validUntil) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      { ...values, validFrom, validUntil },
      {
        onSuccess: () => {
          flash(t.consents.added, { nextPage: true });
          navigate(`/clients/${id}`);
        },
        onError: (error) => setErrors(apiFormErrors(t, error)),
      },
    );
  }

  if (client.isPending || organisations.isPending || codeLists.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const failed = client.error ?? organisations.error ?? codeLists.error;
  if (failed || !client.data) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={failed} />
      </>
    );
  }
  const activeOrganisations = (organisations.data ?? []).filter((o) => o.active);
  const name = `${client.data.firstName} ${client.data.lastName}`;
  const categories = codeLists.data?.dataCategories ?? [];

  return (
    <div data-qa="add-consent-page">
      <PageHeading>{t.consents.addTitle(name)}</PageHeading>
      <Paragraph mb="l">{t.consents.addIntro}</Paragraph>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form className="panel" onSubmit={submit} noValidate data-qa="add-consent-form">
        <div className="form-grid">
          <Dropdown
            id={fieldId(ID, 'controllerOrganisationId')}
            labelText={t.consents.fields.controllerOrganisationId}
            hintText={t.consents.controllerHint}
            value={values.controllerOrganisationId || null}
            visualPlaceholder={t.common.choose}
            onChange={(v) => set('controllerOrganisationId', v)}
            status={errors.fields.controllerOrganisationId ? 'error' : 'default'}
            statusText={errors.fields.controllerOrganisationId}
            fullWidth
            data-qa="consent-controller"
          >
            {activeOrganisations.map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {o.name}
              </DropdownItem>
            ))}
          </Dropdown>
          <Dropdown
            id={fieldId(ID, 'recipientOrganisationId')}
            labelText={t.consents.fields.recipientOrganisationId}
            value={values.recipientOrganisationId || null}
            visualPlaceholder={t.common.choose}
            onChange={(v) => set('recipientOrganisationId', v)}
            status={errors.fields.recipientOrganisationId ? 'error' : 'default'}
            statusText={errors.fields.recipientOrganisationId}
            fullWidth
            data-qa="consent-recipient"
          >
            {activeOrganisations.map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {o.name}
              </DropdownItem>
            ))}
          </Dropdown>
        </div>
        <CheckboxGroup
          id={fieldId(ID, 'categories')}
          labelText={t.consents.fields.categories}
          groupHintText={t.consents.categoriesHint}
          groupStatus={errors.fields.categories ? 'error' : 'default'}
          groupStatusText={errors.fields.categories}
          mt="l"
          mb="l"
          data-qa="consent-categories"
        >
          {categories.map((c) => (
            <Checkbox
              key={c.code}
              checked={values.categories.includes(c.code)}
              onClick={({ checkboxState }) =>
                set(
                  'categories',
                  checkboxState
                    ? [...values.categories, c.code]
                    : values.categories.filter((x) => x !== c.code),
                )
              }
              data-qa={`consent-category-${c.code}`}
            >
              {codeName(categories, c.code)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <div className="form-grid">
          <DateField
            id={fieldId(ID, 'validFrom')}
            label={t.consents.fields.validFrom}
            value={values.validFrom}
            onChange={(v) => set('validFrom', v)}
            error={errors.fields.validFrom}
            data-qa="consent-valid-from"
          />
          <DateField
            id={fieldId(ID, 'validUntil')}
            label={t.consents.fields.validUntil}
            value={values.validUntil}
            onChange={(v) => set('validUntil', v)}
            error={errors.fields.validUntil}
            data-qa="consent-valid-until"
          />
        </div>
        <RadioButtonGroup
          id={fieldId(ID, 'method')}
          name={`${ID}-method`}
          labelText={t.consents.fields.method}
          value={values.method}
          onChange={(v) => set('method', v as Method)}
          mt="l"
          mb="l"
          data-qa="consent-method"
        >
          {CONSENT_METHODS.map((m) => (
            <RadioButton key={m} value={m}>
              {t.consents.methods[m]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <Textarea
          id={fieldId(ID, 'note')}
          labelText={t.consents.fields.note}
          hintText={t.consents.noteHint}
          optionalText={t.common.optional}
          value={values.note}
          onChange={(e) => set('note', e.target.value)}
          status={errors.fields.note ? 'error' : 'default'}
          statusText={errors.fields.note}
          fullWidth
          data-qa="consent-note"
        />
        <div className="button-row">
          <Button type="submit" disabled={add.isPending} data-qa="add-consent-submit">
            {add.isPending ? t.common.saving : t.consents.submit}
          </Button>
          <RouterLink asComponent={Link} to={`/clients/${id}`}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
