#!/usr/bin/env node
'use strict';
// Soak test of normalize(): 100,000 generated bodies by default (fast-check), against the
// compiled package. Same invariants as test/normalize.property.test.ts: never throws, never
// mutates its input, never pollutes Object.prototype / Array.prototype, keeps every leaf (kept or
// coerced) with the same keys and array lengths, never outputs NaN or an invalid date.
//
// Usage: npx tsc && node scripts/soak-normalize.js [cases] [--seed N]
// Prints counts per kind of body, problems per code, conversions, and the first failure if any.
const path = require('node:path');
const fc = require('fast-check');
const { DateTime } = require('luxon');

const DIST = path.resolve(__dirname, '..', 'dist', 'nodes', 'DealPosTrigger');
let normalize;
let documentedFields;
let allEvents;
try {
	({ normalize, documentedFields } = require(path.join(DIST, 'items', 'normalize.js')));
	({ allEvents } = require(path.join(DIST, 'catalog', 'index.js')));
} catch (error) {
	console.error(`Cannot load ${DIST}: build first (npx tsc). ${error.message}`);
	process.exit(1);
}

const args = process.argv.slice(2);
const CASES = Number(args.find((a) => /^\d+$/.test(a)) || 100000);
const seedAt = args.indexOf('--seed');
const SEED = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 2147483647;

const ZONES = [
	'Asia/Jakarta',
	'Asia/Makassar',
	'Europe/Berlin',
	'America/New_York',
	'Australia/Lord_Howe',
	'UTC',
];
const EVENTS = allEvents();

// ------------------------------------------------------------------------------- arbitraries

const pad = (n, width = 2) => String(n).padStart(width, '0');

