import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import ajvFormats from 'ajv-formats';

// CommonJS module: its default export is on .default
const addFormats = ajvFormats.default;

let validator: ValidateFunction | null = null;

/** The Adaptive Cards 1.5 schema copied in this folder (see README.md), compiled once. */
function adaptiveCardValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('adaptive-card-1.5.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
  // draft-06 names the schema by `id`; ajv 8 reads `$id`
  const { id, ...card } = schema;
  validator = ajv.compile({ ...card, $id: String(id) });
  return validator;
}

/** What the Adaptive Cards 1.5 schema says is wrong with a card (empty: it validates). */
export function adaptiveCardSchemaProblems(card: unknown): string[] {
  const validate = adaptiveCardValidator();
  return validate(card) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}
