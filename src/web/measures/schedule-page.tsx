import '../plans/plans.css';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Paragraph,
  RouterLink,
  Table,
  TextInput,
} from 'suomifi-ui-components';
import { useCan } from '../auth/session.tsx';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { newId } from '../plans/draft.ts';
import { featureFormErrors } from '../plans/errors.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { localText, roundLabel } from './local.ts';
import {
  type InstrumentSummary,
  type Pathway,
  type Schedule,
  useInstruments,
  usePathways,
  useSchedule,
  useUpdateSchedule,
} from './queries.ts';

const DEFAULT = 'default';
const ID = 'schedule';

/** Which measures a case gets and when, per pathway or the network's default; admins change it. */
export function SchedulePage() {
  const { t, lang } = useI18n();
  const s = t.plans.schedule;
  const pathways = usePathways();
  const [pathwayId, setPathwayId] = useState<string>(DEFAULT);
  const schedule = useSchedule(pathwayId === DEFAULT ? null : pathwayId);
  const instruments = useInstruments();
  const pathwayName = (p: Pathway) => (lang === 'sv' ? p.nameSv : lang === 'en' ? p.nameEn : p.nameFi);

  return (
    <div data-qa="schedule-page">
      <PageHeading data-qa="schedule-heading">{s.title}</PageHeading>
      <Paragraph mb="m">{s.intro}</Paragraph>
      <p className="page-actions link-row">
        <RouterLink asComponent={Link} to="/admin/instruments">
          {t.plans.instruments.title}
        </RouterLink>
      </p>
      <div className="panel">
        <Dropdown
          id="schedule-pathway"
          labelText={s.pathway}
          value={pathwayId}
          onChange={setPathwayId}
          data-qa="schedule-pathway"
        >
          {[
            <DropdownItem key={DEFAULT} value={DEFAULT}>
              {s.networkDefault}
            </DropdownItem>,
            ...(pathways.data ?? []).map((p) => (
              <DropdownItem key={p.id} value={p.id}>
                {pathwayName(p)}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
      {schedule.isPending || instruments.isPending ? (
        <Loading />
      ) : schedule.isError || instruments.isError ? (
        <LoadError error={schedule.error ?? instruments.error} />
      ) : (
        <ScheduleView
          key={`${pathwayId}-${schedule.dataUpdatedAt}`}
          schedule={schedule.data}
          instruments={instruments.data}
          isDefault={pathwayId === DEFAULT}
        />
      )}
    </div>
  );
}

interface Row {
  key: string;
  instrumentCode: string;
  months: string;
}

function ScheduleView({
  schedule,
  instruments,
  isDefault,
}: {
  schedule: Schedule;
  instruments: InstrumentSummary[];
  isDefault: boolean;
}) {
  const { t, lang } = useI18n();
  const s = t.plans.schedule;
  const can = useCan();
  const flash = useFlash();
  const update = useUpdateSchedule();
  const choices = instruments.filter((i) => i.latest && i.respondent === 'client');
  const nameOf = (code: string) => {
    const i = instruments.find((x) => x.code === code && x.latest);
    return i ? localText(i.name, lang) : code;
  };
  const [rows, setRows] = useState<Row[]>(() =>
    schedule.entries.map((e) => ({
      key: newId(),
      instrumentCode: e.instrumentCode,
      months: String(e.offsetMonths),
    })),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const rounds = [...new Set(schedule.entries.map((e) => e.offsetMonths))].sort((a, b) => a - b);

  function save(entries: Row[]) {
    const fields: Record<string, string> = {};
    const parsed = entries.map((r, i) => {
      const months = Number(r.months);
      if (!r.instrumentCode) fields[`entries.${i}.instrumentCode`] = t.errors.issues.required;
      if (!Number.isInteger(months) || months < 0 || months > 60)
        fields[`entries.${i}.offsetMonths`] = s.monthsRule;
      return { instrumentCode: r.instrumentCode, offsetMonths: months };
    });
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    update.mutate(
      { pathwayId: isDefault ? null : schedule.pathwayId, entries: parsed },
      {
        onSuccess: () => flash(entries.length === 0 && !isDefault ? s.followsDefaultNow : s.saved),
        onError: (error) => setErrors(featureFormErrors(t, error)),
      },
    );
  }

  const label = (field: string) => {
    const m = /^entries\.(\d+)\.(\w+)/.exec(field);
    if (!m) return s.entries;
    return `${s.rowN(Number(m[1]) + 1)}: ${m[2] === 'offsetMonths' ? s.months : s.instrument}`;
  };

  return (
    <>
      <Section title={s.currentTitle} data-qa="schedule-current">
        <Paragraph mb="m" data-qa="schedule-own">
          {isDefault ? s.isDefault : schedule.ownSchedule ? s.own : s.followsDefault}
        </Paragraph>
        <div className="table-wrapper" data-qa="schedule-table">
          <Table
            caption={s.caption}
            columns={[
              { key: 'round', labelText: s.round },
              { key: 'instruments', labelText: s.instruments },
            ]}
            data={rounds.map((r) => ({
              id: String(r),
              round: roundLabel(t, r),
              instruments: schedule.entries
                .filter((e) => e.offsetMonths === r)
                .map((e) => `${nameOf(e.instrumentCode)} (${e.kind ? s.kinds[e.kind] : s.unknownKind})`)
                .join(', '),
            }))}
          />
        </div>
      </Section>
      {can('measurementSchedule.update') && (
        <Section title={isDefault ? s.editDefaultTitle : s.editTitle} data-qa="schedule-edit">
          <Paragraph mb="m">{s.editIntro}</Paragraph>
          <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save(rows);
            }}
            data-qa="schedule-form"
          >
            <ul className="plain-list schedule-rows">
              {rows.map((row, i) => (
                <li key={row.key} className="schedule-row" data-qa="schedule-row">
                  <Dropdown
                    id={fieldId(ID, `entries.${i}.instrumentCode`)}
                    labelText={`${s.rowN(i + 1)}: ${s.instrument}`}
                    value={row.instrumentCode || null}
                    visualPlaceholder={t.common.choose}
                    onChange={(v) =>
                      setRows((rs) => rs.map((x) => (x.key === row.key ? { ...x, instrumentCode: v } : x)))
                    }
                    status={errors.fields[`entries.${i}.instrumentCode`] ? 'error' : 'default'}
                    statusText={errors.fields[`entries.${i}.instrumentCode`]}
                    data-qa="schedule-instrument"
                  >
                    {choices.map((c) => (
                      <DropdownItem key={c.code} value={c.code}>
                        {localText(c.name, lang)}
                      </DropdownItem>
                    ))}
                  </Dropdown>
                  <TextInput
                    id={fieldId(ID, `entries.${i}.offsetMonths`)}
                    labelText={`${s.months} (${s.monthsHint})`}
                    inputMode="numeric"
                    value={row.months}
                    onChange={(v) =>
                      setRows((rs) =>
                        rs.map((x) => (x.key === row.key ? { ...x, months: String(v ?? '') } : x)),
                      )
                    }
                    status={errors.fields[`entries.${i}.offsetMonths`] ? 'error' : 'default'}
                    statusText={errors.fields[`entries.${i}.offsetMonths`]}
                    data-qa="schedule-months"
                  />
                  <Button
                    variant="secondaryNoBorder"
                    onClick={() => setRows((rs) => rs.filter((x) => x.key !== row.key))}
                    aria-label={`${t.plans.common.remove} ${s.rowN(i + 1).toLowerCase()}`}
                  >
                    {t.plans.common.remove}
                  </Button>
                </li>
              ))}
            </ul>
            <Button
              variant="secondary"
              onClick={() => setRows((rs) => [...rs, { key: newId(), instrumentCode: '', months: '0' }])}
              data-qa="schedule-add"
            >
              {s.add}
            </Button>
            <div className="button-row">
              <Button type="submit" disabled={update.isPending} data-qa="schedule-save">
                {update.isPending ? t.common.saving : s.save}
              </Button>
              {!isDefault && schedule.ownSchedule && (
                <Button variant="secondary" onClick={() => save([])} data-qa="schedule-reset">
                  {s.reset}
                </Button>
              )}
            </div>
          </form>
        </Section>
      )}
    </>
  );
}
