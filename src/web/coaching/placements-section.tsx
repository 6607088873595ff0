import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { PLACEMENT_END_REASONS, SUPPORT_SETTINGS } from '../../modules/coaching/coaching.table.ts';
import { useCan } from '../auth/session.tsx';
import { useEmployers, useJobOpenings } from '../employers/queries.ts';
import { lookup, useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, formatDate, isoToFinnish, todayIso } from '../shared/dates.ts';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { Section } from '../shared/page.tsx';
import {
  type Coaching,
  type Placement,
  useAddPlacement,
  useAddSupportEntry,
  useEndPlacement,
} from './queries.ts';
import { formatDecimal, itemsOrNone, parseDecimal, SubForm, useApiFormErrors, YesNo } from './ui.tsx';

type EndReason = (typeof PLACEMENT_END_REASONS)[number];
type Setting = (typeof SUPPORT_SETTINGS)[number];

/** Job starts, their end, and the on- and off-the-job support after the start. */
export function PlacementsSection({ coaching }: { coaching: Coaching }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const mayAdd = coaching.endedOn === null && can('placement.create');

  return (
    <Section
      title={e.placements.title}
      data-qa="placements"
      actions={
        mayAdd &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)} data-qa="add-placement">
            {e.placements.add}
          </Button>
        )
      }
    >
      {adding && <PlacementForm coaching={coaching} onDone={() => setAdding(false)} />}
      {coaching.placements.length === 0 ? (
        <Paragraph data-qa="placements-empty">{e.placements.empty}</Paragraph>
      ) : (
        <ul className="plain-list">
          {coaching.placements.map((p) => (
            <PlacementItem key={p.id} placement={p} active={coaching.endedOn === null} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function PlacementItem({ placement: p, active }: { placement: Placement; active: boolean }) {
  const t = useT();
  const e = t.employment;
  const can = useCan();
  const [form, setForm] = useState<'support' | 'end' | null>(null);
  const ongoing = p.endedOn === null;
  return (
    <li className="placement" data-qa="placement">
      <Heading variant="h3" mb="xs" data-qa="placement-title">
        {e.placements.itemTitle(p.title, p.employer.name)}
      </Heading>
      <dl className="data-list data-list--columns">
        <dt>{e.placements.fields.hoursPerWeek}</dt>
        <dd data-qa="placement-hours">{e.placements.hours(formatDecimal(p.hoursPerWeek))}</dd>
        <dt>{e.placements.countsTitle}</dt>
        <dd data-qa="placement-counts">
          {p.countsAsJobStart ? e.placements.counts : e.placements.doesNotCount}
        </dd>
        <dt>{e.placements.fields.paySubsidy}</dt>
        <dd data-qa="placement-pay-subsidy">{p.paySubsidy ? e.yes : e.no}</dd>
        <dt>{e.placements.fields.openLabourMarket}</dt>
        <dd data-qa="placement-open-market">{p.openLabourMarket ? e.yes : e.no}</dd>
        <dt>{e.placements.fields.startedOn}</dt>
        <dd data-qa="placement-started">{formatDate(p.startedOn)}</dd>
        <dt>{e.placements.ended}</dt>
        <dd data-qa="placement-ended">
          {p.endedOn
            ? e.placements.endedText(formatDate(p.endedOn), lookup(e.placementEndReasons, p.endReason) ?? '')
            : e.placements.ongoing}
          {p.endNote && ` ${p.endNote}`}
        </dd>
        <dt>{e.placements.tenure}</dt>
        <dd>{e.days(p.tenureDays)}</dd>
      </dl>
      <Heading variant="h4" mt="m" mb="xs">
        {e.support.title}
      </Heading>
      {p.supportEntries.length === 0 ? (
        <Paragraph data-qa="support-empty">{e.support.empty}</Paragraph>
      ) : (
        <div className="table-wrapper" data-qa="support-table">
          <Table
            caption={e.support.caption(p.title)}
            columns={[
              { key: 'date', labelText: e.support.fields.supportedOn },
              { key: 'setting', labelText: e.support.fields.setting },
              { key: 'employer', labelText: e.support.withEmployerColumn },
              { key: 'duration', labelText: e.support.fields.durationMinutes },
              { key: 'note', labelText: e.support.fields.note },
              { key: 'by', labelText: e.jobSearch.columns.recordedBy },
            ]}
            data={p.supportEntries.map((s) => ({
              id: s.id,
              date: <span className="nowrap">{formatDate(s.supportedOn)}</span>,
              setting: e.supportSettings[s.setting],
              employer: s.withEmployer ? e.yes : e.no,
              duration: s.durationMinutes === null ? '–' : e.support.minutes(s.durationMinutes),
              note: s.note,
              by: s.recordedBy ?? t.common.notRecorded,
            }))}
          />
        </div>
      )}
      {active && form === null && (
        <div className="button-row">
          {can('placement.addSupport') && (
            <Button
              variant="secondary"
              onClick={() => setForm('support')}
              data-qa="add-support"
              aria-label={`${e.support.add}: ${p.title}`}
            >
              {e.support.add}
            </Button>
          )}
          {ongoing && can('placement.end') && (
            <Button
              variant="secondaryNoBorder"
              onClick={() => setForm('end')}
              data-qa="end-placement"
              aria-label={`${e.placements.end}: ${p.title}`}
            >
              {e.placements.end}
            </Button>
          )}
        </div>
      )}
      {form === 'support' && <SupportForm placement={p} onDone={() => setForm(null)} />}
      {form === 'end' && <EndPlacementForm placement={p} onDone={() => setForm(null)} />}
    </li>
  );
}

const PLACEMENT_ID = 'placement';

function PlacementForm({ coaching, onDone }: { coaching: Coaching; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddPlacement(coaching.id);
  const employers = useEmployers();
  const [values, setValues] = useState({
    employerId: '',
    jobOpeningId: '',
    title: '',
    hoursPerWeek: '',
    paySubsidy: null as boolean | null,
    openLabourMarket: null as boolean | null,
    startedOn: isoToFinnish(todayIso()),
  });
  const openings = useJobOpenings(values.employerId || undefined);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.placements.fields, field) ?? field;
  const employerOpenings = values.employerId
    ? (openings.data ?? []).filter((o) => o.employer.id === values.employerId)
    : [];

  function submit() {
    const fields = missingFields(t, values, [
      'employerId',
      'title',
      'hoursPerWeek',
      'paySubsidy',
      'openLabourMarket',
      'startedOn',
    ]);
    const hours = parseDecimal(values.hoursPerWeek);
    if (!fields.hoursPerWeek && (hours === null || hours <= 0 || hours > 80)) {
      fields.hoursPerWeek = e.placements.hoursInvalid;
    }
    const startedOn = finnishToIso(values.startedOn);
    if (!fields.startedOn && !startedOn) fields.startedOn = t.errors.issues.invalid_date;
    if (
      Object.keys(fields).length > 0 ||
      hours === null ||
      !startedOn ||
      values.paySubsidy === null ||
      values.openLabourMarket === null
    ) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      {
        employerId: values.employerId,
        ...(values.jobOpeningId ? { jobOpeningId: values.jobOpeningId } : {}),
        title: values.title,
        hoursPerWeek: hours,
        paySubsidy: values.paySubsidy,
        openLabourMarket: values.openLabourMarket,
        startedOn,
      },
      {
        onSuccess: () => {
          flash(e.placements.added);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={PLACEMENT_ID}
      title={e.placements.formTitle}
      intro={e.placements.formIntro}
      errors={errors}
      label={label}
      pending={add.isPending}
      submitText={e.placements.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="placement-form"
    >
      <div className="form-grid">
        <Dropdown
          id={fieldId(PLACEMENT_ID, 'employerId')}
          labelText={e.placements.fields.employerId}
          visualPlaceholder={t.common.choose}
          value={values.employerId || null}
          onChange={(v) => setValues((x) => ({ ...x, employerId: v, jobOpeningId: '' }))}
          status={errors.fields.employerId ? 'error' : 'default'}
          statusText={errors.fields.employerId}
          fullWidth
          data-qa="placement-employer"
        >
          {itemsOrNone(
            (employers.data ?? []).map((x) => (
              <DropdownItem key={x.id} value={x.id}>
                {x.name}
              </DropdownItem>
            )),
            e.noOptions,
          )}
        </Dropdown>
        <Dropdown
          id={fieldId(PLACEMENT_ID, 'jobOpeningId')}
          labelText={e.placements.fields.jobOpeningId}
          optionalText={t.common.optional}
          value={values.jobOpeningId || 'none'}
          onChange={(v) => {
            const opening = employerOpenings.find((o) => o.id === v);
            setValues((x) => ({
              ...x,
              jobOpeningId: v === 'none' ? '' : v,
              ...(opening && !x.title ? { title: opening.title } : {}),
              ...(opening?.hoursPerWeek && !x.hoursPerWeek
                ? { hoursPerWeek: formatDecimal(opening.hoursPerWeek) }
                : {}),
            }));
          }}
          status={errors.fields.jobOpeningId ? 'error' : 'default'}
          statusText={errors.fields.jobOpeningId}
          disabled={!values.employerId}
          fullWidth
          data-qa="placement-opening"
        >
          {[
            <DropdownItem key="none" value="none">
              {e.placements.noOpening}
            </DropdownItem>,
            ...employerOpenings.map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {o.title}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <TextInput
          id={fieldId(PLACEMENT_ID, 'title')}
          labelText={e.placements.fields.title}
          value={values.title}
          onChange={(v) => set('title', String(v ?? ''))}
          status={errors.fields.title ? 'error' : 'default'}
          statusText={errors.fields.title}
          fullWidth
          data-qa="placement-title-input"
        />
        <TextInput
          id={fieldId(PLACEMENT_ID, 'hoursPerWeek')}
          labelText={e.placements.fields.hoursPerWeek}
          hintText={e.placements.hoursHint}
          inputMode="decimal"
          value={values.hoursPerWeek}
          onChange={(v) => set('hoursPerWeek', String(v ?? ''))}
          status={errors.fields.hoursPerWeek ? 'error' : 'default'}
          statusText={errors.fields.hoursPerWeek}
          fullWidth
          data-qa="placement-hours-input"
        />
      </div>
      <div className="form-grid form-grid--spaced">
        <YesNo
          idPrefix={PLACEMENT_ID}
          field="paySubsidy"
          label={e.placements.fields.paySubsidy}
          hint={e.placements.paySubsidyHint}
          value={values.paySubsidy}
          onChange={(v) => set('paySubsidy', v)}
          error={errors.fields.paySubsidy}
          data-qa="placement-pay-subsidy-input"
        />
        <YesNo
          idPrefix={PLACEMENT_ID}
          field="openLabourMarket"
          label={e.placements.fields.openLabourMarket}
          hint={e.placements.openLabourMarketHint}
          value={values.openLabourMarket}
          onChange={(v) => set('openLabourMarket', v)}
          error={errors.fields.openLabourMarket}
          data-qa="placement-open-market-input"
        />
      </div>
      <DateField
        id={fieldId(PLACEMENT_ID, 'startedOn')}
        label={e.placements.fields.startedOn}
        value={values.startedOn}
        onChange={(v) => set('startedOn', v)}
        error={errors.fields.startedOn}
        data-qa="placement-started-on"
      />
    </SubForm>
  );
}

const END_ID = 'end-placement';

function EndPlacementForm({ placement: p, onDone }: { placement: Placement; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const end = useEndPlacement();
  const [values, setValues] = useState({ endedOn: isoToFinnish(todayIso()), reason: '', note: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const label = (field: string) => lookup(e.placements.endFields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['endedOn', 'reason']);
    const endedOn = finnishToIso(values.endedOn);
    if (!fields.endedOn && !endedOn) fields.endedOn = t.errors.issues.invalid_date;
    if (Object.keys(fields).length > 0 || !endedOn) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    end.mutate(
      {
        placementId: p.id,
        endedOn,
        reason: values.reason as EndReason,
        note: values.note,
        version: p.version,
      },
      {
        onSuccess: () => {
          flash(e.placements.endDone);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={END_ID}
      title={e.placements.endTitle(p.title)}
      errors={errors}
      label={label}
      pending={end.isPending}
      submitText={e.placements.endSubmit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="end-placement-form"
    >
      <div className="form-grid">
        <DateField
          id={fieldId(END_ID, 'endedOn')}
          label={e.placements.endFields.endedOn}
          value={values.endedOn}
          onChange={(v) => setValues((x) => ({ ...x, endedOn: v }))}
          error={errors.fields.endedOn}
        />
        <Dropdown
          id={fieldId(END_ID, 'reason')}
          labelText={e.placements.endFields.reason}
          visualPlaceholder={t.common.choose}
          value={values.reason || null}
          onChange={(v) => setValues((x) => ({ ...x, reason: v }))}
          status={errors.fields.reason ? 'error' : 'default'}
          statusText={errors.fields.reason}
          fullWidth
          data-qa="end-placement-reason"
        >
          {PLACEMENT_END_REASONS.map((r) => (
            <DropdownItem key={r} value={r}>
              {e.placementEndReasons[r]}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      <Textarea
        id={fieldId(END_ID, 'note')}
        labelText={e.placements.endFields.note}
        optionalText={t.common.optional}
        value={values.note}
        onChange={(ev) => setValues((x) => ({ ...x, note: ev.target.value }))}
        fullWidth
        mt="m"
      />
    </SubForm>
  );
}

const SUPPORT_ID = 'support';

function SupportForm({ placement: p, onDone }: { placement: Placement; onDone: () => void }) {
  const t = useT();
  const e = t.employment;
  const flash = useFlash();
  const formErrors = useApiFormErrors();
  const add = useAddSupportEntry();
  const [values, setValues] = useState({
    supportedOn: isoToFinnish(todayIso()),
    setting: '' as Setting | '',
    withEmployer: false,
    durationMinutes: '',
    note: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => lookup(e.support.fields, field) ?? field;

  function submit() {
    const fields = missingFields(t, values, ['supportedOn', 'setting', 'note']);
    const supportedOn = finnishToIso(values.supportedOn);
    if (!fields.supportedOn && !supportedOn) fields.supportedOn = t.errors.issues.invalid_date;
    const minutes = values.durationMinutes.trim() ? Number(values.durationMinutes.trim()) : null;
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)) {
      fields.durationMinutes = e.support.minutesInvalid;
    }
    if (Object.keys(fields).length > 0 || !supportedOn || !values.setting) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    add.mutate(
      {
        placementId: p.id,
        supportedOn,
        setting: values.setting,
        withEmployer: values.withEmployer,
        ...(minutes !== null ? { durationMinutes: minutes } : {}),
        note: values.note,
      },
      {
        onSuccess: () => {
          flash(e.support.added);
          onDone();
        },
        onError: (error) => setErrors(formErrors(error)),
      },
    );
  }

  return (
    <SubForm
      idPrefix={SUPPORT_ID}
      title={e.support.formTitle(p.title)}
      errors={errors}
      label={label}
      pending={add.isPending}
      submitText={e.support.submit}
      onSubmit={submit}
      onCancel={onDone}
      data-qa="support-form"
    >
      <div className="form-grid">
        <DateField
          id={fieldId(SUPPORT_ID, 'supportedOn')}
          label={e.support.fields.supportedOn}
          value={values.supportedOn}
          onChange={(v) => set('supportedOn', v)}
          error={errors.fields.supportedOn}
        />
        <TextInput
          id={fieldId(SUPPORT_ID, 'durationMinutes')}
          labelText={e.support.fields.durationMinutes}
          optionalText={t.common.optional}
          inputMode="numeric"
          value={values.durationMinutes}
          onChange={(v) => set('durationMinutes', String(v ?? ''))}
          status={errors.fields.durationMinutes ? 'error' : 'default'}
          statusText={errors.fields.durationMinutes}
          fullWidth
        />
      </div>
      <RadioButtonGroup
        id={fieldId(SUPPORT_ID, 'setting')}
        name={`${SUPPORT_ID}-setting-${p.id}`}
        labelText={e.support.fields.setting}
        value={values.setting || undefined}
        onChange={(v) => set('setting', v as Setting)}
        groupStatus={errors.fields.setting ? 'error' : 'default'}
        groupStatusText={errors.fields.setting}
        mt="m"
        mb="m"
      >
        {SUPPORT_SETTINGS.map((s) => (
          <RadioButton key={s} value={s} hintText={e.supportSettingHints[s]}>
            {e.supportSettings[s]}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Checkbox
        id={fieldId(SUPPORT_ID, 'withEmployer')}
        checked={values.withEmployer}
        onClick={({ checkboxState }) => set('withEmployer', checkboxState)}
        mb="m"
      >
        {e.support.fields.withEmployer}
      </Checkbox>
      <Textarea
        id={fieldId(SUPPORT_ID, 'note')}
        labelText={e.support.fields.note}
        value={values.note}
        onChange={(ev) => set('note', ev.target.value)}
        status={errors.fields.note ? 'error' : 'default'}
        statusText={errors.fields.note}
        fullWidth
      />
    </SubForm>
  );
}
