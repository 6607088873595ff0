import { createHash } from 'node:crypto';
import type { Trx } from '../../server/db/database.ts';
import { AppError, conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { detectFileType } from './file-type.ts';
import { findReferralRow } from './referral.repository.ts';
import type { AttachmentInput } from './referral.schema.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Only the base name, without control characters: the name is shown and sent back in a header. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
  return printable.trim().slice(0, 200);
}

function decode(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalidField('body.contentBase64', 'invalid_base64', 'The file content must be base64.');
  }
  return Buffer.from(compact, 'base64');
}

/**
 * Files go with the referral while the receiver is deciding. The type is read from the content (a PNG renamed
 * .pdf is stored as a PNG); anything else is refused without touching the referral, which already exists.
 */
export async function attachFile(
  trx: Trx,
  actor: Actor,
  referralId: string,
  input: AttachmentInput,
  now: Date,
) {
  const referral = await findReferralRow(trx, referralId);
  if (!referral) throw notFound('referral');
  if (referral.referring_organisation_id !== actor.organisationId) {
    throw new AppError(403, 'not_referrer', 'Only the referring organisation adds files to a referral.');
  }
  if (referral.status !== 'sent' && referral.status !== 'received') {
    throw conflict('referral_decided', 'The referral has been decided; files can no longer be added.');
  }
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw invalidField('body.fileName', 'invalid_file_name', 'Give the file a name.');
  const bytes = decode(input.contentBase64);
  if (bytes.length === 0) throw invalidField('body.contentBase64', 'empty_file', 'The file is empty.');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw invalidField('body.contentBase64', 'file_too_large', 'A file can be at most 10 MB.');
  }
  const type = detectFileType(bytes);
  if (!type) {
    throw invalidField(
      'body.contentBase64',
      'unsupported_file_type',
      'Attach a PDF or an image (PNG, JPEG, GIF, WebP). The type is read from the file itself, not from its name.',
    );
  }
  const { id } = await trx
    .insertInto('referral_attachment')
    .values({
      referral_id: referralId,
      file_name: fileName,
      content_type: type.contentType,
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      created_at: now,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function loadAttachment(trx: Trx, referralId: string, attachmentId: string) {
  const row = await trx
    .selectFrom('referral_attachment')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'content'])
    .where('id', '=', attachmentId)
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return { ...row, content: Buffer.from(row.content) };
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name, always as a download (never rendered inline). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
