// Property tests of normalize() with fast-check: 2,600 generated cases per `npm test`
// (see RUNS). dev/load/soak.js runs the same kind of properties 100,000+ times.
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { allEvents, findEvent } from '../nodes/DealPosTrigger/catalog';
import type { DealPosEvent } from '../nodes/DealPosTrigger/catalog';
import { documentedFields, normalize } from '../nodes/DealPosTrigger/items/normalize';
import { bodyArbitraries, ISO_OUT, isCoercionOf, sameInstantModuloLmt } from '../dev/lib';

const RUNS = { undocumented: 800, documented: 800, deep: 100, zones: 600, idempotent: 300 };

const ZONES = [
	'Asia/Jakarta',
	'Europe/Berlin',
	'America/New_York',
	'Australia/Lord_Howe',
	'Asia/Kathmandu',
	'UTC',
];
const INVOICE = findEvent('invoice.created') as DealPosEvent;
const EVENTS = allEvents();

// Arbitraries (dev/lib/bodies.js, shared with dev/load/soak.js): JSON *text*, so that
// JSON.parse creates own `__proto__` keys as DealPOS bodies would.
const { undocumentedBody, documentedBody, deepBody } = bodyArbitraries({
	events: EVENTS,
	documentedFields,
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

const OBJECT_PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();

function expectNoPollution(): void {
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_NAMES);
	expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_NAMES);
	expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks two trees together (explicit stack: any depth): same keys in the same order, same array
 * lengths, own data properties only, and `leafOk` for every pair of leaves.
 */
function expectParallel(
	a0: unknown,
	b0: unknown,
	leafOk: (a: unknown, b: unknown) => boolean,
): void {
	type At = { key: string | number; up: At | null } | null;
	const stack: Array<[unknown, unknown, At]> = [[a0, b0, null]];
	const where = (at: At) => {
		const keys: Array<string | number> = [];
		for (let node = at; node !== null; node = node.up) keys.unshift(node.key);
		return keys.slice(0, 6).join('/') + (keys.length > 6 ? `/... (${keys.length} levels)` : '');
	};
	while (stack.length > 0) {
		const [a, b, at] = stack.pop() as [unknown, unknown, At];
		if (Array.isArray(a)) {
			if (!Array.isArray(b) || a.length !== b.length)
				throw new Error(`array changed at ${where(at)}`);
			for (let i = 0; i < a.length; i++) stack.push([a[i], b[i], { key: i, up: at }]);
		} else if (isRecord(a)) {
			if (!isRecord(b)) throw new Error(`object changed at ${where(at)}`);
			const keys = Object.keys(a);
			const keysB = Object.keys(b);
			if (keysB.length !== keys.length || keys.some((k, i) => keysB[i] !== k))
				throw new Error(`keys changed at ${where(at)}`);
			if (Object.getPrototypeOf(b) !== Object.prototype)
				throw new Error(`prototype changed at ${where(at)}`);
			for (const k of keys) {
				if (!Object.prototype.hasOwnProperty.call(b, k))
					throw new Error(`${k} not own at ${where(at)}`);
				stack.push([a[k], b[k], { key: k, up: at }]);
			}
		} else if (!leafOk(a, b)) {
			throw new Error(`leaf ${JSON.stringify(a)} became ${JSON.stringify(b)} at ${where(at)}`);
		}
	}
}

/** Every input leaf is in the output at the same place, kept or coerced. */
function expectLeavesKept(input: unknown, output: unknown, zone: string): void {
	expectParallel(input, output, (a, b) => isCoercionOf(a, b, zone));
}

/** Every problem path of an object body names a place in the body (or a missing required key). */
function expectProblemPathsResolve(
	body: unknown,
	problems: Array<{ path: string; code: string }>,
): void {
	for (const problem of problems) {
		if (problem.path === '') continue;
		const parts = problem.path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
		let node: unknown = body;
		parts.forEach((part, i) => {
			const last = i === parts.length - 1;
			const k = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
			if (last && problem.code === 'required') return;
			if (
				typeof node !== 'object' ||
				node === null ||
				!Object.prototype.hasOwnProperty.call(node, k)
			) {
				throw new Error(`problem path ${problem.path} does not resolve`);
			}
			node = (node as Rec)[k as string];
		});
	}
}

function check(
	text: string,
	event: DealPosEvent | undefined,
	zone: string,
): ReturnType<typeof normalize> {
	const body = JSON.parse(text) as unknown;
	const before = JSON.stringify(body);
	const result = normalize(body, event, { timezone: zone });
	expect(JSON.stringify(body)).toBe(before);
	expectNoPollution();
	if (isRecord(body)) {
		expectLeavesKept(body, result.data, zone);
		expectProblemPathsResolve(body, result.problems);
	} else if (body === undefined) {
		expect(result.data).toEqual({});
	} else {
		expect(Object.keys(result.data)).toEqual(['body']);
		expectLeavesKept(body, result.data.body, zone);
	}
	for (const problem of result.problems) {
		expect(['required', 'empty', 'type', 'unparsed']).toContain(problem.code);
		expect(typeof problem.message).toBe('string');
	}
	return result;
}

const zone = fc.constantFrom(...ZONES);

describe('normalize properties', () => {
	it('undocumented bodies: never throws, never mutates, never pollutes, keeps every leaf', () => {
		fc.assert(
			fc.property(undocumentedBody, zone, (text, tz) => {
				check(text, undefined, tz);
			}),
			{ numRuns: RUNS.undocumented },
		);
	});

	it('documented events with documented field names mixed in: same invariants, problem paths resolve', () => {
		fc.assert(
			fc.property(documentedBody, zone, ({ event, text }, tz) => {
				check(text, event, tz);
			}),
			{ numRuns: RUNS.documented },
		);
	});

	it('1,000 to 3,000 levels of nesting', () => {
		fc.assert(
			fc.property(deepBody, fc.constantFrom(undefined, INVOICE), (text, event) => {
				check(text, event, 'Asia/Jakarta');
			}),
			{ numRuns: RUNS.deep },
		);
	});

	it('timestamps equal plain luxon in every zone, including DST transition hours (offset cache is exact)', () => {
		const local = fc
			.record({
				year: fc.integer({ min: 1890, max: 2100 }),
				month: fc.integer({ min: 1, max: 12 }),
				day: fc.integer({ min: 1, max: 28 }),
				hour: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 23 })),
				minute: fc.constantFrom(0, 15, 30, 45, 59),
				ms: fc.integer({ min: 0, max: 999 }),
			})
			.map(
				({ year, month, day, hour, minute, ms }) =>
					`${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00.${pad(ms, 3)}`,
			);
		fc.assert(
			fc.property(local, zone, (text, tz) => {
				expect(normalize({ Date: text }, INVOICE, { timezone: tz }).data.Date).toBe(
					DateTime.fromISO(text, { zone: tz }).toISO(),
				);
			}),
			{ numRuns: RUNS.zones },
		);
	});

	it('normalising normalised data changes nothing (except historical sub-minute offsets)', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					undocumentedBody,
					documentedBody.map((b) => b.text),
				),
				fc.constantFrom(undefined, ...EVENTS),
				zone,
				(text, event, tz) => {
					const body = JSON.parse(text) as unknown;
					if (!isRecord(body)) return;
					const once = normalize(body, event, { timezone: tz }).data;
					const twice = normalize(once, event, { timezone: tz }).data;
					expectParallel(once, twice, (a, b) => {
						if (Object.is(a, b)) return true;
						if (typeof a !== 'string' || typeof b !== 'string' || !ISO_OUT.test(a)) return false;
						return sameInstantModuloLmt(
							DateTime.fromISO(a).toMillis(),
							DateTime.fromISO(b).toMillis(),
							tz,
						);
					});
				},
			),
			{ numRuns: RUNS.idempotent },
		);
	});
});
