/** How much of a file is looked at to tell its encoding: enough pairs of bytes to be sure, read fast. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Whether a file is UTF-16 text: with a byte-order mark, or without one (Windows tools write such
 * files), as mostly-ASCII text is in UTF-16: a NUL in every pair of bytes, always on the same side
 * (after each character in little-endian, before it in big-endian), seldom on the other.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (pairs === 0) return false;
  const nuls = [0, 0];
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[2 * pair] === 0) nuls[0]!++;
    if (bytes[2 * pair + 1] === 0) nuls[1]!++;
  }
  const [first, second] = nuls as [number, number];
  return Math.max(first, second) >= pairs / 2 && Math.min(first, second) <= pairs / 10;
}
