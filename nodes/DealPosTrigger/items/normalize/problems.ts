/** Problems: the mismatches between a delivery and the catalog that `normalize` lists. */

/** Why a value does not match the catalog. */
export type ProblemCode = 'required' | 'empty' | 'type' | 'unparsed' | 'omitted';

/**
 * One mismatch between a delivery and the catalog. `path` names the value in the received body:
 * `Customer.Name`, `Variants[3].Quantity`; `''` is the body itself.
 */
export type Problem = { path: string; code: ProblemCode; message: string };

/** A problem of the body as a whole (path `''`). */
export function bodyProblem(code: ProblemCode, message: string): Problem {
	return { path: '', code, message };
}
