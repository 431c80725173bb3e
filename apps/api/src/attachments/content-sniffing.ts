import type { AttachmentContentType } from '@velosi/contracts';

// What a file is, from its first bytes (its "magic number"), never from its name or the type the
// browser declared: a renamed executable or script keeps its own signature and is refused.

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const OOXML_PARTS: readonly [string, AttachmentContentType][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

const ODF_TYPES: readonly AttachmentContentType[] = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** Legacy Office files share one container (OLE2); which program made it is read from the name. */
const OLE_BY_EXTENSION: Readonly<Record<string, AttachmentContentType>> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');

/**
 * A zip is an office document only if it holds an OOXML content-types part (and a `word/`, `xl/`
 * or `ppt/` folder), or starts with an OpenDocument `mimetype` entry. Entry names are stored in
 * clear in the zip's headers, so a scan of the bytes finds them.
 */
function officeZip(bytes: Uint8Array): AttachmentContentType | undefined {
  // The OpenDocument spec puts an uncompressed `mimetype` entry first: name at 30, content at 38.
  if (latin1(bytes.subarray(30, 38)) === 'mimetype') {
    const declared = latin1(bytes.subarray(38, 38 + 60));
    return ODF_TYPES.find((type) => declared.startsWith(type));
  }
  const text = latin1(bytes);
  if (!text.includes('[Content_Types].xml')) return undefined;
  return OOXML_PARTS.find(([folder]) => text.includes(folder))?.[1];
}

/**
 * The accepted content type of `bytes`, or undefined when it is none of PDF, PNG, JPEG, GIF, WebP,
 * OOXML/OpenDocument or legacy Office. `fileName` only tells legacy Word, Excel and PowerPoint
 * apart once the content is known to be an OLE2 file.
 */
export function sniffContentType(bytes: Uint8Array, fileName: string): AttachmentContentType | undefined {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  if (startsWith(bytes, ZIP_LOCAL_FILE)) return officeZip(bytes);
  if (startsWith(bytes, OLE)) {
    const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
    return OLE_BY_EXTENSION[extension] ?? 'application/msword';
  }
  return undefined;
}

/** The extensions a file of each type is known by, the usual one first. */
const EXTENSIONS: Readonly<Record<AttachmentContentType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
};

/**
 * `fileName` ending in an extension of what the file is: the usual one is added when it ends in
 * none of them, so a PDF sent as "page.html" is kept as "page.html.pdf" and opens, once saved, as
 * the PDF it is (never as a web page).
 */
export function nameForType(fileName: string, type: AttachmentContentType): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const known = EXTENSIONS[type];
  return known.includes(extension) ? fileName : `${fileName}.${known[0] ?? 'bin'}`;
}

/**
 * The name a file is kept and offered under: no folders, no control or quote characters, at most
 * `max` characters with the extension kept.
 */
export function safeFileName(raw: string, max: number): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned) return 'file';
  if (cleaned.length <= max) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, max - extension.length) + extension;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 5987
 * form, so no byte of the user-chosen name reaches the header unencoded.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
