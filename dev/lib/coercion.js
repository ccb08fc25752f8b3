// @ts-check
'use strict';
// Whether the normaliser's output leaf is the input leaf kept or rightly coerced: shared by the
// property tests (test/normalize.property.test.ts) and the soak run (dev/load/soak.js).

/** A timestamp as normalize writes it: ISO 8601 with milliseconds and an offset. */
const ISO_OUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;

/** luxon, a dev dependency, loaded when first needed (dev/lib loads before `npm ci` runs). */
function luxon() {
	/** @type {typeof import('luxon')} */
	const module = require('luxon');
	return module.DateTime;
}

/**
 * luxon (so normalize) writes offsets in whole minutes; zones' historical local mean time had
 * seconds (Jakarta before 1924: +07:07:12), so for such instants the written offset is truncated
 * and the instant it denotes differs by under a minute. Nothing else may differ.
 * @param {number} millisA @param {number} millisB @param {string} zone
 */
function sameInstantModuloLmt(millisA, millisB, zone) {
	if (millisA === millisB) return true;
	return Math.abs(millisA - millisB) < 60_000 && luxon().fromMillis(millisA, { zone }).offset % 1 !== 0;
}

/**
 * Whether `output` is `input` kept, or coerced as documented (null for an empty or .NET-empty
 * date, a number, a boolean, an ISO timestamp of the same instant read in `zone`). `count`, when
 * given, is told each coercion checked (the soak run's statistics).
 * @param {unknown} input @param {unknown} output @param {string} zone
 * @param {(kind: 'nulls' | 'numbers' | 'booleans' | 'timestamps') => void} [count]
 */
function isCoercionOf(input, output, zone, count = () => {}) {
	if (Object.is(input, output)) return true;
	if (typeof output === 'number' && !Number.isFinite(output)) return false;
	if (typeof input === 'number') return output === String(input);
	if (typeof input !== 'string') return false;
	const text = input.trim();
	if (output === null) {
		count('nulls');
		return text === '' || text.includes('0001');
	}
	if (typeof output === 'number') {
		count('numbers');
		return output === Number(text);
	}
	if (typeof output === 'boolean') {
		count('booleans');
		return /^(yes|no|true|false)$/i.test(text) && output === /^(yes|true)$/i.test(text);
	}
	if (typeof output !== 'string') return false;
	count('timestamps');
	const DateTime = luxon();
	if (/^\d{4}-\d{2}-\d{2}$/.test(output)) return DateTime.fromISO(output).isValid;
	if (!ISO_OUT.test(output) || !DateTime.fromISO(output).isValid) return false;
	// Same instant as luxon reads the input in the zone (ISO inputs; other spellings: valid is enough).
	if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
		return sameInstantModuloLmt(DateTime.fromISO(text, { zone }).toMillis(), DateTime.fromISO(output).toMillis(), zone);
	}
	return true;
}

module.exports = { ISO_OUT, sameInstantModuloLmt, isCoercionOf };
