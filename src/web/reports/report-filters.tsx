import { type FormEvent, useMemo, useState } from 'react';
import { Button, Dropdown, DropdownItem, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import type { Organisation, Team } from '../admin/queries.ts';
import { lookup, useI18n } from '../i18n/language.tsx';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, isoToFinnish } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { ALL_ORGANISATIONS, type FilterKey, type ReportFilters } from './filters.ts';
import type { Pathway } from './queries.ts';

const ID = 'report';
/** "No choice" in a dropdown: an id is never this. */
const ANY = 'any';

interface Draft {
  from: string;
  to: string;
  organisationId: string;
  teamId: string;
  municipality: string;
  pathwayId: string;
}

interface Props {
  filters: ReportFilters;
  ownOrganisationId: string;
  organisations: readonly Organisation[];
  teams: readonly Team[];
  pathways: readonly Pathway[];
  onApply: (filters: ReportFilters) => void;
}

function draftOf(filters: ReportFilters, ownOrganisationId: string): Draft {
  return {
    from: filters.from ? isoToFinnish(filters.from) : '',
    to: filters.to ? isoToFinnish(filters.to) : '',
    organisationId: filters.organisationId ?? ownOrganisationId,
    teamId: filters.teamId ?? ANY,
    municipality: filters.municipality ?? '',
    pathwayId: filters.pathwayId ?? ANY,
  };
}

/**
 * Period, organisation, team, municipality and pathway, in any combination. Applied with the button: the
 * choices go to the page address and the report is computed for them.
 */
export function ReportFilterForm({
  filters,
  ownOrganisationId,
  organisations,
  teams,
  pathways,
  onApply,
}: Props) {
  const { t, lang } = useI18n();
  const r = t.reports;
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters, ownOrganisationId));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const label = (field: string) => lookup(r.fields, field) ?? field;

  const teamOptions = teams.filter(
    (team) => draft.organisationId === ALL_ORGANISATIONS || team.organisationId === draft.organisationId,
  );
  const municipalities = useMemo(() => {
    const names = new Set(organisations.map((o) => o.municipality).filter(Boolean));
    return [...names].sort((a, b) => a.localeCompare(b, 'fi'));
  }, [organisations]);
  const own = organisations.find((o) => o.id === ownOrganisationId);
  const others = organisations.filter((o) => o.id !== ownOrganisationId);
  const pathwayName = (p: Pathway) => (lang === 'sv' ? p.nameSv : lang === 'en' ? p.nameEn : p.nameFi);

  function changeOrganisation(organisationId: string) {
    setDraft((d) => {
      const team = teams.find((x) => x.id === d.teamId);
      const keepTeam =
        team && (organisationId === ALL_ORGANISATIONS || team.organisationId === organisationId);
      return { ...d, organisationId, teamId: keepTeam ? d.teamId : ANY };
    });
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const fields: Partial<Record<FilterKey, string>> = {};
    const from = draft.from.trim() ? finnishToIso(draft.from) : undefined;
    const to = draft.to.trim() ? finnishToIso(draft.to) : undefined;
    if (from === null) fields.from = t.errors.issues.invalid_date;
    if (to === null) fields.to = t.errors.issues.invalid_date;
    if (from && to && from > to) fields.to = t.errors.codes.invalid_period;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    setErrors(NO_ERRORS);
    const next: ReportFilters = {};
    if (from) next.from = from;
    if (to) next.to = to;
    if (draft.organisationId !== ownOrganisationId) next.organisationId = draft.organisationId;
    if (draft.teamId !== ANY) next.teamId = draft.teamId;
    if (draft.municipality.trim()) next.municipality = draft.municipality.trim();
    if (draft.pathwayId !== ANY) next.pathwayId = draft.pathwayId;
    onApply(next);
  }

  function reset() {
    setDraft(draftOf({}, ownOrganisationId));
    setErrors(NO_ERRORS);
    onApply({});
  }

  return (
    <>
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form
        className="panel no-print"
        onSubmit={apply}
        noValidate
        data-qa="report-filters"
        aria-labelledby="report-filters-heading"
      >
        <Heading variant="h2" id="report-filters-heading" mb="xs">
          {r.filtersTitle}
        </Heading>
        <Paragraph mb="m">{r.filtersHint}</Paragraph>
        <div className="filters report-filters__grid">
          <DateField
            id={fieldId(ID, 'from')}
            label={r.fields.from}
            value={draft.from}
            onChange={(v) => set('from', v)}
            error={errors.fields.from}
            optional
            data-qa="report-from"
          />
          <DateField
            id={fieldId(ID, 'to')}
            label={r.fields.to}
            value={draft.to}
            onChange={(v) => set('to', v)}
            error={errors.fields.to}
            optional
            data-qa="report-to"
          />
          <Dropdown
            id={fieldId(ID, 'organisationId')}
            labelText={r.fields.organisationId}
            value={draft.organisationId}
            onChange={changeOrganisation}
            fullWidth
            data-qa="report-organisation"
          >
            {[
              ...(own
                ? [
                    <DropdownItem key={own.id} value={own.id}>
                      {r.ownOrganisation(own.name)}
                    </DropdownItem>,
                  ]
                : []),
              <DropdownItem key={ALL_ORGANISATIONS} value={ALL_ORGANISATIONS}>
                {r.allOrganisations}
              </DropdownItem>,
              ...others.map((o) => (
                <DropdownItem key={o.id} value={o.id}>
                  {o.name}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
          <Dropdown
            id={fieldId(ID, 'teamId')}
            labelText={r.fields.teamId}
            value={draft.teamId}
            onChange={(v) => set('teamId', v)}
            fullWidth
            data-qa="report-team"
          >
            {[
              <DropdownItem key={ANY} value={ANY}>
                {r.allTeams}
              </DropdownItem>,
              ...teamOptions.map((team) => (
                <DropdownItem key={team.id} value={team.id}>
                  {team.name}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
          <div>
            <TextInput
              id={fieldId(ID, 'municipality')}
              labelText={r.fields.municipality}
              hintText={r.municipalityHint}
              optionalText={t.common.optional}
              value={draft.municipality}
              onChange={(v) => set('municipality', String(v ?? ''))}
              list="report-municipalities"
              autoComplete="off"
              fullWidth
              data-qa="report-municipality"
            />
            <datalist id="report-municipalities">
              {municipalities.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <Dropdown
            id={fieldId(ID, 'pathwayId')}
            labelText={r.fields.pathwayId}
            value={draft.pathwayId}
            onChange={(v) => set('pathwayId', v)}
            fullWidth
            data-qa="report-pathway"
          >
            {[
              <DropdownItem key={ANY} value={ANY}>
                {r.allPathways}
              </DropdownItem>,
              ...pathways.map((p) => (
                <DropdownItem key={p.id} value={p.id}>
                  {pathwayName(p)}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
        </div>
        <p className="report-filters__hint">{r.periodHint}</p>
        <div className="button-row">
          <Button type="submit" data-qa="report-apply">
            {r.apply}
          </Button>
          <Button type="button" variant="secondary" onClick={reset} data-qa="report-reset">
            {r.reset}
          </Button>
        </div>
      </form>
    </>
  );
}
