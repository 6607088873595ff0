import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  Textarea,
} from 'suomifi-ui-components';
import type { SCREENING_OUTCOMES as SERVER_OUTCOMES } from '../../modules/screenings/screening.table.ts';
import { fieldLabel, pathFormErrors, useCodeEntryName } from '../cases/path-shared.tsx';
import {
  ClientFields,
  type ClientFormValues,
  clientFieldLabel,
  clientFormProblems,
  EMPTY_CLIENT,
} from '../clients/client-form.tsx';
import { useClient } from '../clients/queries.ts';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { useClientPathCodeLists } from '../pathways/queries.ts';
import { DateField } from '../shared/date-field.tsx';
import { finnishToIso, isoToFinnish, todayIso } from '../shared/dates.ts';
import { FormErrorSummary, type FormErrors, fieldId, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading } from '../shared/page.tsx';
import { useRecordScreening } from './queries.ts';

type Outcome = (typeof SERVER_OUTCOMES)[number];
const OUTCOMES = ['no_action', 'refer_assessment', 'refer_team'] as const satisfies readonly Outcome[];

const ID = 'screening';
const PERSON = 'newClient';

interface Values {
  screenedOn: string;
  situations: string[];
  notes: string;
  outcome: Outcome | '';
}

/**
 * Work and work ability brought up with a client ("check-list", seed 003): the situations that apply, a short
 * description and what was agreed. `/screenings/new` is for a person who is not yet a client: the identity code
 * and basic data register them in the same step (or find the client already registered in the network).
 */
export function ScreeningPage() {
  const { id } = useParams();
  return id ? <ClientScreening clientId={id} /> : <Screening clientId={null} clientName={null} />;
}

function ClientScreening({ clientId }: { clientId: string }) {
  const t = useT();
  const client = useClient(clientId);
  if (client.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (client.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={client.error} />
      </>
    );
  }
  return <Screening clientId={clientId} clientName={`${client.data.firstName} ${client.data.lastName}`} />;
}

function Screening({ clientId, clientName }: { clientId: string | null; clientName: string | null }) {
  const t = useT();
  const codeLists = useClientPathCodeLists();
  if (codeLists.isPending) {
    return (
      <>
        <PageHeading>{t.common.loading}</PageHeading>
        <Loading />
      </>
    );
  }
  if (codeLists.isError) {
    return (
      <>
        <PageHeading>{t.common.loadFailed}</PageHeading>
        <LoadError error={codeLists.error} />
      </>
    );
  }
  return (
    <ScreeningForm
      clientId={clientId}
      clientName={clientName}
      situations={codeLists.data.screeningSituations}
    />
  );
}

