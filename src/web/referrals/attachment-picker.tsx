import { type ChangeEvent, useId } from 'react';
import { Button } from 'suomifi-ui-components';
import { formatSize, pathErrorMessage } from '../cases/path-shared.tsx';
import { useT } from '../i18n/language.tsx';
import { ACCEPT_ATTRIBUTE, fileProblem, readAsBase64 } from './queries.ts';

/** A chosen file and how its sending went; `problem` is the browser's check or the server's answer. */
export interface PickedFile {
  key: string;
  file: File;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  problem: string | null;
}

let counter = 0;

/**
 * Files to attach (PDF or image, at most 10 MB each): a native file input, which every browser and
 * assistive technology knows, and the list of chosen files with their state. A file that fails the
 * browser's check says so at once and is not sent.
 */
export function AttachmentPicker({
  id,
  files,
  onChange,
  error,
  disabled,
}: {
  id: string;
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const t = useT();
  const f = t.clientPath.referralForm;
  const hintId = useId();
  const errorId = useId();

  function add(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const added = chosen.map((file): PickedFile => {
      const problem = fileProblem(file);
      counter += 1;
      return {
        key: `${counter}-${file.name}`,
        file,
        state: problem ? 'failed' : 'waiting',
        problem: problem ? (problem === 'file_too_large' ? f.fileTooLarge : f.fileWrongType) : null,
      };
    });
    onChange([...files, ...added]);
  }

  return (
    <div className={`file-field${error ? ' file-field--error' : ''}`} id={id} data-qa="attachments">
      <label htmlFor={`${id}-input`} className="file-field__label">
        {f.fields.attachments} <span className="file-field__optional">({t.common.optional})</span>
      </label>
      <p className="file-field__hint" id={hintId}>
        {f.attachmentsHint}
      </p>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={`${id}-input`}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        onChange={add}
        disabled={disabled}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        className="file-field__input"
        data-qa="attachment-input"
      />
      {files.length > 0 && (
        <ul className="file-list" aria-label={f.fileInput.listHeading}>
          {files.map((p) => (
            <li
              key={p.key}
              className={`file-list__item file-list__item--${p.state}`}
              data-qa="attachment-item"
              data-state={p.state}
            >
              <span className="file-list__name">
                {p.file.name} ({formatSize(p.file.size)})
              </span>
              <span className="file-list__state" data-qa="attachment-state">
                {p.state === 'failed'
                  ? p.problem
                  : p.state === 'sending'
                    ? f.uploadSending
                    : p.state === 'done'
                      ? f.uploadDone
                      : ''}
              </span>
              {(p.state === 'waiting' || p.state === 'failed') && !disabled && (
                <Button
                  variant="secondaryNoBorder"
                  onClick={() => onChange(files.filter((x) => x.key !== p.key))}
                  aria-label={`${f.fileInput.remove}: ${p.file.name}`}
                  data-qa="attachment-remove"
                >
                  {f.fileInput.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Sends the files one by one after the referral exists. A refused file (wrong content, too large) is marked
 * with the server's reason and the rest go on; nothing already saved is lost.
 */
export async function sendFiles(
  referralId: string,
  files: PickedFile[],
  upload: (input: { referralId: string; fileName: string; contentBase64: string }) => Promise<unknown>,
  update: (key: string, state: PickedFile['state'], problem: string | null) => void,
  t: Parameters<typeof pathErrorMessage>[0],
): Promise<number> {
  let failed = 0;
  for (const p of files) {
    if (p.state !== 'waiting') continue;
    update(p.key, 'sending', null);
    try {
      const contentBase64 = await readAsBase64(p.file);
      await upload({ referralId, fileName: p.file.name, contentBase64 });
      update(p.key, 'done', null);
    } catch (error) {
      failed += 1;
      update(p.key, 'failed', pathErrorMessage(t, error));
    }
  }
  return failed;
}
