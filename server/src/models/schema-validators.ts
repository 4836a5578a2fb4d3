/**
 * Schema validation libraries: the calls that check a value against a schema and fail
 * loudly when it does not match (contract 1.4: a fetch body validated this way is not
 * taken as data unchecked). Read by the unchecked-response-status rule.
 */

/** A call whose result reports success instead of throwing: the check counts when `success` is read. */
export interface ResultCall {
  name: string;
  /** The result's property that says whether the value matched. */
  success: string;
}

export interface SchemaValidator {
  modules: readonly string[];
  /** Methods of a schema that throw on a mismatch, given the value first: `UserSchema.parse(body)`. */
  throwingMethods?: readonly string[];
  /** Methods of a schema returning a result: `UserSchema.safeParse(body).success`. */
  resultMethods?: readonly ResultCall[];
  /** Exported functions taking the schema first and the value second: valibot's `parse(UserSchema, body)`. */
  throwingFunctions?: readonly string[];
  resultFunctions?: readonly ResultCall[];
  /**
   * The library's builder, often re-exported by another package (`import { z } from '@botpress/sdk'`):
   * a schema built by calling one of `constructors` on an imported `binding` is the library's.
   */
  builder?: { binding: string; constructors: readonly string[] };
}

export const SCHEMA_VALIDATORS: readonly SchemaValidator[] = [
  {
    modules: ['zod'],
    throwingMethods: ['parse', 'parseAsync'],
    resultMethods: [{ name: 'safeParse', success: 'success' }, { name: 'safeParseAsync', success: 'success' }],
    builder: { binding: 'z', constructors: ['object', 'array', 'string', 'number', 'boolean', 'union', 'discriminatedUnion', 'record', 'tuple', 'enum', 'nativeEnum', 'literal', 'strictObject', 'looseObject'] },
  },
  { modules: ['valibot'], throwingFunctions: ['parse', 'parseAsync'], resultFunctions: [{ name: 'safeParse', success: 'success' }, { name: 'safeParseAsync', success: 'success' }] },
  { modules: ['yup'], throwingMethods: ['validate', 'validateSync'] },
];

/**
 * The last word of a schema's name (`UserSchema`, `orderSchema`): a method of a row called
 * on it counts in a file that imports the schema from a module of the application.
 */
export const SCHEMA_NAME_WORD = 'schema';
