/**
 * Normalises a DealPOS webhook body against the event catalog.
 *
 * Pure: no I/O, results independent of the clock, never throws, never mutates its input. The
 * only module state is caches derived from constant data (compiled catalog trees, time zone
 * offsets).
 *
 * Rules, in short:
 * - Documented fields are coerced to their documented type: DealPOS timestamps (local time)
 *   become ISO 8601 with the offset of `options.timezone`, date-only values stay `YYYY-MM-DD`,
 *   .NET `DateTime.MinValue` and empty dates become `null`, "Yes"/"No" become booleans,
 *   numbers sent as strings become numbers and strings sent as numbers become strings.
 * - A documented value that cannot be coerced is kept as received and reported as a problem.
 * - Everything the catalog does not describe (undocumented events, unknown fields of documented
 *   events, the contents of objects and arrays whose items are undocumented, values of an
 *   unexpected kind) is copied by shape only: strings that are full ISO-like timestamps are
 *   converted like documented timestamps, MinValue timestamps become `null`, nothing else
 *   changes. So a field gets the same treatment whether or not its event is documented.
 * - Validation: missing required fields, empty non-empty fields and uncoercible values are
 *   listed as problems; the data is returned anyway.
 * - A body that is not a JSON object is returned as `{ body: <value> }` with a `type` problem at
 *   path `''` (an absent body gives `{}`); a body that is not JSON at all ({@link TextBody}) as
 *   `{ body: <text> }` with an `unparsed` problem.
 */
import { FixedOffsetZone } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { DealPosEvent } from '../catalog/types';
import { Cursor, MAX_PROBLEMS } from './normalize/cursor';
import { bodyProblem, type Problem } from './normalize/problems';
import { schemaFor } from './normalize/schema';
import { describe, errorText, isPlainObject, type Rec } from './normalize/values';
import { walk } from './normalize/walk';
import { resolveZone } from './normalize/zones';

export { describeFieldType, tsTypeOf } from './fieldTypes';
export type { Problem, ProblemCode } from './normalize/problems';
export { documentedFields } from './normalize/schema';
export { MAX_PROBLEMS } from './normalize/cursor';
export { isTimeZone } from './normalize/zones';

export interface NormalizeOptions {
	/** IANA time zone of the DealPOS account (`Asia/Jakarta`); also `UTC`, `UTC+7`. */
	timezone: string;
	/**
	 * Validate only: copy the body exactly as received (no coercion, no timestamp conversion)
	 * but still report the problems. Used for the node's raw output mode.
	 */
	raw?: boolean;
}

export interface NormalizeResult {
	data: IDataObject;
	problems: Problem[];
}

/**
 * A request body that is not JSON, as text. `normalize` returns it as `{ body: text }` with an
 * `unparsed` problem at path `''`.
 */
export class TextBody {
	constructor(
		readonly text: string,
		/** The request's Content-Type header, if any (named in the problem). */
		readonly contentType?: string,
	) {}
}

/** Normalises `body`; see the module comment for the rules. Never throws. */
export function normalize(
	body: unknown,
	event: DealPosEvent | undefined,
	options: NormalizeOptions,
): NormalizeResult {
	try {
		return run(body, event, options);
	} catch (error) {
		// Only reachable with inputs JSON cannot produce (throwing getters, revoked proxies).
		return {
			data: { body } as IDataObject,
			problems: [bodyProblem('type', `The body could not be read: ${errorText(error)}`)],
		};
	}
}

/**
 * Deep copy of JSON-like data: plain objects and arrays are copied (keys such as `__proto__`
 * stay own data properties), everything else is shared. Iterative, so any depth works.
 */
export function cloneJson<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	const holder: Rec = { value };
	const copy = walk(holder, undefined, new Cursor(FixedOffsetZone.utcInstance, true));
	return (copy as { value: T }).value;
}

function run(
	body: unknown,
	event: DealPosEvent | undefined,
	options: NormalizeOptions,
): NormalizeResult {
	const raw = options?.raw === true;
	const problems: Problem[] = [];
	const zone = raw ? FixedOffsetZone.utcInstance : resolveZone(options?.timezone, problems);
	const cursor = new Cursor(zone, raw, problems);
	if (body instanceof TextBody) {
		const type = body.contentType
			? `content type ${body.contentType.slice(0, 100)}`
			: 'no content type';
		problems.push(
			bodyProblem('unparsed', `The body is not JSON (${type}); kept as text in "body".`),
		);
		return { data: { body: body.text }, problems };
	}
	if (body === undefined) {
		problems.push(bodyProblem('type', 'The request has no body.'));
		return { data: {}, problems };
	}
	let data: IDataObject;
	if (isPlainObject(body)) {
		data = walk(body, event ? schemaFor(event) : undefined, cursor) as IDataObject;
	} else {
		problems.push(
			bodyProblem('type', `The body is ${describe(body)}, not a JSON object; it is kept under "body".`),
		);
		data = walk({ body }, undefined, cursor) as IDataObject;
	}
	if (cursor.unlisted) {
		problems.push(bodyProblem('omitted', `${cursor.unlisted} more problems are not listed (the first ${MAX_PROBLEMS} are).`));
	}
	return { data, problems };
}
