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
import { DateTime, FixedOffsetZone, Info, Zone } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import type { DealPosEvent, DealPosField } from '../catalog/types';

export { describeFieldType, tsTypeOf } from './fieldTypes';

/** Why a value does not match the catalog. */
export type ProblemCode = 'required' | 'empty' | 'type' | 'unparsed' | 'omitted';

/**
 * One mismatch between a delivery and the catalog. `path` names the value in the received body:
 * `Customer.Name`, `Variants[3].Quantity`; `''` is the body itself.
 */
export type Problem = { path: string; code: ProblemCode; message: string };

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
			problems: [
				{ path: '', code: 'type', message: `The body could not be read: ${errorText(error)}` },
			],
		};
	}
}

/**
 * Deep copy of JSON-like data: plain objects and arrays are copied (keys such as `__proto__`
 * stay own data properties), everything else is shared. Iterative, so any depth works.
 */
export function cloneJson<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	const w = newWalk(FixedOffsetZone.utcInstance, true);
	const holder: Rec = { value };
	return (walk(holder, undefined, w) as { value: T }).value;
}

/**
 * The documented fields of an event as `normalize` uses them: the current fields plus those only
 * an older documentation version has. A body may follow either version, so a field is `required`
 * (or `nonEmpty`) only when every version says so.
 */
export function documentedFields(event: DealPosEvent): DealPosField[] {
	const older = event.olderVersion?.fields;
	if (!older) return event.fields;
	const olderByPath = new Map(older.map((field) => [field.path, field]));
	const currentPaths = new Set(event.fields.map((field) => field.path));
	const merged = event.fields.map((field) => {
		const other = olderByPath.get(field.path);
		const copy: DealPosField = { ...field };
		if (!other?.required) delete copy.required;
		if (!other?.nonEmpty) delete copy.nonEmpty;
		return copy;
	});
	for (const field of older) {
		if (currentPaths.has(field.path)) continue;
		const copy: DealPosField = { ...field };
		delete copy.required;
		delete copy.nonEmpty;
		merged.push(copy);
	}
	return merged;
}

// ---------------------------------------------------------------------------------------------
// Catalog trees
// ---------------------------------------------------------------------------------------------

/** How a documented value is coerced. */
type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'yes-no' | 'date' | 'object' | 'array';

/** A documented position in a body: a field, or an array's items. */
interface SchemaNode {
	kind: Kind;
	nonEmpty: boolean;
	/** Documented properties (objects). */
	props: Map<string, SchemaNode> | undefined;
	/** Keys of `props` that must be present. */
	required: string[];
	/** Documented items (arrays). */
	items: SchemaNode | undefined;
}

const schemas = new WeakMap<DealPosEvent, SchemaNode>();

function schemaFor(event: DealPosEvent): SchemaNode {
	let schema = schemas.get(event);
	if (!schema) {
		schema = compile(documentedFields(event));
		schemas.set(event, schema);
	}
	return schema;
}

function newNode(kind: Kind): SchemaNode {
	return { kind, nonEmpty: false, props: undefined, required: [], items: undefined };
}

function kindOf(field: DealPosField): Kind {
	if (field.format === 'date-time' || field.format === 'date') return 'date';
	if (field.format === 'yes-no') return 'yes-no';
	return field.type;
}

/** Builds the tree of documented positions from paths like `Variants[].Quantity`. */
function compile(fields: DealPosField[]): SchemaNode {
	const root = newNode('object');
	for (const field of fields) {
		const segments = field.path.split('.');
		let parent = root;
		for (let s = 0; s < segments.length; s++) {
			const name = segments[s].replace(/(\[\])+$/, '');
			const depth = (segments[s].length - name.length) / 2;
			const last = s === segments.length - 1;
			let node = child(parent, name, depth > 0 ? 'array' : last ? kindOf(field) : 'object');
			for (let d = 0; d < depth; d++) {
				node.kind = 'array';
				node.items ??= newNode(d < depth - 1 ? 'array' : last ? kindOf(field) : 'object');
				node = node.items;
			}
			if (last) {
				applyField(node, field);
				if (field.required && depth === 0 && !parent.required.includes(name))
					parent.required.push(name);
			}
			parent = node;
		}
	}
	return root;
}

function child(parent: SchemaNode, name: string, kind: Kind): SchemaNode {
	parent.props ??= new Map();
	let node = parent.props.get(name);
	if (!node) {
		node = newNode(kind);
		parent.props.set(name, node);
	}
	return node;
}

