/** "%PDF-": every PDF file starts with these bytes, whatever it is called. */
const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * Whether bytes are a PDF by content. The magic must open the file (readers
 * tolerate leading junk, but a file made to look like something else first is
 * not what a commenter means to attach), and a real PDF ends with %%EOF.
 */
export function isPdf(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  let text = '';
  for (const b of tail) text += String.fromCharCode(b);
  return text.includes('%%EOF');
}
