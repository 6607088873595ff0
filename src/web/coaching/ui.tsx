import { type FormEvent, type ReactElement, type ReactNode, useCallback, useEffect, useRef } from 'react';
import {
  Button,
  DropdownItem,
  type DropdownItemProps,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
} from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import { apiFormErrors, FormErrorSummary, type FormErrors, fieldId } from '../shared/form.tsx';
import { withEmploymentCodes } from './form-values.ts';

export { formatDecimal, parseDecimal } from './form-values.ts';

/** apiFormErrors with the supported-employment codes (coaching_exists, disclosure_not_allowed, …). */
export function useApiFormErrors(): (error: unknown, fieldOfCode?: Record<string, string>) => FormErrors {
  const t = useT();
  return useCallback(
    (error: unknown, fieldOfCode?: Record<string, string>) =>
      apiFormErrors(withEmploymentCodes(t), error, fieldOfCode),
    [t],
  );
}

/**
 * A form opened inside a section (add an entry, review a module): a heading that takes the focus when it opens,
 * the error summary, the fields, and save / cancel.
 */
export function SubForm({
  idPrefix,
  title,
  intro,
  errors,
  label,
  pending,
  submitText,
  onSubmit,
  onCancel,
  children,
  'data-qa': dataQa,
}: {
  idPrefix: string;
  title: string;
  intro?: string;
  errors: FormErrors;
  label: (field: string) => string;
  pending: boolean;
  submitText: string;
  onSubmit: () => void;
  onCancel?: () => void;
  children: ReactNode;
  'data-qa': string;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form
      className="subpanel"
      onSubmit={submit}
      noValidate
      data-qa={dataQa}
      aria-labelledby={`${idPrefix}-title`}
    >
      <Heading variant="h3" id={`${idPrefix}-title`} ref={headingRef} tabIndex={-1} mb="s">
        {title}
      </Heading>
      {intro && <Paragraph mb="m">{intro}</Paragraph>}
      <FormErrorSummary errors={errors} idPrefix={idPrefix} label={label} />
      {children}
      <div className="button-row">
        <Button type="submit" disabled={pending} data-qa={`${dataQa}-submit`}>
          {pending ? t.common.saving : submitText}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel} data-qa={`${dataQa}-cancel`}>
            {t.common.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** A yes / no question as two radio buttons (a checkbox would not say that "no" was chosen). */
export function YesNo({
  idPrefix,
  field,
  label,
  hint,
  value,
  onChange,
  error,
  'data-qa': dataQa,
}: {
  idPrefix: string;
  field: string;
  label: string;
  hint?: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string | undefined;
  'data-qa': string;
}) {
  const t = useT();
  return (
    <RadioButtonGroup
      id={fieldId(idPrefix, field)}
      name={`${idPrefix}-${field}`}
      labelText={label}
      groupHintText={hint}
      value={value === null ? undefined : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'yes')}
      groupStatus={error ? 'error' : 'default'}
      groupStatusText={error}
      mb="m"
      data-qa={dataQa}
    >
      <RadioButton value="yes" data-qa={`${dataQa}-yes`}>
        {t.employment.yes}
      </RadioButton>
      <RadioButton value="no" data-qa={`${dataQa}-no`}>
        {t.employment.no}
      </RadioButton>
    </RadioButtonGroup>
  );
}

/**
 * A Suomi.fi dropdown needs at least one item: an empty list (nothing chosen yet, nothing registered) shows one
 * item that cannot be chosen and says why.
 */
export function itemsOrNone(
  items: ReactElement<DropdownItemProps>[],
  none: string,
): ReactElement<DropdownItemProps>[] {
  return items.length > 0
    ? items
    : [
        <DropdownItem key="none" value="" disabled>
          {none}
        </DropdownItem>,
      ];
}
