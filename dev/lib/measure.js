// @ts-check
'use strict';
// Wall time and heap of one call, for dev/load/bench-split.js and test/splitLines.test.ts.

/** A full garbage collection: global.gc with --expose-gc, else exposed at run time (jest). */
function collector() {
	if (typeof global.gc === 'function') return global.gc;
	require('node:v8').setFlagsFromString('--expose-gc');
	return /** @type {() => void} */ (require('node:vm').runInNewContext('gc'));
}

/**
 * Runs `fn` once after a full collection: its wall time (ms), the heap growth over the call
 * before any collection (`allocated`, bytes) and after one, the result still held (`retained`).
 * @template T
 * @param {() => T} fn
 * @returns {{ result: T, ms: number, allocated: number, retained: number }}
 */
function measure(fn) {
	const gc = collector();
	gc();
	const before = process.memoryUsage().heapUsed;
	const start = process.hrtime.bigint();
	const result = fn();
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	const allocated = process.memoryUsage().heapUsed - before;
	gc();
	const retained = process.memoryUsage().heapUsed - before;
	return { result, ms, allocated, retained };
}

module.exports = { measure };
