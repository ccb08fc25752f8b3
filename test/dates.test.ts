// localIsoToIso() against luxon itself: the fast path for DealPOS's usual local timestamps must
// give exactly what `DateTime.fromISO(text, { zone }).toISO()` gives, across zones with and
// without DST, half-hour and 45-minute offsets, historical (LMT) offsets, the hours skipped and
// repeated when DST changes, and any time "now" (luxon's first guess).
import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone, Settings, type Zone } from 'luxon';

import { localIsoToIso, parseDealPosDate, shapeString } from '../nodes/DealPosTrigger/items/normalize/dates';

const ZONES: Zone[] = [
	...[
		'Asia/Jakarta',
		'America/New_York',
		'Europe/London',
		'Europe/Berlin',
		'Australia/Lord_Howe',
		'Asia/Kathmandu',
		'Pacific/Chatham',
		'America/Sao_Paulo',
		'Africa/Casablanca',
		'UTC',
	].map((name) => IANAZone.create(name)),
	FixedOffsetZone.utcInstance,
	FixedOffsetZone.instance(7 * 60),
	FixedOffsetZone.instance(-(3 * 60 + 30)),
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A local timestamp text in DealPOS's usual shape, with 0 to 7 fraction digits or no seconds. */
const localText = fc
	.record({
		year: fc.integer({ min: 1000, max: 9999 }),
		month: fc.integer({ min: 1, max: 12 }),
		day: fc.integer({ min: 1, max: 31 }),
		hour: fc.integer({ min: 0, max: 23 }),
		minute: fc.integer({ min: 0, max: 59 }),
		second: fc.integer({ min: 0, max: 59 }),
		fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,7}$/)),
		withSeconds: fc.boolean(),
	})
	.map(({ year, month, day, hour, minute, second, fraction, withSeconds }) => {
		const hm = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
		if (!withSeconds) return hm;
		return `${hm}:${pad(second)}${fraction ? `.${fraction}` : ''}`;
	});

/** Local times around DST changes (the skipped and the repeated hour) in the zones above. */
function transitionTexts(): string[] {
	const texts: string[] = [];
	for (const zone of ZONES) {
		if (zone.isUniversal) continue;
		for (let year = 1990; year <= 2030; year += 8) {
			let previous = zone.offset(Date.UTC(year, 0, 1));
			for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3600000) {
				const offset = zone.offset(t);
				if (offset === previous) continue;
				for (const minutes of [-90, -60, -45, -30, -1, 0, 1, 15, 30, 59, 60, 61, 90]) {
					const local = new Date(t + (previous + minutes) * 60000);
					texts.push(local.toISOString().slice(0, 19));
				}
				previous = offset;
			}
		}
	}
	return texts;
}

function luxon(text: string, zone: Zone): string | null {
	const parsed = DateTime.fromISO(text, { zone });
	return parsed.isValid ? parsed.toISO() : null;
}

afterEach(() => {
	Settings.now = () => Date.now();
});

describe('localIsoToIso: the same result as luxon', () => {
	it('for generated local timestamps in every zone', () => {
		fc.assert(
			fc.property(localText, fc.constantFrom(...ZONES), (text, zone) => {
				const fast = localIsoToIso(text, zone);
				// null only for text it leaves to luxon: here, days past the month's end.
				if (fast === null) expect(luxon(text, zone)).toBeNull();
				else expect(fast).toBe(luxon(text, zone));
			}),
			{ numRuns: 3000 },
		);
	});

	it('around the DST changes of six years from 1990 to 2030, whatever "now" is (luxon guesses from it)', () => {
		const texts = transitionTexts();
		expect(texts.length).toBeGreaterThan(900);
		// "Now" in winter and in summer, north and south: the repeated hour resolves differently.
		for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
			Settings.now = () => now;
			const wrong: string[][] = [];
			for (const zone of ZONES) {
				for (const text of texts) {
					const expected = luxon(text, zone);
					const fast = localIsoToIso(text, zone, () => zone.offset(now));
					if (fast !== expected) wrong.push([text, zone.name, String(fast), String(expected)]);
				}
			}
			expect(wrong).toEqual([]);
		}
	});

	it('for historical offsets with seconds (local mean time) and year boundaries', () => {
		for (const zone of ZONES) {
			for (const text of [
				'1000-01-01T00:00:00',
				'1880-06-30T12:00:00.5',
				'1900-01-01T00:00',
				'1923-12-31T23:59:59.9999999',
				'9999-12-31T23:59:59.999',
			]) {
				expect(localIsoToIso(text, zone)).toBe(luxon(text, zone));
			}
		}
	});

	it('leaves to luxon what is not a valid local timestamp of years 1000 to 9999', () => {
		const zone = IANAZone.create('Asia/Jakarta');
		for (const text of [
			'2020-02-30T10:00:00',
			'2021-02-29T10:00:00',
			'2020-13-01T10:00:00',
			'2020-01-01T24:00:00',
			'2020-01-01T23:60:00',
			'2020-01-01T23:59:60',
			'0999-01-01T00:00:00',
			'2020-01-01T10:00:00Z',
			'2020-01-01T10:00:00+07:00',
			'2020-01-01T10',
			'2020-01-01 10:00:00',
		]) {
			expect(localIsoToIso(text, zone)).toBeNull();
		}
		expect(localIsoToIso('2020-02-29T10:00:00', zone)).toBe('2020-02-29T10:00:00.000+07:00');
	});

	it('is what parseDealPosDate and shapeString return for local timestamps, and asks for "now" once per call', () => {
		const zone = IANAZone.create('America/New_York');
		let asked = 0;
		const offsetNow = () => {
			asked++;
			return zone.offset(Date.now());
		};
		expect(parseDealPosDate('2018-07-22T00:00:00', zone, offsetNow)).toBe('2018-07-22T00:00:00.000-04:00');
		expect(shapeString('2018-01-22T00:00:00.1234567', zone, offsetNow)).toBe('2018-01-22T00:00:00.123-05:00');
		expect(asked).toBe(2);
		// Text with an offset is not the fast path's: luxon keeps its instant.
		expect(parseDealPosDate('2018-07-22T00:00:00+07:00', zone, offsetNow)).toBe('2018-07-21T13:00:00.000-04:00');
		expect(asked).toBe(2);
	});
});
