/** DealPOS timestamps: the shapes they come in, and their conversion to ISO 8601. */
import { DateTime, type Zone } from 'luxon';

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
/** DealPOS's usual timestamp: local time without an offset, `2020-09-02T13:52:18.3330000`. */
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;
/** What an undocumented string must look like to be converted as a timestamp. */
const TIMESTAMP_SHAPE = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]${OFFSET_HH_MM})?$`);
/** A numeric offset, valid or not. */
const ANY_OFFSET = /^[+-]\d{2}(?::?\d{2})?$/;
const VALID_OFFSET_ONLY = new RegExp(`^${VALID_OFFSET}$`);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WITH_TIME = /^\d{4}-\d{2}-\d{2}T/;
const SQL_WITH_TIME = /^\d{4}-\d{2}-\d{2} +\d/;
/** `01 Sep 2020`, `1-September-2020 00:00`, `Sep 1, 2020 2:30 PM`... */
const HUMAN = /^(?:\d{1,2}[\s-]+[A-Za-z]{3,9}\.?[\s-]+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})(?:\s|$)/;
const RFC_2822 = /^[A-Za-z]{3},\s/;

/** luxon formats tried for human spellings (English month names); date-only ones first. */
const HUMAN_DATE_FORMATS = ['d MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy'];
const HUMAN_TIME_FORMATS = HUMAN_DATE_FORMATS.flatMap((date) =>
	['HH:mm', 'HH:mm:ss', 'h:mm a', 'h:mm:ss a'].map((time) => `${date} ${time}`),
);

/** `0001-01-01T00:00:00` (.NET DateTime.MinValue) in any of its spellings. */
export function isMinValue(text: string): boolean {
	return MIN_VALUE.test(text);
}

/**
 * False when a time (ISO, SQL or RFC 2822 spelling) ends in a numeric offset beyond ±14:00 or
 * with minutes over 59. Linear: looks at the last sign only.
 */
export function offsetInRange(text: string): boolean {
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
export function shapeString(value: string, zone: Zone, offsetNow?: () => number): unknown {
	// Cheap rejection of most strings before the regex: 17-20 % of the CPU time on line-heavy
	// bodies (npm run bench, invoice of 1,000 lines).
	if (value.length < 16 || value.length > 35 || value.charCodeAt(10) !== 84 /* T */ || value.charCodeAt(4) !== 45 /* - */) {
		return value;
	}
	if (!TIMESTAMP_SHAPE.test(value)) return value;
	if (isMinValue(value)) return null;
	const fast = localIsoToIso(value, zone, offsetNow);
	if (fast !== null) return fast;
	const parsed = DateTime.fromISO(value, { zone });
	return parsed.isValid ? parsed.toISO() : value;
}

/**
 * `DateTime.fromISO(text, { zone }).toISO()` for a valid local timestamp (`LOCAL_ISO`, years
 * 1000 to 9999, hours 0 to 23), computed the way luxon 3 does it (the same search for the offset,
 * the same output) without building a DateTime: inside n8n, luxon's parsing and objects were most
 * of this package's time per delivery (docs/benchmarks.md). A test holds it to luxon's result over
 * many zones and instants, DST changes included. Returns null for any other text (luxon decides).
 * `offsetNow` gives the zone's offset now, luxon's first guess: it picks the instant of a local time
 * that occurs twice (the hour repeated when DST ends), as luxon does.
 */
export function localIsoToIso(text: string, zone: Zone, offsetNow: () => number = () => zone.offset(Date.now())): string | null {
	const m = LOCAL_ISO.exec(text);
	if (m === null) return null;
	const year = +m[1];
	const month = +m[2];
	const day = +m[3];
	const hour = +m[4];
	const minute = +m[5];
	const second = m[6] === undefined ? 0 : +m[6];
	// luxon: the fraction's first three digits, truncated.
	const millisecond = m[7] === undefined ? 0 : Math.floor(parseFloat('0.' + m[7]) * 1000);
	if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	if (hour > 23 || minute > 59 || second > 59) return null;
	const localTs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	const [ts, offset] = fixOffset(localTs, offsetNow(), zone);
	const d = new Date(ts + offset * 60000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const zoneText = zone.isUniversal && offset === 0 ? 'Z' : `${sign}${pad(Math.trunc(abs / 60))}:${pad(Math.trunc(abs % 60))}`;
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${zoneText}`
	);
}

/** luxon's fixOffset: the instant of local time `localTs` in `zone`, starting from the guess `o`. */
function fixOffset(localTs: number, o: number, zone: Zone): [number, number] {
	let utcGuess = localTs - o * 60000;
	const o2 = zone.offset(utcGuess);
	if (o === o2) return [utcGuess, o];
	utcGuess -= (o2 - o) * 60000;
	const o3 = zone.offset(utcGuess);
	if (o2 === o3) return [utcGuess, o2];
	// A local time skipped when DST starts: luxon keeps the wall time and takes the later offset.
	return [localTs - Math.min(o2, o3) * 60000, Math.max(o2, o3)];
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/**
 * Parses a DealPOS date or timestamp: ISO 8601 with or without offset and with 0 to 7
 * fractional digits, SQL style (`2020-09-02 13:52:18`), English human spellings (`01 Sep 2020
 * 00:00`) and RFC 2822. Values without offset are local time in `zone`; values with one keep
 * their instant. Returns ISO 8601 with the zone's offset (millisecond precision), `YYYY-MM-DD`
 * for a date without time, or undefined when the text is not a date.
 */
export function parseDealPosDate(text: string, zone: Zone, offsetNow?: () => number): string | undefined {
	if (DATE_ONLY.test(text)) return DateTime.fromISO(text, { zone }).isValid ? text : undefined;
	if (ISO_WITH_TIME.test(text)) return localIsoToIso(text, zone, offsetNow) ?? isoOrUndefined(DateTime.fromISO(text, { zone }));
	if (SQL_WITH_TIME.test(text)) return isoOrUndefined(DateTime.fromSQL(text.replace(/ +/, ' '), { zone }));
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
