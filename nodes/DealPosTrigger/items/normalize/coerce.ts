/**
 * Coercion of documented scalars to their documented kind. A value that cannot be coerced is
 * returned as received and reported at the cursor.
 */
import type { Cursor } from './cursor';
import { isMinValue, offsetInRange, parseDealPosDate } from './dates';
import { holdsExactly, NUMBER } from './numbers';
import type { Kind, SchemaNode } from './schema';
import { describe } from './values';

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
export function coerce(c: Cursor, value: unknown, schema: SchemaNode): unknown {
	if (value === null || value === undefined) {
		if (schema.nonEmpty) reportEmpty(c);
		return value;
	}
	switch (schema.kind) {
		case 'string':
			return coerceString(c, value, schema);
		case 'number':
		case 'integer':
			return coerceNumber(c, value, schema);
		case 'boolean':
		case 'yes-no':
			return coerceBoolean(c, value, schema);
		case 'date':
			return coerceDate(c, value, schema);
		default:
			return wrongType(c, value, schema.kind);
	}
}

function coerceString(c: Cursor, value: unknown, schema: SchemaNode): unknown {
	if (typeof value === 'string') {
		if (schema.nonEmpty && value.trim() === '') reportEmpty(c);
		return value;
	}
	if (typeof value === 'number' && Number.isFinite(value)) {
		reportIfRounded(c, value);
		return String(value);
	}
	return wrongType(c, value, schema.kind);
}

/**
 * A JSON number beyond ±2^53 has been rounded by the JSON parser before the node sees it (a
 * 19-digit code sent without quotes): the item says so instead of passing it on as the record's.
 */
function reportIfRounded(c: Cursor, value: number): void {
	if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
		c.report(
			'unparsed',
			`${String(value)} was sent as a number beyond ±2^53, which JSON numbers do not hold exactly: its last digits may differ from what DealPOS sent.`,
		);
	}
}

function coerceNumber(c: Cursor, value: unknown, schema: SchemaNode): unknown {
	let result: number;
	if (typeof value === 'number') {
		result = value;
		reportIfRounded(c, value);
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return emptyToNull(c, schema);
		if (!NUMBER.test(text)) return unparsed(c, value, schema.kind);
		result = Number(text);
		if (!holdsExactly(text, result)) {
			return keep(
				c,
				value,
				`${describe(value)} does not fit a number without losing digits; kept as received.`,
			);
		}
	} else {
		return wrongType(c, value, schema.kind);
	}
	if (schema.kind === 'integer' && !Number.isInteger(result)) {
		c.report('type', `Expected an integer, got ${result}.`);
	}
	return result;
}

function coerceBoolean(c: Cursor, value: unknown, schema: SchemaNode): unknown {
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') return wrongType(c, value, schema.kind);
	const word = value.trim().toLowerCase();
	if (word === 'yes' || word === 'true') return true;
	if (word === 'no' || word === 'false') return false;
	if (word === '') return emptyToNull(c, schema);
	return unparsed(c, value, schema.kind);
}

function coerceDate(c: Cursor, value: unknown, schema: SchemaNode): unknown {
	if (typeof value !== 'string') return wrongType(c, value, schema.kind);
	const text = value.trim();
	if (text === '' || isMinValue(text)) return emptyToNull(c, schema);
	if (!offsetInRange(text)) {
		return keep(
			c,
			value,
			`${describe(value)} has a UTC offset outside -14:00 to +14:00 (or minutes over 59); ` +
				'kept as received.',
		);
	}
	const parsed = parseDealPosDate(text, c.zone, c.offsetNow);
	return parsed === undefined ? unparsed(c, value, schema.kind) : parsed;
}

function reportEmpty(c: Cursor): void {
	c.report('empty', 'Documented as non-empty but empty.');
}

function emptyToNull(c: Cursor, schema: SchemaNode): null {
	if (schema.nonEmpty) reportEmpty(c);
	return null;
}

/** Reports `value` as not of the documented `kind`; returns it as received. */
export function wrongType(c: Cursor, value: unknown, kind: Kind): unknown {
	c.report('type', `Expected ${EXPECTED[kind]}, got ${describe(value)}; kept as received.`);
	return value;
}

function unparsed(c: Cursor, value: unknown, kind: Kind): unknown {
	return keep(c, value, `${describe(value)} is not ${EXPECTED[kind]}; kept as received.`);
}

/** Reports `value` as unparsed with `message`; returns it as received. */
function keep(c: Cursor, value: unknown, message: string): unknown {
	c.report('unparsed', message);
	return value;
}
