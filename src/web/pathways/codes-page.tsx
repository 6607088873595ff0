import { useState } from 'react';
import { Button, Checkbox, Paragraph, Table, TextInput } from 'suomifi-ui-components';
import { EntryForm } from '../cases/entry.tsx';
import { fieldLabel, pathFormErrors, useLocalName } from '../cases/path-shared.tsx';
import { useT } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { type FormErrors, fieldId, missingFields, NO_ERRORS } from '../shared/form.tsx';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { PathAdminNav } from './pathways-page.tsx';
import { type CodeEntry, type CodeListKind, useClientPathCodeLists, useSaveCodeEntry } from './queries.ts';

/** The check-list situations and the case outcomes: data the administrator keeps, never deleted. */
export function CodesPage() {
  const t = useT();
  const c = t.clientPath.codes;
  const codeLists = useClientPathCodeLists();
  return (
    <div data-qa="codes-page">
      <PageHeading>{c.title}</PageHeading>
      <PathAdminNav />
      <Paragraph mb="m">{c.intro}</Paragraph>
      {codeLists.isPending ? (
        <Loading />
      ) : codeLists.isError ? (
        <LoadError error={codeLists.error} />
      ) : (
        <>
          <CodeListSection
            kind="screening-situations"
            title={c.situations}
            hint={c.situationsHint}
            entries={codeLists.data.screeningSituations}
          />
          <CodeListSection kind="case-outcomes" title={c.outcomes} entries={codeLists.data.caseOutcomes} />
        </>
      )}
    </div>
  );
}

function CodeListSection({
  kind,
  title,
  hint,
  entries,
}: {
  kind: CodeListKind;
  title: string;
  hint?: string;
  entries: CodeEntry[];
}) {
  const t = useT();
  const c = t.clientPath.codes;
  const { name } = useLocalName();
  // null: no form; '': a new code; otherwise the code being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const entry = entries.find((e) => e.code === editing);
  const rows = [...entries].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <Section
      title={title}
      data-qa={`codes-${kind}`}
      id={`codes-${kind}`}
      actions={
        editing === null && (
          <Button variant="secondary" onClick={() => setEditing('')} data-qa={`add-code-${kind}`}>
            {c.add}
          </Button>
        )
      }
    >
      {hint && <Paragraph mb="m">{hint}</Paragraph>}
      {editing !== null && (
        <CodeForm
          key={editing || 'new'}
          kind={kind}
          title={entry ? c.editTitle(name(entry)) : c.addTitle(title)}
          entry={entry}
          nextOrder={(rows.at(-1)?.sortOrder ?? 0) + 10}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="table-wrapper">
        <Table
          caption={c.caption(title)}
          columns={[
            { key: 'name', labelText: c.columns.name },
            { key: 'code', labelText: c.columns.code },
            { key: 'order', labelText: c.columns.order },
            { key: 'status', labelText: c.columns.status },
            { key: 'actions', labelText: c.columns.actions },
          ]}
          data={rows.map((e) => ({
            id: e.code,
            name: name(e),
            code: <span className="mono">{e.code}</span>,
            order: String(e.sortOrder),
            status: (
              <span className={`status status--${e.active ? 'active' : 'inactive'}`}>
                {e.active ? t.common.active : t.common.inactive}
              </span>
            ),
            actions: (
              <Button
                variant="secondaryNoBorder"
                onClick={() => setEditing(e.code)}
                aria-label={c.editLabel(name(e))}
                data-qa="edit-code"
              >
                {t.common.edit}
              </Button>
            ),
          }))}
        />
      </div>
    </Section>
  );
}

interface Values {
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  sortOrder: string;
  active: boolean;
}

function CodeForm({
  kind,
  title,
  entry,
  nextOrder,
  onDone,
}: {
  kind: CodeListKind;
  title: string;
  entry: CodeEntry | undefined;
  nextOrder: number;
  onDone: () => void;
}) {
  const t = useT();
  const c = t.clientPath.codes;
  const flash = useFlash();
  const save = useSaveCodeEntry(kind);
  const [values, setValues] = useState<Values>({
    code: entry?.code ?? '',
    nameFi: entry?.nameFi ?? '',
    nameSv: entry?.nameSv ?? '',
    nameEn: entry?.nameEn ?? '',
    sortOrder: String(entry?.sortOrder ?? nextOrder),
    active: entry?.active ?? true,
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const idPrefix = `code-${kind}`;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function submit() {
    const fields = missingFields(t, { ...values }, ['code', 'nameFi', 'nameSv', 'nameEn', 'sortOrder']);
    if (!fields.code && !/^[a-z][a-z0-9_]{1,49}$/.test(values.code)) fields.code = c.codeHint;
    const order = Number(values.sortOrder);
    if (!fields.sortOrder && (!Number.isInteger(order) || order < 0))
      fields.sortOrder = t.errors.issues.invalid_type;
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null, error: null });
      return;
    }
    save.mutate(
      {
        code: values.code,
        nameFi: values.nameFi,
        nameSv: values.nameSv,
        nameEn: values.nameEn,
        sortOrder: order,
        active: values.active,
      },
      {
        onSuccess: () => {
          flash(c.saved);
          onDone();
        },
        onError: (error) => setErrors(pathFormErrors(t, error)),
      },
    );
  }

  const text = (key: 'code' | 'nameFi' | 'nameSv' | 'nameEn' | 'sortOrder', hint?: string) => (
    <TextInput
      id={fieldId(idPrefix, key)}
      labelText={c.fields[key]}
      hintText={hint}
      value={values[key]}
      onChange={(v) => set(key, String(v ?? ''))}
      status={errors.fields[key] ? 'error' : 'default'}
      statusText={errors.fields[key]}
      fullWidth
      data-qa={`code-${key}`}
    />
  );

  return (
    <EntryForm
      title={title}
      idPrefix={idPrefix}
      errors={errors}
      label={(field) => fieldLabel(c.fields, field)}
      onSubmit={submit}
      pending={save.isPending}
      submitText={t.common.save}
      onCancel={onDone}
      focusOnOpen
      data-qa="code-form"
    >
      <div className="form-grid">
        {entry ? (
          <p className="read-only-field">
            <strong>{c.fields.code}:</strong> <span className="mono">{entry.code}</span>
          </p>
        ) : (
          text('code', c.codeHint)
        )}
        {text('sortOrder', c.sortOrderHint)}
        {text('nameFi')}
        {text('nameSv')}
        {text('nameEn')}
      </div>
      <Checkbox
        id={fieldId(idPrefix, 'active')}
        checked={values.active}
        onClick={({ checkboxState }) => set('active', checkboxState)}
        mt="l"
        data-qa="code-active"
      >
        {c.fields.active}
      </Checkbox>
    </EntryForm>
  );
}
