import {
  Dropdown,
  DropdownItem,
  Heading,
  RadioButton,
  RadioButtonGroup,
  TextInput,
} from 'suomifi-ui-components';
import type {
  CONTACT_PREFERENCES as SERVER_CONTACT_PREFERENCES,
  LANGUAGES as SERVER_LANGUAGES,
} from '../../modules/clients/client.schema.ts';
import type { Messages } from '../i18n/fi.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { type FormErrors, fieldId, missingFields } from '../shared/form.tsx';
import type { Client } from './queries.ts';

export type ClientLanguage = (typeof SERVER_LANGUAGES)[number];
export type ContactPreference = (typeof SERVER_CONTACT_PREFERENCES)[number];

// The schema's values, typed against it (importing the schema itself would bring zod into the browser).
const LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly ClientLanguage[];
const CONTACT_PREFERENCES = [
  'phone',
  'sms',
  'email',
  'letter',
] as const satisfies readonly ContactPreference[];

export interface ClientFormValues {
  identityCode: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  municipality: string;
  preferredLanguage: ClientLanguage;
  contactPreference: ContactPreference;
}

export const EMPTY_CLIENT: ClientFormValues = {
  identityCode: '',
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  streetAddress: '',
  postalCode: '',
  postOffice: '',
  municipality: '',
  preferredLanguage: 'fi',
  contactPreference: 'phone',
};

export function clientFormValues(client: Client): ClientFormValues {
  return {
    identityCode: client.identityCode,
    firstName: client.firstName,
    lastName: client.lastName,
    phone: client.phone ?? '',
    email: client.email ?? '',
    streetAddress: client.streetAddress ?? '',
    postalCode: client.postalCode ?? '',
    postOffice: client.postOffice ?? '',
    municipality: client.municipality,
    preferredLanguage: client.preferredLanguage,
    contactPreference: client.contactPreference,
  };
}

export function clientFieldLabel(t: Messages, field: string): string {
  return lookup(t.clients.fields, field) ?? field;
}

const CONTACT_NEEDS: Record<ContactPreference, (keyof ClientFormValues)[]> = {
  phone: ['phone'],
  sms: ['phone'],
  email: ['email'],
  letter: ['streetAddress', 'postalCode', 'postOffice'],
};

/** Empty required fields, and the contact details the chosen way of contact needs (the server checks both). */
export function clientFormProblems(t: Messages, values: ClientFormValues, withIdentityCode: boolean) {
  const required = [...(withIdentityCode ? ['identityCode'] : []), 'firstName', 'lastName', 'municipality'];
  const fields = missingFields(t, { ...values }, required);
  for (const key of CONTACT_NEEDS[values.contactPreference]) {
    if (!values[key].trim() && !fields[key]) fields[key] = t.errors.codes.required_for_contact_preference;
  }
  return fields;
}

interface Props {
  idPrefix: string;
  values: ClientFormValues;
  onChange: (values: ClientFormValues) => void;
  errors: FormErrors;
  withIdentityCode: boolean;
}

/** The client's basic data: identity on one side, contact details and the preferred way of contact on the other. */
export function ClientFields({ idPrefix, values, onChange, errors, withIdentityCode }: Props) {
  const t = useT();
  const set = (key: keyof ClientFormValues) => (value: unknown) =>
    onChange({ ...values, [key]: String(value ?? '') });
  const text = (
    key: keyof ClientFormValues,
    extra: {
      hintText?: string;
      type?: 'text' | 'email' | 'tel';
      optional?: boolean;
      autoComplete?: string;
    } = {},
  ) => (
    <TextInput
      id={fieldId(idPrefix, key)}
      labelText={clientFieldLabel(t, key)}
      hintText={extra.hintText}
      optionalText={extra.optional ? t.common.optional : undefined}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[key]}
      onChange={set(key)}
      status={errors.fields[key] ? 'error' : 'default'}
      statusText={errors.fields[key]}
      fullWidth
      data-qa={`client-${key}`}
    />
  );

  return (
    <>
      <fieldset className="form-section">
        <legend>
          <Heading variant="h2">{t.clients.identityTitle}</Heading>
        </legend>
        <div className="form-grid">
          {withIdentityCode && (
            <div className="form-grid__wide">
              {text('identityCode', { hintText: t.clients.identityCodeHint })}
            </div>
          )}
          {text('firstName')}
          {text('lastName')}
          {text('municipality')}
          <Dropdown
            id={fieldId(idPrefix, 'preferredLanguage')}
            labelText={t.clients.fields.preferredLanguage}
            value={values.preferredLanguage}
            onChange={set('preferredLanguage')}
            fullWidth
            data-qa="client-preferredLanguage"
          >
            {LANGUAGES.map((code) => (
              <DropdownItem key={code} value={code}>
                {t.clients.languages[code]}
              </DropdownItem>
            ))}
          </Dropdown>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>
          <Heading variant="h2">{t.clients.contactTitle}</Heading>
        </legend>
        <RadioButtonGroup
          id={fieldId(idPrefix, 'contactPreference')}
          name={`${idPrefix}-contactPreference`}
          labelText={t.clients.fields.contactPreference}
          groupHintText={t.clients.contactPreferenceHint}
          value={values.contactPreference}
          onChange={set('contactPreference')}
          mb="l"
          data-qa="client-contactPreference"
        >
          {CONTACT_PREFERENCES.map((code) => (
            <RadioButton key={code} value={code} data-qa={`client-contactPreference-${code}`}>
              {t.clients.contactPreferences[code]}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <div className="form-grid">
          {text('phone', { hintText: t.clients.phoneHint, type: 'tel', optional: true })}
          {text('email', { type: 'email', optional: true })}
          <div className="form-grid__wide">{text('streetAddress', { optional: true })}</div>
          {text('postalCode', { hintText: t.clients.postalCodeHint, optional: true })}
          {text('postOffice', { optional: true })}
        </div>
      </fieldset>
    </>
  );
}
