import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { featureFormErrors } from '../plans/errors.ts';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading } from '../shared/page.tsx';
import { localText, roundLabel } from './local.ts';
import {
  type InstrumentItem,
  type Measurement,
  useInstrument,
  useInstruments,
  useRecordResult,
} from './queries.ts';

const ID = 'record-result';

/**
 * Records the values of a result-only instrument (3X10D, Kykyviisari…) as the definition lists them: one field
 * per item, with its range. The official forms stay with their owners; here only the results are entered.
 */
export function RecordResultForm({ measurement, onDone }: { measurement: Measurement; onDone: () => void }) {
  const { t, lang } = useI18n();
  const instruments = useInstruments();
  const latest = instruments.data?.find((i) => i.code === measurement.instrumentCode && i.latest);
  const instrument = useInstrument(latest?.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const name = localText(measurement.instrumentName, lang);

  let body: ReactNode;
  if (instruments.isPending || (latest && instrument.isPending)) body = <Loading />;
  else if (instruments.isError || instrument.isError || !instrument.data)
    body = <LoadError error={instruments.error ?? instrument.error} />;
  else
    body = (
      <ResultFields
        measurement={measurement}
        items={instrument.data.definition.items}
        description={localText(instrument.data.definition.description, lang)}
        onDone={onDone}
      />
    );

  return (
    <div className="subpanel" data-qa="record-result">
      <Heading variant="h4" ref={headingRef} tabIndex={-1} mb="s" className="subpanel-heading">
        {t.plans.measures.recordTitle(name, roundLabel(t, measurement.offsetMonths))}
      </Heading>
      {body}
    </div>
  );
}

function ResultFields({
  measurement,
  items,
  description,
  onDone,
}: {
  measurement: Measurement;
  items: InstrumentItem[];
  description: string;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.plans.measures;
  const flash = useFlash();
  const record = useRecordResult();
  const [values, setValues] = useState<Record<string, string>>({});
  const [answeredOn, setAnsweredOn] = useState(isoToFinnish(todayIso()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => {
    if (field === 'answeredOn') return m.answeredOnLabel;
    const id = field.replace(/^answers\./, '');
    const item = items.find((i) => i.id === id);
    return item ? localText(item.text, lang) : field;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const answers: Record<string, number | string> = {};
    for (const item of items) {
      const raw = (values[item.id] ?? '').trim();
      const key = `answers.${item.id}`;
      if (raw === '') {
        if (item.required) fields[key] = t.errors.issues.required;
        continue;
      }
      if (item.type === 'text') {
        answers[item.id] = raw;
        continue;
      }
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) fields[key] = m.notANumber;
      else if (item.type !== 'choice' && (n < item.min || n > item.max))
        fields[key] = m.range(String(item.min), String(item.max));
      else if (item.type === 'scale' && !Number.isInteger(n)) fields[key] = m.wholeNumber;
      else answers[item.id] = n;
    }
    const iso = finnishToIso(answeredOn);
    if (!answeredOn.trim()) fields.answeredOn = t.errors.issues.required;
    else if (!iso) fields.answeredOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !iso) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    record.mutate(
      { id: measurement.id, body: { answers, answeredOn: iso } },
      {
        onSuccess: () => {
          flash(m.recorded(localText(measurement.instrumentName, lang)));
          onDone();
        },
        onError: (error) => setErrors(featureFormErrors(t, error)),
      },
    );
  }

  const input = (item: InstrumentItem) => {
    const id = fieldId(ID, `answers.${item.id}`);
    const error = errors.fields[`answers.${item.id}`];
    const common = {
      id,
      labelText: localText(item.text, lang),
      optionalText: item.required ? undefined : t.common.optional,
      status: error ? ('error' as const) : ('default' as const),
      statusText: error,
      'data-qa': `result-${item.id}`,
    };
    if (item.type === 'choice') {
      return (
        <Dropdown
          {...common}
          value={values[item.id] || null}
          visualPlaceholder={t.common.choose}
          onChange={(v) => setValues((x) => ({ ...x, [item.id]: v }))}
          fullWidth
        >
          {item.options.map((o) => (
            <DropdownItem key={o.value} value={String(o.value)}>
              {localText(o.label, lang)}
            </DropdownItem>
          ))}
        </Dropdown>
      );
    }
    if (item.type === 'text') {
      return (
        <Textarea
          {...common}
          value={values[item.id] ?? ''}
          onChange={(e) => setValues((x) => ({ ...x, [item.id]: e.target.value }))}
          fullWidth
        />
      );
    }
    return (
      <TextInput
        {...common}
        inputMode="decimal"
        hintText={m.range(String(item.min), String(item.max))}
        value={values[item.id] ?? ''}
        onChange={(v) => setValues((x) => ({ ...x, [item.id]: String(v ?? '') }))}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate data-qa="record-result-form">
      {description && <Paragraph mb="m">{description}</Paragraph>}
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <div className="form-grid result-grid">
        {items.map((item) => (
          <div key={item.id} className={item.type === 'text' ? 'form-grid__wide' : undefined}>
            {input(item)}
          </div>
        ))}
        <DateField
          id={fieldId(ID, 'answeredOn')}
          label={m.answeredOnLabel}
          value={answeredOn}
          onChange={setAnsweredOn}
          error={errors.fields.answeredOn}
          data-qa="result-answered-on"
        />
      </div>
      <div className="button-row">
        <Button type="submit" disabled={record.isPending} data-qa="record-result-submit">
          {record.isPending ? t.common.saving : m.recordConfirm}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