function applyField(node: SchemaNode, field: DealPosField): void {
	node.kind = kindOf(field);
	node.nonEmpty = field.nonEmpty === true;
	if (field.type === 'array' && field.itemsType) node.items ??= newNode(field.itemsType);
}

// ---------------------------------------------------------------------------------------------
// Walking a body
// ---------------------------------------------------------------------------------------------

type Rec = Record<string, unknown>;

/** State of one call. */
interface Walk {
	zone: Zone;
	/** Copy without coercion (validation only). */
	raw: boolean;
	problems: Problem[];
	/** Containers on the current path, to survive cyclic (non-JSON) input. */
	ancestors: Set<object>;
}

/** A container being copied; the explicit stack of these replaces recursion. */
class Frame {
	i = 0;
	readonly n: number;

	constructor(
		readonly src: Rec | unknown[],
		readonly dst: Rec | unknown[],
		/** Own enumerable keys of an object; `null` for an array. */
		readonly keys: string[] | null,
		readonly schema: SchemaNode | undefined,
		readonly parent: Frame | null,
		readonly key: string | number,
	) {
		this.n = keys ? keys.length : (src as unknown[]).length;
	}
}

function newWalk(zone: Zone, raw: boolean, problems: Problem[] = []): Walk {
	return { zone, raw, problems, ancestors: new Set() };
}

function run(
	body: unknown,
	event: DealPosEvent | undefined,
	options: NormalizeOptions,
): NormalizeResult {
	const raw = options?.raw === true;
	const problems: Problem[] = [];
	const zone = raw ? FixedOffsetZone.utcInstance : resolveZone(options?.timezone, problems);
	const w = newWalk(zone, raw, problems);
	if (body instanceof TextBody) {
		const type = body.contentType
			? `content type ${body.contentType.slice(0, 100)}`
			: 'no content type';
		problems.push({
			path: '',
			code: 'unparsed',
			message: `The body is not JSON (${type}); kept as text in "body".`,
		});
		return { data: { body: body.text }, problems };
	}
	if (isPlainObject(body)) {
		return { data: walk(body, event ? schemaFor(event) : undefined, w) as IDataObject, problems };
	}
	if (body === undefined) {
		problems.push({ path: '', code: 'type', message: 'The request has no body.' });
		return { data: {}, problems };
	}
	problems.push({
		path: '',
		code: 'type',
		message: `The body is ${describe(body)}, not a JSON object; it is kept under "body".`,
	});
	return { data: walk({ body }, undefined, w) as IDataObject, problems };
}

/** Copies (and coerces) a plain object depth-first, in key order, without recursion. */
function walk(root: Rec, schema: SchemaNode | undefined, w: Walk): Rec {
	const out: Rec = {};
	const stack: Frame[] = [];
	open(w, stack, root, out, schema, null, '');
	while (stack.length > 0) {
		const f = stack[stack.length - 1];
		if (f.i === f.n) {
			stack.pop();
			w.ancestors.delete(f.src);
			continue;
		}
		const i = f.i++;
		if (f.keys === null) {
			const value = (f.src as unknown[])[i];
			(f.dst as unknown[]).push(visit(w, stack, f, i, value, f.schema?.items));
		} else {
			const key = f.keys[i];
			const value = (f.src as Rec)[key];
			put(f.dst as Rec, key, visit(w, stack, f, key, value, f.schema?.props?.get(key)));
		}
	}
	return out;
}

function open(
	w: Walk,
	stack: Frame[],
	src: Rec | unknown[],
	dst: Rec | unknown[],
	schema: SchemaNode | undefined,
	parent: Frame | null,
	key: string | number,
): void {
	const keys = Array.isArray(src) ? null : Object.keys(src);
	const frame = new Frame(src, dst, keys, schema, parent, key);
	w.ancestors.add(src);
	stack.push(frame);
	if (keys !== null && schema !== undefined && schema.required.length > 0) {
		checkRequired(w, frame, src as Rec, schema.required);
	}
}

function checkRequired(w: Walk, frame: Frame, src: Rec, required: string[]): void {
	for (const key of required) {
		if (!hasOwn(src, key) || src[key] === undefined) {
			report(w, frame, key, 'required', 'Required by the DealPOS documentation but missing.');
		}
	}
}

