import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: keys are read aloud and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A cryptographically random key in readable groups, e.g. `K7PQ-3MXA-9TRD-W2HE`: 80 bits. */
export function generateLicenseKey(groups = 4, groupLength = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < groupLength; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}
