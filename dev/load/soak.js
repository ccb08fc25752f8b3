#!/usr/bin/env node
// @ts-check
'use strict';
// Soak test of normalize(): 100,000 generated bodies by default (fast-check), against the
// compiled package, from the property tests' generators (dev/lib/bodies.js). Same invariants as
// test/normalize.property.test.ts: never throws, never
// mutates its input, never pollutes Object.prototype / Array.prototype, keeps every leaf (kept or
// coerced) with the same keys and array lengths, never outputs NaN or an invalid date.
//
// Usage: npx tsc && node dev/load/soak.js [cases] [--seed N]
// Prints counts per kind of body, problems per code, conversions, and the first failure if any.
const path = require('node:path');
const fc = require('fast-check');

const { bodyArbitraries, isCoercionOf, parseCli, messageOf } = require('../lib');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'DealPosTrigger');
let normalize;
let documentedFields;
let allEvents;
try {
	({ normalize, documentedFields } = require(path.join(DIST, 'items', 'normalize.js')));
	({ allEvents } = require(path.join(DIST, 'catalog', 'index.js')));
} catch (error) {
	console.error(`Cannot load ${DIST}: build first (npx tsc). ${messageOf(error)}`);
	process.exit(1);
}

const { values: args, positionals } = parseCli({ seed: { type: 'string' } }, { positionals: true });
const CASES = Number(positionals.find((a) => /^\d+$/.test(a)) || 100000);
const SEED = args.seed !== undefined ? Number(args.seed) : Date.now() % 2147483647;

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

// The property tests' own generators (dev/lib/bodies.js), over the compiled catalog.
const { key, objectText, jsonText, longArrayText, deepBody, documentedBody } = bodyArbitraries({
	events: EVENTS,
	documentedFields,
});

const delivery = fc.oneof(
	{
		weight: 8,
		arbitrary: fc.tuple(
			fc.constant('undocumented'),
			fc.array(fc.tuple(key, jsonText), { maxLength: 8 }).map(objectText),
			fc.constant(undefined),
		),
	},
	{ weight: 8, arbitrary: documentedBody.map(({ event, text }) => ['documented', text, event]) },
	{
		weight: 1,
		arbitrary: fc.tuple(fc.constant('non-object'), jsonText, fc.constantFrom(undefined, ...EVENTS)),
	},
	{
		weight: 1,
		arbitrary: longArrayText.map((text) => ['long array', `{"Variants":${text}}`, undefined]),
	},
	{ weight: 1, arbitrary: deepBody.map((text) => ['deep', text, undefined]) },
);

// ------------------------------------------------------------------------------- invariants

const OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTO = Object.getOwnPropertyNames(Array.prototype).sort().join();
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

/** @param {unknown} input @param {unknown} output @param {string} zone */
function leafOk(input, output, zone) {
	return isCoercionOf(input, output, zone, (kind) => stats[kind]++);
}

function compare(input, output, zone) {
	/** @type {[any, any, number][]} */
	const stack = [[input, output, 0]];
	while (stack.length > 0) {
		const [a, b, depth] = /** @type {[any, any, number]} */ (stack.pop());
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

/** @param {any[]} delivery @param {string} zone */
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
			`FAILED after ${details.numRuns} cases (seed ${SEED}): ${details.errorInstance && messageOf(details.errorInstance)}`,
		);
		console.error('Counterexample:', JSON.stringify(details.counterexample).slice(0, 2000));
		process.exit(1);
	}
	console.log('OK');
}

main();
