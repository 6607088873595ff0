import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Dropdown, DropdownItem, Paragraph, Textarea } from 'suomifi-ui-components';
import { useOrganisations, useTeams } from '../admin/queries.ts';
import { pathFormErrors } from '../cases/path-shared.tsx';
import type { Messages } from '../i18n/fi.ts';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import {
  FormErrorSummary,
  type FormErrors,
  fieldId,
  NO_ERRORS,
  StaleVersionNotice,
} from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { PathAdminNav } from './pathways-page.tsx';
import { type CriteriaList, useEligibilityCriteria, useSaveCriteria } from './queries.ts';

const NETWORK = 'network';

/** Eligibility criteria per team, or the network's default list that teams without their own use. */
export function CriteriaPage() {
  const t = useT();
  const c = t.clientPath.criteria;
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId');
  const teams = useTeams();
  const organisations = useOrganisations();
  const criteria = useEligibilityCriteria(teamId);
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? '';

  return (
    <div data-qa="criteria-page">
      <PageHeading>{c.title}</PageHeading>
      <PathAdminNav />
      <Paragraph mb="m">{c.intro}</Paragraph>
      <div className="panel filters">
        <Dropdown
          id="criteria-team"
          labelText={c.team}
          value={teamId ?? NETWORK}
          onChange={(v) => setParams(v === NETWORK ? {} : { teamId: v })}
          fullWidth
          data-qa="criteria-team"
        >
          {[
            <DropdownItem key={NETWORK} value={NETWORK}>
              {c.network}
            </DropdownItem>,
            ...(teams.data ?? []).map((team) => (
              <DropdownItem key={team.id} value={team.id}>
                {t.clientPath.referralForm.teamOption(team.name, orgName(team.organisationId))}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
      {criteria.isPending ? (
        <Loading />
      ) : criteria.isError ? (
        <LoadError error={criteria.error} />
      ) : (
        <CriteriaForm
          key={`${teamId ?? NETWORK}:${criteria.data.source}:${criteria.data.listVersion}`}
          teamId={teamId}
          list={criteria.data}
          refetch={async () => (await criteria.refetch()).data}
        />
      )}
    </div>
  );
}

const ID = 'criteria';
const LANGS = ['Fi', 'Sv', 'En'] as const;

interface Row {
  key: string;
  id?: string;
  textFi: string;
  textSv: string;
  textEn: string;
}

let rowCounter = 0;
const newRow = (): Row => ({ key: `new-${++rowCounter}`, textFi: '', textSv: '', textEn: '' });

/** A team using the default list starts its own from a copy: the copy's criteria are new ones. */
function rowsOf(teamId: string | null, list: CriteriaList): Row[] {
  const copy = teamId !== null && list.source === 'network';
  return list.criteria.map((x) => ({
    key: x.id,
    ...(copy ? {} : { id: x.id }),
    textFi: x.textFi,
    textSv: x.textSv,
    textEn: x.textEn,
  }));
}

function criteriaLabel(t: Messages, field: string): string {
  const c = t.clientPath.criteria;
  const m = /^criteria\.(\d+)\.(text(?:Fi|Sv|En))$/.exec(field);
  if (m) return `${c.criterionLegend(Number(m[1]) + 1)}: ${c.fields[m[2] as 'textFi']}`;
  return c.fields.criteria;
}

function CriteriaForm({
  teamId,
  list,
  refetch,
}: {
  teamId: string | null;
  list: CriteriaList;
  refetch: () => Promise<CriteriaList | undefined>;
}) {
  const t = useT();
  const c = t.clientPath.criteria;
  const flash = useFlash();
  const save = useSaveCriteria(teamId);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(teamId, list));
  const [listVersion, setListVersion] = useState(list.listVersion);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const setText = (index: number, key: 'textFi' | 'textSv' | 'textEn', value: string) =>
    setRows((current) => current.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const move = (from: number, to: number) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(from, 1);
      if (row) next.splice(to, 0, row);
      return next;
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    rows.forEach((r, i) => {
      for (const lang of LANGS)
        if (!r[`text${lang}`].trim()) fields[`criteria.${i}.text${lang}`] = t.errors.issues.required;
    });
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    save.mutate(
      {
        criteria: rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          textFi: r.textFi,
          textSv: r.textSv,
          textEn: r.textEn,
        })),
        listVersion,
      },
      {
        onSuccess: () => {
          setErrors(NO_ERRORS);
          flash(c.saved);
        },
        onError: (error) => setErrors(pathFormErrors(t, error)),
      },
    );
  }

  async function reload() {
    const latest = await refetch();
    if (!latest) return;
    setRows(rowsOf(teamId, latest));
    setListVersion(latest.listVersion);
    setErrors(NO_ERRORS);
    flash(t.stale.reloaded);
  }

  return (
    <>
      <FormErrorSummary errors={errors} idPrefix={ID} label={(f) => criteriaLabel(t, f)}>
        <StaleVersionNotice errors={errors} onReload={reload} />
      </FormErrorSummary>
      <form className="panel" onSubmit={submit} noValidate data-qa="criteria-form">
        <Paragraph mb="m" data-qa="criteria-source">
          {teamId === null ? c.networkHint : list.source === 'network' ? c.usingNetwork : c.ownList}
        </Paragraph>
        {rows.length === 0 && <Paragraph mb="m">{c.empty}</Paragraph>}
        <ol className="plain-list" id={fieldId(ID, 'criteria')}>
          {rows.map((r, i) => (
            <li key={r.key}>
              <fieldset className="repeat-row" data-qa="criterion-row">
                <legend>{c.criterionLegend(i + 1)}</legend>
                <div className="repeat-row__fields">
                  {LANGS.map((lang) => (
                    <Textarea
                      key={lang}
                      id={fieldId(ID, `criteria.${i}.text${lang}`)}
                      labelText={c.fields[`text${lang}`]}
                      value={r[`text${lang}`]}
                      onChange={(e) => setText(i, `text${lang}`, e.target.value)}
                      status={errors.fields[`criteria.${i}.text${lang}`] ? 'error' : 'default'}
                      statusText={errors.fields[`criteria.${i}.text${lang}`]}
                      fullWidth
                    />
                  ))}
                </div>
                <div className="repeat-row__actions">
                  <Button
                    variant="secondaryNoBorder"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={`${t.clientPath.common.moveUp}: ${c.criterionLegend(i + 1)}`}
                  >
                    {t.clientPath.common.moveUp}
                  </Button>
                  <Button
                    variant="secondaryNoBorder"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={`${t.clientPath.common.moveDown}: ${c.criterionLegend(i + 1)}`}
                  >
                    {t.clientPath.common.moveDown}
                  </Button>
                  <Button
                    variant="secondaryNoBorder"
                    onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
                    aria-label={`${t.clientPath.common.remove}: ${c.criterionLegend(i + 1)}`}
                  >
                    {t.clientPath.common.remove}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          onClick={() => setRows((current) => [...current, newRow()])}
          data-qa="add-criterion"
        >
          {c.add}
        </Button>
        <div className="button-row">
          <Button type="submit" disabled={save.isPending} data-qa="criteria-submit">
            {save.isPending ? t.common.saving : t.common.save}
          </Button>
        </div>
      </form>
    </>
  );
}
