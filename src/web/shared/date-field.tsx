import { DateInput } from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';

interface Props {
  id: string;
  label: string;
  /** As typed, 2.3.2026; converted with finnishToIso when the form is sent, so nothing typed is lost. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
  'data-qa'?: string;
}

/** The Suomi.fi date input with its calendar, in the interface language. */
export function DateField({ id, label, value, onChange, error, optional, 'data-qa': dataQa }: Props) {
  const { t, lang } = useI18n();
  return (
    <DateInput
      id={id}
      labelText={label}
      hintText={t.common.dateHint}
      optionalText={optional ? t.common.optional : undefined}
      value={value}
      onChange={({ value: next }) => onChange(next)}
      datePickerEnabled
      language={lang}
      status={error ? 'error' : 'default'}
      statusText={error}
      data-qa={dataQa}
    />
  );
}