/** The output value for `value` found at `f[key]`; containers are opened as new frames. */
function visit(
	w: Walk,
	stack: Frame[],
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode | undefined,
): unknown {
	if (typeof value === 'object' && value !== null)
		return visitObject(w, stack, f, key, value, schema);
	if (schema === undefined)
		return typeof value === 'string' && !w.raw ? shapeString(value, w.zone) : value;
	const result = coerce(w, f, key, value, schema);
	return w.raw ? value : result;
}

function visitObject(
	w: Walk,
	stack: Frame[],
	f: Frame,
	key: string | number,
	value: object,
	schema: SchemaNode | undefined,
): unknown {
	const isArray = Array.isArray(value);
	if (!isArray && !isPlainObject(value)) {
		// Not JSON data (Date, Buffer, class instance): kept as is.
		if (schema !== undefined) wrongType(w, f, key, value, schema.kind);
		return value;
	}
	let inner = schema;
	if (schema !== undefined) {
		if (schema.kind !== (isArray ? 'array' : 'object')) {
			wrongType(w, f, key, value, schema.kind);
			inner = undefined;
		} else if (isArray && schema.nonEmpty && (value as unknown[]).length === 0) {
			report(w, f, key, 'empty', 'Documented as non-empty but empty.');
		}
	}
	if (w.ancestors.has(value)) {
		report(w, f, key, 'type', 'Circular reference (not JSON); kept as received.');
		return value;
	}
	const copy: Rec | unknown[] = isArray ? [] : {};
	open(w, stack, value as Rec | unknown[], copy, inner, f, key);
	return copy;
}

// ---------------------------------------------------------------------------------------------
// Coercion of documented scalars
// ---------------------------------------------------------------------------------------------

const EXPECTED: Record<Kind, string> = {
	string: 'a string',
	number: 'a number',
	integer: 'an integer',
	boolean: 'true or false',
	'yes-no': '"Yes" or "No"',
	date: 'a date',
	object: 'an object',
	array: 'an array',
};

/** Coerces a scalar (string, number, boolean, null...) to the documented kind. */
function coerce(
	w: Walk,
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode,
): unknown {
	if (value === null || value === undefined) {
		if (schema.nonEmpty) report(w, f, key, 'empty', 'Documented as non-empty but empty.');
		return value;
	}
	switch (schema.kind) {
		case 'string':
			return coerceString(w, f, key, value, schema);
		case 'number':
		case 'integer':
			return coerceNumber(w, f, key, value, schema);
		case 'boolean':
		case 'yes-no':
			return coerceBoolean(w, f, key, value, schema);
		case 'date':
			return coerceDate(w, f, key, value, schema);
		default:
			return wrongType(w, f, key, value, schema.kind);
	}
}

