import { extname } from 'node:path';
import { parse } from 'yaml';
import { InvalidInputError } from '../errors/invalid-input-error';

/**
 * Reads a catalog file's text as YAML (`.yaml`, `.yml`) or JSON (anything else) into a plain
 * document for `importCatalog`, which validates it. A syntax error is an `InvalidInputError` on
 * the field `file`, with the line where the parser stopped.
 */
export function parseCatalogFile(text: string, filename: string): unknown {
  const isYaml = ['.yaml', '.yml'].includes(extname(filename).toLowerCase());
  try {
    // YAML 1.2's core schema keeps `yes`/`no` as strings, so a boolean field must say true/false.
    return isYaml ? parse(text, { prettyErrors: true }) : JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new InvalidInputError({ file: `${filename} is not valid ${isYaml ? 'YAML' : 'JSON'}: ${reason}` });
  }
}
