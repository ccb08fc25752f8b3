// @ts-check
'use strict';
// Renders dev/dealpos-send/events.json from the node's event catalog: what dealpos-send needs of
// each event (its key, name, whether DealPOS waits for the answer, and its example with where the
// example comes from). `npm run generate` writes it; test/catalog.test.ts keeps it equal.

/**
 * @param {Array<{ key: string, name: string, synchronous: boolean, exampleSource?: string, example?: unknown }>} events
 * @returns {string}
 */
function render(events) {
	const list = events.map((e) => ({
		key: e.key,
		name: e.name,
		synchronous: e.synchronous,
		exampleSource: e.exampleSource,
		example: e.example,
	}));
	return `${JSON.stringify(list, null, '\t')}\n`;
}

module.exports = { render };
