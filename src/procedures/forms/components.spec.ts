import { describe, expect, it } from 'vitest';
import { checkComponents, isSatisfiedByData, mimeName, mimeNames, sniffFile, type ProvidedFile, type SatisfiedBy } from './components.js';
import type { ComponentDefinition } from './definition.js';

const MiB = 1024 * 1024;
const nothing: SatisfiedBy = { profile: new Set(), results: new Set() };

const gcs: ComponentDefinition = {
  code: 'GCS',
  name: { vi: 'Giấy chứng sinh' },
  required: true,
  accept: ['application/pdf'],
  maxBytes: 2 * MiB,
};
const cccd: ComponentDefinition = { code: 'CCCD', name: { vi: 'Căn cước' }, required: true, satisfiedBy: { profile: 'citizenId' } };
const ks: ComponentDefinition = { code: 'KS', name: { vi: 'Giấy khai sinh' }, required: true, satisfiedBy: { result: '1.001193' } };
const photo: ComponentDefinition = { code: 'ANH', name: { vi: 'Ảnh' }, required: false };

const pdf = (code: string, size = 1000): ProvidedFile => ({ code, mimeType: 'application/pdf', size });

function paths(defs: ComponentDefinition[], files: ProvidedFile[], satisfied = nothing): [string, string][] {
  return checkComponents(defs, files, satisfied).map((e) => [e.path, e.code]);
}

describe('checkComponents: which components are needed', () => {
  it('passes when every required component has an acceptable file', () => {
    expect(paths([gcs, photo], [pdf('GCS')])).toEqual([]);
  });

  it('asks for each required component that has no file, in the order of the definition', () => {
    expect(paths([gcs, photo, { ...gcs, code: 'TK' }], [])).toEqual([
      ['components.GCS', 'component.required'],
      ['components.TK', 'component.required'],
    ]);
  });

  it('does not ask for an optional component', () => {
    expect(paths([photo], [])).toEqual([]);
  });

  it('a profile fact the portal holds stands in for the document; one it lacks does not', () => {
    expect(paths([cccd], [], { profile: new Set(['citizenId']), results: new Set() })).toEqual([]);
    expect(paths([cccd], [], { profile: new Set(['fullName']), results: new Set() })).toEqual([['components.CCCD', 'component.required']]);
  });

  it('a result already issued to the citizen stands in for the document; another procedure’s does not', () => {
    expect(paths([ks], [], { profile: new Set(), results: new Set(['1.001193']) })).toEqual([]);
    expect(paths([ks], [], { profile: new Set(), results: new Set(['2.000986']) })).toEqual([['components.KS', 'component.required']]);
  });

  it('still checks a file uploaded for a component satisfied by data', () => {
    expect(
      paths([cccd], [{ code: 'CCCD', mimeType: 'image/gif', size: 10 }], { profile: new Set(['citizenId']), results: new Set() }),
    ).toEqual([['components.CCCD', 'component.type']]);
  });

  it('refuses files for components the procedure does not have, once per code, after the others', () => {
    const r = checkComponents([gcs], [pdf('XX'), pdf('GCS'), pdf('XX'), pdf('YY')], nothing);
    expect(r.map((e) => [e.path, e.code, e.params])).toEqual([
      ['components.XX', 'component.unknown', { code: 'XX' }],
      ['components.YY', 'component.unknown', { code: 'YY' }],
    ]);
  });

  it('has nothing to say about a procedure without components and no files', () => {
    expect(checkComponents([], [], nothing)).toEqual([]);
  });
});