const isoTimestamp = fc
	.record({
		year: fc.integer({ min: 1, max: 2200 }),
		month: fc.integer({ min: 1, max: 13 }),
		day: fc.integer({ min: 1, max: 31 }),
		hour: fc.integer({ min: 0, max: 24 }),
		minute: fc.integer({ min: 0, max: 59 }),
		second: fc.option(fc.integer({ min: 0, max: 59 })),
		fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 8 }),
		offset: fc.constantFrom('', '', 'Z', '+07:00', '-05:00', '+0530', '+00:00', ' '),
		separator: fc.constantFrom('T', 'T', 'T', ' '),
	})
	.map((t) => {
		const seconds =
			t.second === null ? '' : `:${pad(t.second)}${t.fraction ? `.${t.fraction}` : ''}`;
		return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}${seconds}${t.offset}`;
	});

const dateLike = fc.oneof(
	isoTimestamp,
	fc.constantFrom(
		'2020-09-02T00:00:00',
		'2021-08-20T10:28:56.6691072',
		'2025-04-16T10:11:59.608095+07:00',
		'0001-01-01T00:00:00',
		'0001-01-01T00:00:00.0000000',
		'0001-01-01',
		'1/1/0001 12:00:00 AM',
		'2020-07-01',
		'01 Sep 2020 00:00',
		'01 Sep 2020',
		'Sep 1, 2020 2:30 PM',
		'Wed, 02 Sep 2020 13:52:18 +0700',
		'',
	),
);
const numberString = fc.oneof(
	fc.integer().map(String),
	fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
	fc.constantFrom(' 10 ', '100000.50', '1,000', '1e3', 'abc', '', '12345678901234567890', '1e400'),
);
const flagWord = fc.constantFrom('Yes', 'No', ' yes ', 'NO', 'true', 'False', 'Maybe', '');
const leafValue = fc.oneof(
	{ weight: 3, arbitrary: dateLike },
	{ weight: 2, arbitrary: numberString },
	{ weight: 1, arbitrary: flagWord },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
	{ weight: 2, arbitrary: fc.integer() },
	{ weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constant(null) },
);
const leafText = leafValue.map((v) => JSON.stringify(v));
const NAMES = [
	...new Set(EVENTS.flatMap((e) => documentedFields(e).map((f) => f.path.split(/[.[]/)[0]))),
];
const key = fc.oneof(
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'__proto__',
			'constructor',
			'prototype',
			'toString',
			'valueOf',
			'dealpos',
			'',
		),
	},
	{ weight: 3, arbitrary: fc.constantFrom(...NAMES) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
const objectText = (entries) =>
	`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
const { json: jsonText } = fc.letrec((tie) => ({
	json: fc.oneof({ depthSize: 'small', maxDepth: 6 }, leafText, tie('array'), tie('object')),
	array: fc.array(tie('json'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
	object: fc.array(fc.tuple(key, tie('json')), { maxLength: 6 }).map(objectText),
}));
const lineText = fc.oneof(
	leafText,
	fc.array(fc.tuple(key, leafText), { maxLength: 5 }).map(objectText),
);
const longArray = fc
	.tuple(fc.integer({ min: 200, max: 2000 }), lineText)
	.map(([n, element]) => `[${new Array(n).fill(element).join(',')}]`);
const deep = fc
	.tuple(fc.integer({ min: 500, max: 2500 }), fc.constantFrom('[', '__proto__', 'a'), leafText)
	.map(([depth, kind, leaf]) => {
		const open = kind === '[' ? '[' : `{${JSON.stringify(kind)}:`;
		const close = kind === '[' ? ']' : '}';
		return `{"root":${open.repeat(depth)}${leaf}${close.repeat(depth)}}`;
	});

function shapeOf(fields) {
	const root = { props: new Map() };
	for (const field of fields) {
		let node = root;
		const segments = field.path.split('.');
		segments.forEach((segment, s) => {
			const name = segment.replace(/(\[\])+$/, '');
			let next = node.props.get(name);
			if (!next) {
				next = { props: new Map() };
				node.props.set(name, next);
			}
			if (segment.endsWith('[]')) {
				next.items = next.items || { props: new Map() };
				node = next.items;
			} else {
				node = next;
			}
			if (s === segments.length - 1 && !segment.endsWith('[]')) next.field = field;
		});
	}
	return root;
}
function valueFor(shape) {
	const field = shape.field;
	if (shape.props.size > 0)
		return fc.oneof({ weight: 5, arbitrary: objectFor(shape) }, { weight: 1, arbitrary: jsonText });
	if (shape.items && shape.items.props.size > 0) {
		return fc
			.array(objectFor(shape.items), { maxLength: 4 })
			.map((items) => `[${items.join(',')}]`);
	}
	let plausible = leafValue;
	if (field && (field.format === 'date-time' || field.format === 'date')) plausible = dateLike;
	else if (field && (field.format === 'yes-no' || field.type === 'boolean'))
		plausible = fc.oneof(flagWord, fc.boolean());
	else if (field && (field.type === 'number' || field.type === 'integer'))
		plausible = fc.oneof(numberString, fc.integer());
	else if (field && field.type === 'string')
		plausible = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(''));
	return fc.oneof(
		{ weight: 4, arbitrary: plausible.map((v) => JSON.stringify(v)) },
		{ weight: 1, arbitrary: jsonText },
	);
}
function objectFor(shape) {
	const documented = [...shape.props].map(([name, child]) =>
		fc.option(
			valueFor(child).map((t) => [name, t]),
			{ freq: 4 },
		),
	);
	return fc
		.tuple(fc.tuple(...documented), fc.array(fc.tuple(key, jsonText), { maxLength: 3 }))
		.map(([entries, extra]) => objectText([...entries.filter((e) => e !== null), ...extra]));
}
const documentedShapes = new Map(EVENTS.map((e) => [e, objectFor(shapeOf(documentedFields(e)))]));

const delivery = fc.oneof(
	{
		weight: 8,
		arbitrary: fc.tuple(
			fc.constant('undocumented'),
			fc.array(fc.tuple(key, jsonText), { maxLength: 8 }).map(objectText),
			fc.constant(undefined),
		),
	},
	{
		weight: 8,
		arbitrary: fc
			.constantFrom(...EVENTS)
			.chain((e) => documentedShapes.get(e).map((text) => ['documented', text, e])),
	},
	{
		weight: 1,
		arbitrary: fc.tuple(fc.constant('non-object'), jsonText, fc.constantFrom(undefined, ...EVENTS)),
	},
	{
		weight: 1,
		arbitrary: longArray.map((text) => ['long array', `{"Variants":${text}}`, undefined]),
	},
	{ weight: 1, arbitrary: deep.map((text) => ['deep', text, undefined]) },
);

// ------------------------------------------------------------------------------- invariants

const OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTO = Object.getOwnPropertyNames(Array.prototype).sort().join();
const ISO_OUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const stats = {
	cases: 0,
	kinds: {},
	problems: { required: 0, empty: 0, type: 0, unparsed: 0 },
	timestamps: 0,
	nulls: 0,
	numbers: 0,
	booleans: 0,
	maxDepth: 0,
	maxArray: 0,
};

function sameInstantModuloLmt(a, b, zone) {
	if (a === b) return true;
	return Math.abs(a - b) < 60000 && DateTime.fromMillis(a, { zone }).offset % 1 !== 0;
}

function leafOk(input, output, zone) {
	if (Object.is(input, output)) return true;
	if (typeof output === 'number' && !Number.isFinite(output)) return false;
	if (typeof input === 'number') return output === String(input);
	if (typeof input !== 'string') return false;
	const text = input.trim();
	if (output === null) {
		stats.nulls++;
		return text === '' || text.includes('0001');
	}
	if (typeof output === 'number') {
		stats.numbers++;
		return output === Number(text);
	}
	if (typeof output === 'boolean') {
		stats.booleans++;
		return /^(yes|no|true|false)$/i.test(text) && output === /^(yes|true)$/i.test(text);
	}
	if (typeof output !== 'string') return false;
	stats.timestamps++;
	if (/^\d{4}-\d{2}-\d{2}$/.test(output)) return DateTime.fromISO(output).isValid;
	if (!ISO_OUT.test(output) || !DateTime.fromISO(output).isValid) return false;
	if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
		return sameInstantModuloLmt(
			DateTime.fromISO(text, { zone }).toMillis(),
			DateTime.fromISO(output).toMillis(),
			zone,
		);
	}
	return true;
}

function compare(input, output, zone) {
	const stack = [[input, output, 0]];
	while (stack.length > 0) {
		const [a, b, depth] = stack.pop();
		if (depth > stats.maxDepth) stats.maxDepth = depth;
		if (Array.isArray(a)) {
			if (!Array.isArray(b) || a.length !== b.length) return `array changed at depth ${depth}`;
			if (a.length > stats.maxArray) stats.maxArray = a.length;
			for (let i = 0; i < a.length; i++) stack.push([a[i], b[i], depth + 1]);
		} else if (isRecord(a)) {
			if (!isRecord(b) || Object.getPrototypeOf(b) !== Object.prototype)
				return `object changed at depth ${depth}`;
			const keys = Object.keys(a);
			if (Object.keys(b).join('\u0000') !== keys.join('\u0000'))
				return `keys changed at depth ${depth}`;
			for (const k of keys) stack.push([a[k], b[k], depth + 1]);
		} else if (!leafOk(a, b, zone)) {
			return `leaf ${JSON.stringify(a)} became ${JSON.stringify(b)}`;
		}
	}
	return undefined;
}

function run([kind, text, event], zone) {
	const body = JSON.parse(text);
	const before = JSON.stringify(body);
	const result = normalize(body, event, { timezone: zone });
	if (JSON.stringify(body) !== before) throw new Error('input mutated');
	if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== OBJECT_PROTO)
		throw new Error('Object.prototype polluted');
	if (Object.getOwnPropertyNames(Array.prototype).sort().join() !== ARRAY_PROTO)
		throw new Error('Array.prototype polluted');
	const failure = isRecord(body)
		? compare(body, result.data, zone)
		: compare(body, result.data.body, zone);
	if (failure) throw new Error(failure);
	stats.cases++;
	stats.kinds[kind] = (stats.kinds[kind] || 0) + 1;
	for (const problem of result.problems) {
		if (!(problem.code in stats.problems)) throw new Error(`unknown problem code ${problem.code}`);
		stats.problems[problem.code]++;
	}
}

function main() {
	const started = Date.now();
	console.log(`Soaking normalize() with ${CASES} cases, seed ${SEED}...`);
	const details = fc.check(fc.property(delivery, fc.constantFrom(...ZONES), run), {
		numRuns: CASES,
		seed: SEED,
		endOnFailure: true,
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`cases passed: ${stats.cases} in ${seconds} s`);
	console.log('bodies by kind:', stats.kinds);
	console.log('problems by code:', stats.problems);
	console.log(
		`coerced leaves: ${stats.timestamps} dates, ${stats.numbers} numbers, ${stats.booleans} booleans, ${stats.nulls} nulls`,
	);
	console.log(`deepest level: ${stats.maxDepth}, longest array: ${stats.maxArray}`);
	if (details.failed) {
		console.error(
			`FAILED after ${details.numRuns} cases (seed ${SEED}): ${details.errorInstance && details.errorInstance.message}`,
		);
		console.error('Counterexample:', JSON.stringify(details.counterexample).slice(0, 2000));
		process.exit(1);
	}
	console.log('OK');
}

main();