function coerceString(
	w: Walk,
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode,
): unknown {
	if (typeof value === 'string') {
		if (schema.nonEmpty && value.trim() === '')
			report(w, f, key, 'empty', 'Documented as non-empty but empty.');
		return value;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return wrongType(w, f, key, value, schema.kind);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function coerceNumber(
	w: Walk,
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode,
): unknown {
	let result: number;
	if (typeof value === 'number') {
		result = value;
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return emptyToNull(w, f, key, schema);
		if (!NUMBER.test(text)) return unparsed(w, f, key, value, schema.kind);
		result = Number(text);
		if (!holdsExactly(text, result)) {
			report(
				w,
				f,
				key,
				'unparsed',
				`${describe(value)} does not fit a number without losing digits; kept as received.`,
			);
			return value;
		}
	} else {
		return wrongType(w, f, key, value, schema.kind);
	}
	if (schema.kind === 'integer' && !Number.isInteger(result)) {
		report(w, f, key, 'type', `Expected an integer, got ${result}.`);
	}
	return result;
}

/**
 * Whether `result` (`Number(text)`) stands for the decimal `text` without loss: finite, a safe
 * integer when integral, and printing back (shortest round trip, `String(result)`) to the same
 * decimal value. So `"100000.50"` and `"0.1"` pass; `"1.0000000000000001"` (1), `"1e-400"` (0),
 * `"1e400"` (Infinity) and `"12345678901234567890"` do not.
 */
function holdsExactly(text: string, result: number): boolean {
	if (!Number.isFinite(result)) return false;
	if (Number.isInteger(result) && !Number.isSafeInteger(result)) return false;
	const printed = String(result);
	// Fast path: the text is already canonical ("150000", "-2.5").
	if (printed === text) return true;
	return canonicalDecimal(text) === canonicalDecimal(printed);
}

/**
 * `digits e exponent` of a decimal that NUMBER accepts, without sign, leading or trailing zeros:
 * `"00100.500"` and `"1.005E2"` both give `1005e-1`; every zero gives `0`.
 */
function canonicalDecimal(text: string): string {
	const e = text.search(/[eE]/);
	const mantissa = (e < 0 ? text : text.slice(0, e)).replace(/^[+-]/, '');
	let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
	const dot = mantissa.indexOf('.');
	let digits = mantissa;
	if (dot >= 0) {
		digits = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
		exponent -= mantissa.length - dot - 1;
	}
	let start = 0;
	while (start < digits.length && digits.charCodeAt(start) === 48 /* 0 */) start++;
	let end = digits.length;
	while (end > start && digits.charCodeAt(end - 1) === 48) end--;
	if (start === end) return '0';
	exponent += digits.length - end;
	return `${digits.slice(start, end)}e${exponent}`;
}

function coerceBoolean(
	w: Walk,
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode,
): unknown {
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') return wrongType(w, f, key, value, schema.kind);
	const word = value.trim().toLowerCase();
	if (word === 'yes' || word === 'true') return true;
	if (word === 'no' || word === 'false') return false;
	if (word === '') return emptyToNull(w, f, key, schema);
	return unparsed(w, f, key, value, schema.kind);
}

function coerceDate(
	w: Walk,
	f: Frame,
	key: string | number,
	value: unknown,
	schema: SchemaNode,
): unknown {
	if (typeof value !== 'string') return wrongType(w, f, key, value, schema.kind);
	const text = value.trim();
	if (text === '' || isMinValue(text)) return emptyToNull(w, f, key, schema);
	if (!offsetInRange(text)) {
		report(
			w,
			f,
			key,
			'unparsed',
			`${describe(value)} has a UTC offset outside -14:00 to +14:00 (or minutes over 59); ` +
				'kept as received.',
		);
		return value;
	}
	const parsed = parseDealPosDate(text, w.zone);
	return parsed === undefined ? unparsed(w, f, key, value, schema.kind) : parsed;
}

function emptyToNull(w: Walk, f: Frame, key: string | number, schema: SchemaNode): null {
	if (schema.nonEmpty) report(w, f, key, 'empty', 'Documented as non-empty but empty.');
	return null;
}

function wrongType(w: Walk, f: Frame, key: string | number, value: unknown, kind: Kind): unknown {
	report(
		w,
		f,
		key,
		'type',
		`Expected ${EXPECTED[kind]}, got ${describe(value)}; kept as received.`,
	);
	return value;
}

function unparsed(w: Walk, f: Frame, key: string | number, value: unknown, kind: Kind): unknown {
	report(w, f, key, 'unparsed', `${describe(value)} is not ${EXPECTED[kind]}; kept as received.`);
	return value;
}

// ---------------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------------

/** Hours and minutes of a UTC offset within ±14:00, minutes 00-59: `07:00`, `0545`, `14:00`. */
const OFFSET_HH_MM = '(?:(?:0\\d|1[0-3]):?[0-5]\\d|14:?00)';
/** A UTC offset within ±14:00 (`+07:00`, `+0700`, `-14`); luxon alone takes `+25:00`, `+07:60`. */
const VALID_OFFSET = `[+-](?:${OFFSET_HH_MM}|0\\d|1[0-4])`;
/** `0001-01-01T00:00:00` (.NET DateTime.MinValue) in its ISO, SQL and en-US spellings. */
const MIN_VALUE = new RegExp(
	`^(?:0001-01-01(?:[T ]00:00(?::00(?:\\.0{1,7})?)?)?\\s*(?:Z|${VALID_OFFSET})?` +
		'|0?1/0?1/0001(?:\\s+(?:12|0?0):00(?::00)?(?:\\s*AM)?)?)$',
	'i',
);
/** What an undocumented string must look like to be converted as a timestamp. */
const TIMESTAMP_SHAPE = new RegExp(
	`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]${OFFSET_HH_MM})?$`,
);
/** A numeric offset, valid or not. */
const ANY_OFFSET = /^[+-]\d{2}(?::?\d{2})?$/;
const VALID_OFFSET_ONLY = new RegExp(`^${VALID_OFFSET}$`);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WITH_TIME = /^\d{4}-\d{2}-\d{2}T/;
const SQL_WITH_TIME = /^\d{4}-\d{2}-\d{2} +\d/;
/** `01 Sep 2020`, `1-September-2020 00:00`, `Sep 1, 2020 2:30 PM`... */
const HUMAN =
	/^(?:\d{1,2}[\s-]+[A-Za-z]{3,9}\.?[\s-]+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})(?:\s|$)/;
const RFC_2822 = /^[A-Za-z]{3},\s/;

/** luxon formats tried for human spellings (English month names); date-only ones first. */
const HUMAN_DATE_FORMATS = ['d MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy'];
const HUMAN_TIME_FORMATS = HUMAN_DATE_FORMATS.flatMap((date) =>
	['HH:mm', 'HH:mm:ss', 'h:mm a', 'h:mm:ss a'].map((time) => `${date} ${time}`),
);

function isMinValue(text: string): boolean {
	return text.includes('0001') && MIN_VALUE.test(text);
}

/**
 * False when a time (ISO, SQL or RFC 2822 spelling) ends in a numeric offset beyond ±14:00 or
 * with minutes over 59. Linear: looks at the last sign only.
 */
function offsetInRange(text: string): boolean {
	const sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
	if (sign <= 10 || text.length - sign > 6) return true;
	const offset = text.slice(sign);
	if (!ANY_OFFSET.test(offset)) return true;
	// Only an offset when it follows a time (`T13`, `13:52:18.33 `), not a date's `-DD`.
	const before = text.slice(0, sign).trimEnd();
	const afterTime = /\d$/.test(before) && (before.charAt(10) === 'T' || before.includes(':', 11));
	return !afterTime || VALID_OFFSET_ONLY.test(offset);
}

/**
 * Converts an undocumented string that is a full ISO-like timestamp; leaves every other string
 * alone (including invalid timestamps such as month 13).
 */
function shapeString(value: string, zone: Zone): unknown {
	if (
		value.length < 16 ||
		value.length > 35 ||
		value.charCodeAt(10) !== 84 /* T */ ||
		value.charCodeAt(4) !== 45 /* - */
	) {
		return value;
	}
	if (!TIMESTAMP_SHAPE.test(value)) return value;
	if (value.startsWith('0001-01-01T00:00') && MIN_VALUE.test(value)) return null;
	const parsed = DateTime.fromISO(value, { zone });
	return parsed.isValid ? parsed.toISO() : value;
}

/**
 * Parses a DealPOS date or timestamp: ISO 8601 with or without offset and with 0 to 7
 * fractional digits, SQL style (`2020-09-02 13:52:18`), English human spellings (`01 Sep 2020
 * 00:00`) and RFC 2822. Values without offset are local time in `zone`; values with one keep
 * their instant. Returns ISO 8601 with the zone's offset (millisecond precision), `YYYY-MM-DD`
 * for a date without time, or undefined when the text is not a date.
 */
function parseDealPosDate(text: string, zone: Zone): string | undefined {
	if (DATE_ONLY.test(text)) return DateTime.fromISO(text, { zone }).isValid ? text : undefined;
	if (ISO_WITH_TIME.test(text)) return isoOrUndefined(DateTime.fromISO(text, { zone }));
	if (SQL_WITH_TIME.test(text))
		return isoOrUndefined(DateTime.fromSQL(text.replace(/ +/, ' '), { zone }));
	if (HUMAN.test(text)) return parseHuman(text, zone);
	if (RFC_2822.test(text)) return isoOrUndefined(DateTime.fromRFC2822(text, { zone }));
	return undefined;
}

function parseHuman(text: string, zone: Zone): string | undefined {
	const cleaned = text.replace(/[\s-]+/g, ' ').replace(/^([A-Za-z]+)\.? (\d{1,2}),? /, '$1 $2 ');
	const options = { zone, locale: 'en-US' };
	for (const format of HUMAN_DATE_FORMATS) {
		const parsed = DateTime.fromFormat(cleaned, format, options);
		if (parsed.isValid) return parsed.toISODate() ?? undefined;
	}
	for (const format of HUMAN_TIME_FORMATS) {
		const parsed = DateTime.fromFormat(cleaned, format, options);
		if (parsed.isValid) return isoOrUndefined(parsed);
	}
	return undefined;
}

function isoOrUndefined(parsed: DateTime): string | undefined {
	return parsed.isValid ? (parsed.toISO() ?? undefined) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 8_192;
const MAX_CACHED_ZONES = 512;

/**
 * An IANA zone whose offsets luxon looks up once per hour of time: luxon asks the zone for its
 * offset three or four times per parse and each lookup is an Intl call (about 12 µs). The cache
 * is derived from the time zone database only. An hour is cached only when its first and last
 * millisecond have the same offset, so transition hours are always computed exactly.
 */
class HourCachedZone extends Zone {
	private readonly offsets = new Map<number, number>();

	constructor(private readonly inner: Zone) {
		super();
	}

	get type(): string {
		return this.inner.type;
	}

	get name(): string {
		return this.inner.name;
	}

	get ianaName(): string {
		return this.inner.name;
	}

	get isUniversal(): boolean {
		return this.inner.isUniversal;
	}

	get isValid(): boolean {
		return this.inner.isValid;
	}

	offsetName(ts: number, options: Parameters<Zone['offsetName']>[1]): string | null {
		return this.inner.offsetName(ts, options);
	}

	formatOffset(ts: number, format: Parameters<Zone['formatOffset']>[1]): string {
		return this.inner.formatOffset(ts, format);
	}

	equals(other: Zone): boolean {
		return (
			this.inner.equals(other) || (other instanceof HourCachedZone && other.name === this.name)
		);
	}

	offset(ts: number): number {
		if (!Number.isFinite(ts)) return this.inner.offset(ts);
		const hour = Math.floor(ts / HOUR_MS);
		const known = this.offsets.get(hour);
		if (known !== undefined) return known;
		const first = this.inner.offset(hour * HOUR_MS);
		if (first !== this.inner.offset(hour * HOUR_MS + HOUR_MS - 1)) return this.inner.offset(ts);
		if (this.offsets.size >= MAX_CACHED_HOURS) this.offsets.clear();
		this.offsets.set(hour, first);
		return first;
	}
}

const zones = new Map<string, Zone>();

/** The zone for `name`; an unknown name gives UTC and a problem. */
function resolveZone(name: unknown, problems: Problem[]): Zone {
	if (typeof name === 'string' && name.trim() !== '') {
		const known = zones.get(name);
		if (known) return known;
		const zone = Info.normalizeZone(name.trim());
		if (zone.isValid) {
			const usable = zone.type === 'iana' ? new HourCachedZone(zone) : zone;
			if (zones.size < MAX_CACHED_ZONES) zones.set(name, usable);
			return usable;
		}
	}
	problems.push({
		path: '',
		code: 'unparsed',
		message: `Unknown time zone ${describe(name)}; timestamps are expressed in UTC.`,
	});
	return FixedOffsetZone.utcInstance;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const objectPrototype = Object.prototype;

/** A JSON-style object: `{}`, `Object.create(null)` or an object literal of another realm. */
function isPlainObject(value: unknown): value is Rec {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value) as object | null;
	return proto === objectPrototype || proto === null || Object.getPrototypeOf(proto) === null;
}

function hasOwn(object: object, key: string): boolean {
	return objectPrototype.hasOwnProperty.call(object, key);
}

/** Sets an own data property; `__proto__` is defined rather than assigned (no prototype change). */
function put(target: Rec, key: string, value: unknown): void {
	if (key === '__proto__') {
		Object.defineProperty(target, key, {
			value,
			writable: true,
			enumerable: true,
			configurable: true,
		});
	} else {
		target[key] = value;
	}
}

function report(w: Walk, f: Frame, key: string | number, code: ProblemCode, message: string): void {
	w.problems.push({ path: pathOf(f, key), code, message });
}

/** `Customer.Name`, `Variants[3].Quantity` for `key` inside frame `f`. */
function pathOf(f: Frame, key: string | number): string {
	const keys: Array<string | number> = [key];
	for (let frame: Frame | null = f; frame !== null && frame.parent !== null; frame = frame.parent) {
		keys.push(frame.key);
	}
	let path = '';
	for (let i = keys.length - 1; i >= 0; i--) {
		const part = keys[i];
		path += typeof part === 'number' ? `[${part}]` : path === '' ? part : `.${part}`;
	}
	return path;
}

/** A short description of a value for problem messages. */
function describe(value: unknown): string {
	if (typeof value === 'string') {
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	}
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return typeof value;
}

function errorText(error: unknown): string {
	try {
		return error instanceof Error ? error.message : String(error);
	} catch {
		return 'unknown error';
	}
}
