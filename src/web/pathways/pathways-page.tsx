import { type FormEvent, useState } from 'react';
import { Link, NavLink, useNavigate, useParams } from 'react-router';
import {
  Button,
  Checkbox,
  Heading,
  Paragraph,
  RouterLink,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { fieldLabel, pathFormErrors, useLocalName } from '../cases/path-shared.tsx';
import type { Messages } from '../i18n/fi.ts';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import {
  FormErrorSummary,
  type FormErrors,
  fieldId,
  missingFields,
  NO_ERRORS,
  StaleVersionNotice,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { type Pathway, useCreatePathway, usePathways, useUpdatePathway } from './queries.ts';

/** The three administration pages of the client path, linked to each other. */
export function PathAdminNav() {
  const t = useT();
  const a = t.clientPath.admin;
  const links = [
    { to: '/admin/pathways', label: a.pathways, qa: 'admin-pathways-link' },
    { to: '/admin/eligibility-criteria', label: a.criteria, qa: 'admin-criteria-link' },
    { to: '/admin/client-path-codes', label: a.codes, qa: 'admin-codes-link' },
  ];
  return (
    <nav className="sub-nav" aria-label={a.sectionNav}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.to === '/admin/pathways'} data-qa={l.qa}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PathwaysPage() {
  const t = useT();
  const p = t.clientPath.pathways;
  const { name } = useLocalName();
  const pathways = usePathways(true);
  const rows = pathways.data ?? [];
  return (
    <div data-qa="pathways-page">
      <PageHeading>{p.title}</PageHeading>
      <PathAdminNav />
      <Paragraph mb="m">{p.intro}</Paragraph>
      <p className="page-actions">
        <RouterLink asComponent={Link} to="/admin/pathways/new" data-qa="add-pathway-link">
          {p.add}
        </RouterLink>
      </p>
      {pathways.isPending ? (
        <Loading />
      ) : pathways.isError ? (
        <LoadError error={pathways.error} />
      ) : (
        <div className="table-wrapper panel" data-qa="pathways-table">
          <Table
            caption={p.caption}
            columns={[
              { key: 'name', labelText: p.columns.name },
              { key: 'phases', labelText: p.columns.phases },
              { key: 'stale', labelText: p.columns.stale },
              { key: 'status', labelText: p.columns.status },
              { key: 'actions', labelText: p.columns.actions },
            ]}
            data={rows.map((x) => ({
              id: x.id,
              name: (
                <>
                  <strong>{name(x)}</strong>
                  <br />
                  <span className="mono">{x.code}</span>
                </>
              ),
              phases: (
                <ol className="compact-list">
                  {x.phases.map((ph) => (
                    <li key={ph.id}>{name(ph)}</li>
                  ))}
                </ol>
              ),
              stale: <span className="nowrap">{p.staleDays(x.staleAfterDays)}</span>,
              status: (
                <span className={`status status--${x.active ? 'active' : 'inactive'}`}>
                  {x.active ? t.common.active : t.common.inactive}
                </span>
              ),
              actions: (
                <RouterLink
                  asComponent={Link}
                  to={`/admin/pathways/${x.id}/edit`}
                  aria-label={`${t.common.edit}: ${name(x)}`}
                  data-qa="edit-pathway-link"
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

export function PathwayFormPage() {
  const { id } = useParams();
  const t = useT();
  const pathways = usePathways(true);
  if (pathways.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  const existing = id ? pathways.data?.find((x) => x.id === id) : undefined;
  if (pathways.isError || (id && !existing)) {
    return (
      <>
        <PageHeading>{id && !existing ? t.common.notFoundTitle : t.common.loadFailed}</PageHeading>
        <LoadError error={pathways.error} />
      </>
    );
  }
  return (
    <PathwayForm
      key={existing?.id ?? 'new'}
      existing={existing}
      refetch={async () => (await pathways.refetch()).data?.find((x) => x.id === id)}
    />
  );
}

const ID = 'pathway';
const LANGS = ['Fi', 'Sv', 'En'] as const;

interface PhaseValues {
  key: string;
  id?: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

interface Values {
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  staleAfterDays: string;
  active: boolean;
  phases: PhaseValues[];
}

let phaseCounter = 0;
const newPhase = (): PhaseValues => ({ key: `new-${++phaseCounter}`, nameFi: '', nameSv: '', nameEn: '' });

function valuesOf(x: Pathway | undefined): Values {
  return {
    code: x?.code ?? '',
    nameFi: x?.nameFi ?? '',
    nameSv: x?.nameSv ?? '',
    nameEn: x?.nameEn ?? '',
    descriptionFi: x?.descriptionFi ?? '',
    descriptionSv: x?.descriptionSv ?? '',
    descriptionEn: x?.descriptionEn ?? '',
    staleAfterDays: x ? String(x.staleAfterDays) : '60',
    active: x?.active ?? true,
    phases: x
      ? x.phases.map((ph) => ({
          key: ph.id,
          id: ph.id,
          nameFi: ph.nameFi,
          nameSv: ph.nameSv,
          nameEn: ph.nameEn,
        }))
      : [newPhase()],
  };
}

/** `phases.2.nameSv` → "Vaihe 3: Nimi ruotsiksi". */
function pathwayFieldLabel(t: Messages, field: string): string {
  const p = t.clientPath.pathways;
  const m = /^phases\.(\d+)\.(\w+)$/.exec(field);
  if (m) return `${p.phaseLegend(Number(m[1]) + 1)}: ${fieldLabel(p.fields, m[2] ?? '')}`;
  return fieldLabel(p.fields, field);
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function PathwayForm({
  existing,
  refetch,
}: {
  existing: Pathway | undefined;
  refetch: () => Promise<Pathway | undefined>;
}) {
  const t = useT();
  const p = t.clientPath.pathways;
  const navigate = useNavigate();
  const flash = useFlash();
  const { name } = useLocalName();
  const create = useCreatePathway();
  const update = useUpdatePathway(existing?.id ?? '');
  const [values, setValues] = useState<Values>(() => valuesOf(existing));
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setPhase = (index: number, key: 'nameFi' | 'nameSv' | 'nameEn', value: string) =>
    setValues((v) => ({
      ...v,
      phases: v.phases.map((ph, i) => (i === index ? { ...ph, [key]: value } : ph)),
    }));
  const pending = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const required = ['nameFi', 'nameSv', 'nameEn', 'staleAfterDays', ...(existing ? [] : ['code'])];
    const fields = missingFields(t, { ...values }, required);
    values.phases.forEach((ph, i) => {
      for (const lang of LANGS) {
        if (!ph[`name${lang}`].trim()) fields[`phases.${i}.name${lang}`] = t.errors.issues.required;
      }
    });
    if (values.phases.length === 0) fields.phases = t.errors.issues.required;
    const days = Number(values.staleAfterDays);
    if (!fields.staleAfterDays && (!Number.isInteger(days) || days < 1 || days > 3650))
      fields.staleAfterDays = t.errors.issues.invalid_type;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const body = {
      nameFi: values.nameFi,
      nameSv: values.nameSv,
      nameEn: values.nameEn,
      descriptionFi: values.descriptionFi,
      descriptionSv: values.descriptionSv,
      descriptionEn: values.descriptionEn,
      staleAfterDays: days,
      phases: values.phases.map((ph) => ({
        ...(ph.id ? { id: ph.id } : {}),
        nameFi: ph.nameFi,
        nameSv: ph.nameSv,
        nameEn: ph.nameEn,
      })),
    };
    const onError = (error: unknown) => setErrors(pathFormErrors(t, error, { duplicate_code: 'code' }));
    const onSuccess = (message: string) => () => {
      flash(message, { nextPage: true });
      navigate('/admin/pathways');
    };
    if (existing)
      update.mutate(
        { ...body, active: values.active, version },
        { onSuccess: onSuccess(p.updated), onError },
      );
    else create.mutate({ ...body, code: values.code }, { onSuccess: onSuccess(p.created), onError });
  }

  async function reload() {
    const latest = await refetch();
    if (!latest) return;
    setValues(valuesOf(latest));
    setVersion(latest.version);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  const text = (key: 'code' | 'nameFi' | 'nameSv' | 'nameEn', hint?: string) => (
    <TextInput
      id={fieldId(ID, key)}
      labelText={p.fields[key]}
      hintText={hint}
      value={values[key]}
      onChange={(v) => set(key, String(v ?? ''))}
      status={errors.fields[key] ? 'error' : 'default'}
      statusText={errors.fields[key]}
      fullWidth
      data-qa={`pathway-${key}`}
    />
  );

  return (
    <div data-qa="pathway-form-page">
      <PageHeading>{existing ? p.editTitle(name(existing)) : p.addTitle}</PageHeading>
      <PathAdminNav />
      <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => pathwayFieldLabel(t, f)}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="pathway-form">
        <div className="form-grid">
          {existing ? (
            <p className="read-only-field">
              <strong>{p.fields.code}:</strong> <span className="mono">{existing.code}</span>
            </p>
          ) : (
            text('code', p.codeHint)
          )}
          <TextInput
            id={fieldId(ID, 'staleAfterDays')}
            labelText={p.fields.staleAfterDays}
            hintText={p.staleHint}
            inputMode="numeric"
            value={values.staleAfterDays}
            onChange={(v) => set('staleAfterDays', String(v ?? ''))}
            status={errors.fields.staleAfterDays ? 'error' : 'default'}
            statusText={errors.fields.staleAfterDays}
            fullWidth
            data-qa="pathway-stale"
          />
          {text('nameFi')}
          {text('nameSv')}
          {text('nameEn')}
        </div>
        <div className="form-grid form-grid--spaced">
          {LANGS.map((lang) => (
            <Textarea
              key={lang}
              id={fieldId(ID, `description${lang}`)}
              labelText={p.fields[`description${lang}`]}
              optionalText={t.common.optional}
              value={values[`description${lang}`]}
              onChange={(e) => set(`description${lang}`, e.target.value)}
              fullWidth
            />
          ))}
        </div>
        {existing && (
          <Checkbox
            id={fieldId(ID, 'active')}
            checked={values.active}
            onClick={({ checkboxState }) => set('active', checkboxState)}
            hintText={p.activeHint}
            mt="l"
            data-qa="pathway-active"
          >
            {p.fields.active}
          </Checkbox>
        )}
        <fieldset className="form-section form-section--spaced" id={fieldId(ID, 'phases')}>
          <legend>
            <Heading variant="h2">{p.fields.phases}</Heading>
          </legend>
          <Paragraph mb="m">{p.phasesHint}</Paragraph>
          {values.phases.map((ph, i) => (
            <fieldset key={ph.key} className="repeat-row" data-qa="pathway-phase">
              <legend>{p.phaseLegend(i + 1)}</legend>
              <div className="repeat-row__fields">
                {LANGS.map((lang) => (
                  <TextInput
                    key={lang}
                    id={fieldId(ID, `phases.${i}.name${lang}`)}
                    labelText={p.fields[`name${lang}`]}
                    value={ph[`name${lang}`]}
                    onChange={(v) => setPhase(i, `name${lang}`, String(v ?? ''))}
                    status={errors.fields[`phases.${i}.name${lang}`] ? 'error' : 'default'}
                    statusText={errors.fields[`phases.${i}.name${lang}`]}
                    fullWidth
                  />
                ))}
              </div>
              <div className="repeat-row__actions">
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === 0}
                  onClick={() => set('phases', move(values.phases, i, i - 1))}
                  aria-label={`${t.clientPath.common.moveUp}: ${p.phaseLegend(i + 1)}`}
                >
                  {t.clientPath.common.moveUp}
                </Button>
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === values.phases.length - 1}
                  onClick={() => set('phases', move(values.phases, i, i + 1))}
                  aria-label={`${t.clientPath.common.moveDown}: ${p.phaseLegend(i + 1)}`}
                >
                  {t.clientPath.common.moveDown}
                </Button>
                <Button
                  variant="secondaryNoBorder"
                  disabled={values.phases.length === 1}
                  onClick={() =>
                    set(
                      'phases',
                      values.phases.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={`${t.clientPath.common.remove}: ${p.phaseLegend(i + 1)}`}
                >
                  {t.clientPath.common.remove}
                </Button>
              </div>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() => set('phases', [...values.phases, newPhase()])}
            data-qa="add-phase"
          >
            {p.addPhase}
          </Button>
        </fieldset>
        <div className="button-row">
          <Button type="submit" disabled={pending} data-qa="pathway-submit">
            {pending ? t.common.saving : t.common.save}
          </Button>
          <RouterLink asComponent={Link} to="/admin/pathways">
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
