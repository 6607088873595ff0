import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { type ClientPathWorld, clientPathWorld, newConsent } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

describeEachEngine('referral attachments', (engine) => {
  const ctx = useTestContext(engine);
  let w: ClientPathWorld;
  let referral: { id: string; version: number };
  const url = () => `/api/referrals/${referral.id}/attachments`;

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    const sent = await w.a.api.post('/api/referrals', {
      clientId: w.client.id,
      receivingTeamId: w.team.id,
      reason: 'Lausunnot liitteenä',
      consent: newConsent(),
    });
    referral = sent.body;
  });

  it('stores a PDF with its checksum; the receiver downloads it with its type and name', async () => {
    const res = await w.a.api.post(url(), {
      fileName: 'lääkärinlausunto.pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'lääkärinlausunto.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const file = await w.b.api.get(`${url()}/${res.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="l__k_rinlausunto.pdf"; filename*=UTF-8''${encodeURIComponent('lääkärinlausunto.pdf')}`,
    );
    expect(file.raw.rawPayload.equals(PDF)).toBe(true);
  });

  it('reads the type from the content: a PNG named .pdf is stored as image/png', async () => {
    const res = await w.a.api.post(url(), { fileName: 'scan.pdf', contentBase64: PNG.toString('base64') });
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('image/png');
    const file = await w.a.api.get(`${url()}/${res.body.id}`);
    expect(file.headers['content-type']).toBe('image/png');
  });

  it('refuses a text file named .pdf with 400 naming the field, and the referral stays as it was', async () => {
    const res = await w.a.api.post(url(), {
      fileName: 'lausunto.pdf',
      contentBase64: Buffer.from('Tämä on tekstiä, ei PDF.').toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.contentBase64',
      code: 'unsupported_file_type',
    });
    const after = await w.a.api.get(`/api/referrals/${referral.id}`);
    expect(after.body.status).toBe('sent');
    expect(after.body.attachments).toHaveLength(2);
  });

  it('refuses a file over 10 MB and content that is not base64', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await w.a.api.post(url(), { fileName: 'iso.pdf', contentBase64: big.toString('base64') });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details.issues[0]).toMatchObject({
      field: 'body.contentBase64',
      code: 'file_too_large',
    });
    const garbage = await w.a.api.post(url(), { fileName: 'x.pdf', contentBase64: '%%%not base64%%%' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.details.issues[0].code).toBe('invalid_base64');
  });

  it('lets only the referring organisation add files (403), and hides them from outsiders (404)', async () => {
    const byReceiver = await w.b.api.post(url(), {
      fileName: 'a.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(byReceiver.status).toBe(403);
    expect(byReceiver.body.error.code).toBe('not_referrer');
    const [first] = (await w.a.api.get(`/api/referrals/${referral.id}`)).body.attachments;
    expect((await w.c.api.get(`${url()}/${first.id}`)).status).toBe(404);
  });
});
