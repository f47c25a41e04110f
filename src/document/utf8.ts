import { isUtf8 } from 'node:buffer';

/** The UTF-8 encoding of U+FEFF, the byte order mark some editors put first in a file. */
const BOM = [0xef, 0xbb, 0xbf] as const;

/** The bytes without a leading UTF-8 byte order mark, which is no part of the text (RFC 8259 lets a parser ignore it). */
export function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? bytes.subarray(3) : bytes;
}

/**
 * Decodes UTF-8 strictly: the text, or the 0-based offset of the first byte that is not valid UTF-8 (a Latin-1 "é",
 * a truncated sequence, an encoded surrogate …). Node's decoders would put U+FFFD there without a word.
 */
export function decodeUtf8(bytes: Uint8Array): { readonly text: string } | { readonly invalidAt: number } {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') };
  return { invalidAt: firstInvalidByte(bytes) };
}

/** Where the first invalid sequence starts (RFC 3629's well-formed byte sequences, Table 3-7 of Unicode). */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const following = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 ? 3 : 0;
    if (following === 0 || lead > 0xf4 || index + following >= bytes.length) return index;
    const second = bytes[index + 1] as number;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return index;
    for (let next = 2; next <= following; next++) if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    index += following + 1;
  }
  return bytes.length;
}

const CARRIAGE_RETURN = 0x0d;

/**
 * One line of JSON Lines or NDJSON, its bytes as split at LF, as text: the CR of a CRLF and a leading byte order mark
 * dropped (files joined with `cat` keep theirs at the start of a line), decoded strictly. `invalidAt` is the 0-based
 * offset of the first byte that is not UTF-8, counted from the line's first byte (a byte order mark included).
 */
export function decodeLine(bytes: Uint8Array): { readonly text: string } | { readonly invalidAt: number } {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const content = withoutBom(bytes.subarray(0, end));
  const decoded = decodeUtf8(content);
  return 'invalidAt' in decoded ? { invalidAt: decoded.invalidAt + (end - content.length) } : decoded;
}
