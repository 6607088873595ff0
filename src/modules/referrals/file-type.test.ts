import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('file type by content', () => {
  it('recognises PDF and the image formats', () => {
    expect(detectFileType(bytes('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
    expect(detectFileType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe('image/png');
    expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(detectFileType(bytes('GIF89a', [1, 0]))?.contentType).toBe('image/gif');
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.contentType).toBe('image/webp');
  });
  it('refuses text, executables and truncated signatures', () => {
    expect(detectFileType(bytes('hello, this is text'))).toBeNull();
    expect(detectFileType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(detectFileType(bytes('%PD'))).toBeNull();
    expect(detectFileType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});
