import '../plans/plans.css';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, FileInput, Heading, InlineAlert, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useCan } from '../auth/session.tsx';
import { useI18n } from '../i18n/language.tsx';
import { useFlash } from '../layout/flash.tsx';
import { featureErrorMessage } from '../plans/errors.ts';
import { formatDate } from '../shared/dates.ts';
import { LoadError, Loading, PageHeading, Section } from '../shared/page.tsx';
import { localText } from './local.ts';
import { useImportInstrument, useInstruments } from './queries.ts';

/** The instruments as data: every version, and the import of a definition file (admin). */
export function InstrumentsPage() {
  const { t, lang } = useI18n();
  const s = t.plans.instruments;
  const can = useCan();
  const instruments = useInstruments();
  const rows = [...(instruments.data ?? [])].sort(
    (a, b) => a.code.localeCompare(b.code) || b.version - a.version,
  );

  return (
    <div data-qa="instruments-page">
      <PageHeading data-qa="instruments-heading">{s.title}</PageHeading>
      <Paragraph mb="m">{s.intro}</Paragraph>
      <p className="page-actions link-row">
        <RouterLink asComponent={Link} to="/admin/measurement-schedule" data-qa="schedule-link">
          {t.plans.schedule.title}
        </RouterLink>
        {can('outbox.list') && (
          <RouterLink asComponent={Link} to="/admin/outbox">
            {t.plans.outbox.title}
          </RouterLink>
        )}
      </p>
      {can('instrument.import') && <ImportSection />}
      <Section title={s.listTitle} data-qa="instrument-list">
        {instruments.isPending ? (
          <Loading />
        ) : instruments.isError ? (
          <LoadError error={instruments.error} />
        ) : (
          <div className="table-wrapper" data-qa="instruments-table">
            <Table
              caption={s.caption}
              columns={[
                { key: 'name', labelText: s.name },
                { key: 'code', labelText: s.code },
                { key: 'kind', labelText: s.kind },
                { key: 'scoring', labelText: s.scoring },
                { key: 'languages', labelText: s.languages },
                { key: 'source', labelText: s.text },
                { key: 'status', labelText: t.common.status },
              ]}
              data={rows.map((i) => ({
                id: i.id,
                name: <span data-qa="instrument-name">{localText(i.name, lang)}</span>,
                code: (
                  <span className="mono" data-qa="instrument-code" data-code={i.code}>
                    {i.code} v{i.version}
                  </span>
                ),
                kind: `${s.kinds[i.kind]}, ${s.respondents[i.respondent]}`,
                scoring: s.scoringLevels[i.scoringLevel],
                languages: i.languages.join(', '),
                source: i.officialText ? s.official : s.notOfficial,
                status: (
                  <>
                    <span className={`status status--${i.latest ? 'active' : 'inactive'}`}>
                      {i.latest ? s.latest : i.active ? s.older : t.common.inactive}
                    </span>
                    <br />
                    <span className="muted">{s.imported(formatDate(i.importedAt))}</span>
                  </>
                ),
              }))}
            />
          </div>
        )}
      </Section>
    </div>
  );
}

interface Problem {
  field: string;
  message: string;
}

function ImportSection() {
  const { t, lang } = useI18n();
  const s = t.plans.instruments;
  const flash = useFlash();
  const importer = useImportInstrument();
  const [file, setFile] = useState<{ name: string; definition: unknown } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusResult = () => setTimeout(() => resultRef.current?.focus(), 0);

  async function choose(files: FileList) {
    setProblems([]);
    setGeneral(null);
    setReadError(null);
    setFile(null);
    const chosen = files[0];
    if (!chosen) return;
    try {
      const definition: unknown = JSON.parse(await chosen.text());
      setFile({ name: chosen.name, definition });
    } catch (error) {
      setReadError(s.notJson(chosen.name, error instanceof Error ? error.message : ''));
      focusResult();
    }
  }

  function submit() {
    if (!file) return;
    setProblems([]);
    setGeneral(null);
    importer.mutate(file.definition, {
      onSuccess: (instrument) => {
        flash(s.imported2(localText(instrument.name, lang), instrument.version));
        setFile(null);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.issues.length > 0) {
          setProblems(
            error.issues.map((i) => ({ field: i.field.replace(/^body\.?/, ''), message: i.message })),
          );
          setGeneral(s.problems(error.issues.length));
        } else setGeneral(featureErrorMessage(t, error));
        focusResult();
      },
    });
  }

  return (
    <Section title={s.importTitle} data-qa="instrument-import">
      <Paragraph mb="s">{s.importIntro}</Paragraph>
      <Paragraph mb="m">{s.importRights}</Paragraph>
      <FileInput
        id="instrument-file"
        labelText={s.file}
        hintText={s.fileHint}
        inputButtonText={s.chooseFile}
        dragAreaText={s.dragArea}
        removeFileText={s.removeFile}
        addedFileAriaText={s.addedFile}
        accept="application/json,.json"
        onChange={(files) => void choose(files)}
        status={readError || problems.length ? 'error' : 'default'}
        data-qa="instrument-file"
      />
      <div
        ref={resultRef}
        tabIndex={-1}
        className="focus-target import-result"
        data-qa="instrument-import-result"
      >
        {readError && (
          <div role="alert">
            <InlineAlert status="error" labelText={s.readFailed} mt="m">
              {readError}
            </InlineAlert>
          </div>
        )}
        {general && (
          <div role="alert" data-qa="instrument-import-errors">
            <InlineAlert status="error" labelText={s.importFailed} mt="m">
              <p className="alert-text">{general}</p>
              {problems.length > 0 && (
                <ul className="import-problems">
                  {problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one fixed list of problems per import.
                    <li key={i} data-qa="instrument-import-problem">
                      <span className="mono">{readablePath(p.field, s.wholeFile)}</span>: {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </InlineAlert>
          </div>
        )}
      </div>
      {file && (
        <div className="subpanel" data-qa="instrument-import-preview">
          <Heading variant="h3" mb="xs">
            {s.readyTitle(file.name)}
          </Heading>
          <Paragraph mb="s">{describeFile(file.definition, s)}</Paragraph>
          <Button onClick={submit} disabled={importer.isPending} data-qa="instrument-import-submit">
            {importer.isPending ? t.common.saving : s.importButton}
          </Button>
        </div>
      )}
    </Section>
  );
}

/** `items.2.text.sv` → items[2] › text › sv: where in the file the problem is. */
function readablePath(field: string, whole: string): string {
  if (!field) return whole;
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part))
    .join(' › ')
    .replace(/ › \[/g, '[');
}

function describeFile(
  definition: unknown,
  s: { fileSummary: (code: string, version: string, items: number) => string },
) {
  const d = (definition ?? {}) as { code?: unknown; version?: unknown; items?: unknown };
  return s.fileSummary(
    typeof d.code === 'string' ? d.code : '?',
    typeof d.version === 'number' ? String(d.version) : '?',
    Array.isArray(d.items) ? d.items.length : 0,
  );
}