function ScreeningForm({
  clientId,
  clientName,
  situations,
}: {
  clientId: string | null;
  clientName: string | null;
  situations: { code: string; nameFi: string; nameSv: string; nameEn: string; active: boolean }[];
}) {
  const t = useT();
  const s = t.clientPath.screening;
  const navigate = useNavigate();
  const flash = useFlash();
  const record = useRecordScreening();
  const codeName = useCodeEntryName();
  const [person, setPerson] = useState<ClientFormValues>(EMPTY_CLIENT);
  const [values, setValues] = useState<Values>({
    screenedOn: isoToFinnish(todayIso()),
    situations: [],
    notes: '',
    outcome: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const active = situations.filter((c) => c.active);
  const refers = values.outcome === 'refer_assessment' || values.outcome === 'refer_team';

  const label = (field: string) =>
    field.startsWith(`${PERSON}.`)
      ? clientFieldLabel(t, field.slice(PERSON.length + 1))
      : fieldLabel(s.fields, field);

  // The person's fields show their own errors (the API names them newClient.firstName, …).
  const personErrors: FormErrors = {
    ...errors,
    fields: Object.fromEntries(
      Object.entries(errors.fields)
        .filter(([field]) => field.startsWith(`${PERSON}.`))
        .map(([field, message]) => [field.slice(PERSON.length + 1), message]),
    ),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (clientId === null) {
      for (const [field, message] of Object.entries(clientFormProblems(t, person, true))) {
        fields[`${PERSON}.${field}`] = message;
      }
    }
    const screenedOn = finnishToIso(values.screenedOn);
    if (!screenedOn) fields.screenedOn = t.errors.issues.invalid_date;
    if (!values.outcome) fields.outcome = t.errors.issues.required;
    if (Object.keys(fields).length > 0 || !screenedOn || !values.outcome) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    const outcome = values.outcome;
    record.mutate(
      {
        ...(clientId ? { clientId } : { newClient: person }),
        screenedOn,
        situations: values.situations,
        notes: values.notes,
        outcome,
      },
      {
        onSuccess: (screening) => {
          if (outcome === 'no_action') {
            flash(screening.clientRegistered ? s.savedRegistered : s.saved, { nextPage: true });
            navigate(`/clients/${screening.clientId}`);
          } else {
            flash(s.savedContinue, { nextPage: true });
            navigate(`/clients/${screening.clientId}/referrals/new?screeningId=${screening.id}`);
          }
        },
        onError: (error) => setErrors(pathFormErrors(t, error)),
      },
    );
  }

  return (
    <div data-qa="screening-page">
      <PageHeading>{clientName ? s.clientTitle(clientName) : s.newTitle}</PageHeading>
      <Paragraph mb="m">{s.intro}</Paragraph>
      {clientId === null && <Paragraph mb="l">{s.newIntro}</Paragraph>}
      <FormErrorSummary errors={errors} idPrefix={ID} label={label} />
      <form className="panel" onSubmit={submit} noValidate data-qa="screening-form">
        {clientId === null && (
          <ClientFields
            idPrefix={`${ID}-${PERSON}`}
            values={person}
            onChange={setPerson}
            errors={personErrors}
            withIdentityCode
          />
        )}
        <fieldset className="form-section">
          <legend>
            <Heading variant="h2">{s.situationsTitle}</Heading>
          </legend>
          <div className="form-grid">
            <DateField
              id={fieldId(ID, 'screenedOn')}
              label={s.fields.screenedOn}
              value={values.screenedOn}
              onChange={(v) => set('screenedOn', v)}
              error={errors.fields.screenedOn}
              data-qa="screening-date"
            />
          </div>
          {active.length === 0 ? (
            <Paragraph mt="l">{s.noSituations}</Paragraph>
          ) : (
            <CheckboxGroup
              id={fieldId(ID, 'situations')}
              labelText={s.fields.situations}
              groupHintText={s.situationsHint}
              groupStatus={errors.fields.situations ? 'error' : 'default'}
              groupStatusText={errors.fields.situations}
              mt="l"
              mb="l"
              className="checklist"
              data-qa="screening-situations"
            >
              {active.map((c) => (
                <Checkbox
                  key={c.code}
                  checked={values.situations.includes(c.code)}
                  onClick={({ checkboxState }) =>
                    setValues((v) => ({
                      ...v,
                      situations: checkboxState
                        ? [...v.situations, c.code]
                        : v.situations.filter((x) => x !== c.code),
                    }))
                  }
                  data-qa={`situation-${c.code}`}
                >
                  {codeName(situations, c.code)}
                </Checkbox>
              ))}
            </CheckboxGroup>
          )}
          <Textarea
            id={fieldId(ID, 'notes')}
            labelText={s.fields.notes}
            hintText={s.notesHint}
            optionalText={t.common.optional}
            value={values.notes}
            onChange={(e) => set('notes', e.target.value)}
            status={errors.fields.notes ? 'error' : 'default'}
            statusText={errors.fields.notes}
            fullWidth
            mb="l"
            data-qa="screening-notes"
          />
          <RadioButtonGroup
            id={fieldId(ID, 'outcome')}
            name={`${ID}-outcome`}
            labelText={s.fields.outcome}
            value={values.outcome}
            onChange={(v) => set('outcome', v as Outcome)}
            groupStatus={errors.fields.outcome ? 'error' : 'default'}
            groupStatusText={errors.fields.outcome}
            data-qa="screening-outcome"
          >
            {OUTCOMES.map((o) => (
              <RadioButton
                key={o}
                value={o}
                hintText={t.clientPath.screeningOutcomeHints[o]}
                data-qa={`screening-outcome-${o}`}
              >
                {t.clientPath.screeningOutcomes[o]}
              </RadioButton>
            ))}
          </RadioButtonGroup>
        </fieldset>
        <div className="button-row">
          <Button type="submit" disabled={record.isPending} data-qa="screening-submit">
            {record.isPending ? t.common.saving : refers ? s.submitAndRefer : s.submit}
          </Button>
          <RouterLink asComponent={Link} to={clientId ? `/clients/${clientId}` : '/'}>
            {t.common.cancel}
          </RouterLink>
        </div>
      </form>
    </div>
  );
}