describe('checkComponents: the files', () => {
  it('refuses a type the component does not accept, naming it and the accepted ones', () => {
    const r = checkComponents([gcs], [{ code: 'GCS', mimeType: 'image/jpeg', size: 10 }], nothing);
    expect(r).toEqual([
      {
        path: 'components.GCS',
        code: 'component.type',
        params: { type: 'JPEG', accept: 'PDF' },
        message: {
          vi: 'Không chấp nhận tệp loại JPEG. Vui lòng nộp tệp PDF.',
          en: 'Files of type JPEG are not accepted. Please attach a PDF file.',
        },
      },
    ]);
  });

  it('refuses a file whose type could not be recognised from its content', () => {
    expect(paths([gcs], [{ code: 'GCS', mimeType: undefined, size: 10 }])).toEqual([['components.GCS', 'component.unrecognisedType']]);
  });

  it('uses PDF, JPEG and PNG when the component does not say', () => {
    for (const mimeType of ['application/pdf', 'image/jpeg', 'image/png'])
      expect(paths([photo], [{ code: 'ANH', mimeType, size: 10 }])).toEqual([]);
    expect(paths([photo], [{ code: 'ANH', mimeType: 'image/gif', size: 10 }])).toEqual([['components.ANH', 'component.type']]);
    const r = checkComponents([photo], [{ code: 'ANH', mimeType: 'image/gif', size: 10 }], nothing);
    expect(r[0].params).toEqual({ type: 'image/gif', accept: 'PDF, JPEG, PNG' });
  });

  it('accepts a file of exactly maxBytes and refuses one byte more, in MB rounded up', () => {
    expect(paths([gcs], [pdf('GCS', 2 * MiB)])).toEqual([]);
    const r = checkComponents([gcs], [pdf('GCS', 2 * MiB + 1)], nothing);
    expect(r.map((e) => [e.path, e.code, e.params])).toEqual([['components.GCS', 'component.tooLarge', { size: 2.01, max: 2 }]]);
    expect(r[0].message).toEqual({
      vi: 'Tệp quá lớn (2,01 MB). Dung lượng tối đa là 2 MB.',
      en: 'The file is too large (2.01 MB). The largest accepted is 2 MB.',
    });
  });

  it('uses 10 MiB when the component does not say', () => {
    expect(paths([photo], [{ code: 'ANH', mimeType: 'image/png', size: 10 * MiB }])).toEqual([]);
    expect(paths([photo], [{ code: 'ANH', mimeType: 'image/png', size: 10 * MiB + 1 }])).toEqual([
      ['components.ANH', 'component.tooLarge'],
    ]);
  });

  it('refuses an empty file', () => {
    expect(paths([gcs], [{ code: 'GCS', mimeType: undefined, size: 0 }])).toEqual([['components.GCS', 'component.empty']]);
  });

  it('checks each file of a component with several (the pages of a scan)', () => {
    expect(paths([gcs], [pdf('GCS'), pdf('GCS', 3 * MiB), { code: 'GCS', mimeType: 'image/png', size: 5 }])).toEqual([
      ['components.GCS', 'component.tooLarge'],
      ['components.GCS', 'component.type'],
    ]);
  });

  it('reports everything at once', () => {
    expect(paths([gcs, cccd, photo], [{ code: 'ANH', mimeType: 'image/gif', size: 1 }, pdf('ZZ')])).toEqual([
      ['components.GCS', 'component.required'],
      ['components.CCCD', 'component.required'],
      ['components.ANH', 'component.type'],
      ['components.ZZ', 'component.unknown'],
    ]);
  });
});

describe('isSatisfiedByData and mimeName', () => {
  it('isSatisfiedByData', () => {
    expect(isSatisfiedByData(gcs, { profile: new Set(['citizenId']), results: new Set(['1.001193']) })).toBe(false);
    expect(isSatisfiedByData(cccd, { profile: new Set(['citizenId']), results: new Set() })).toBe(true);
    expect(isSatisfiedByData(ks, { profile: new Set(['citizenId']), results: new Set(['1.001193']) })).toBe(true);
  });

  it('mimeName', () => {
    expect(mimeName('application/pdf')).toBe('PDF');
    expect(mimeName('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word (.docx)');
    expect(mimeName('image/gif')).toBe('image/gif');
    expect(mimeName('toString')).toBe('toString');
    expect(mimeNames(['application/pdf', 'image/png'])).toBe('PDF, PNG');
  });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
const PDF = bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('sniffFile', () => {
  it.each([
    ['a PDF', PDF, { mime: 'application/pdf', ext: 'pdf' }],
    ['a PNG', PNG, { mime: 'image/png', ext: 'png' }],
    ['a JPEG', JPEG, { mime: 'image/jpeg', ext: 'jpg' }],
    ['a GIF', bytes('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'), { mime: 'image/gif', ext: 'gif' }],
  ])('recognises %s from its content', async (_label, content, expected) => {
    expect(await sniffFile(content)).toEqual(expected);
  });

  it.each([
    ['plain text', bytes('Xin chào, đây là văn bản.')],
    ['an empty file', new Uint8Array(0)],
    ['HTML pretending to be anything', bytes('<!doctype html><script>alert(1)</script>')],
  ])('does not recognise %s', async (_label, content) => {
    expect(await sniffFile(content)).toBeUndefined();
  });

  it('goes by the content, not by what the upload claims: a script named .pdf is refused', async () => {
    const sniffed = await sniffFile(bytes('#!/bin/sh\nrm -rf /\n'));
    expect(checkComponents([gcs], [{ code: 'GCS', mimeType: sniffed?.mime, size: 20 }], nothing).map((e) => e.code)).toEqual([
      'component.unrecognisedType',
    ]);
    const png = await sniffFile(PNG);
    expect(checkComponents([photo], [{ code: 'ANH', mimeType: png?.mime, size: PNG.length }], nothing)).toEqual([]);
  });
});
