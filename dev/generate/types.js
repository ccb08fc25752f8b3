#!/usr/bin/env node
// @ts-check
'use strict';
// Writes nodes/DealPosTrigger/items/types.generated.ts (rendered by dev/lib/types-render.js from the
// compiled catalog: build first). `--check`: exit 1 when the committed file is stale.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, typesRender, parseCli } = require('../lib');

const { render, loadApi, OUT, DIST } = typesRender;

function main() {
	let api;
	try {
		api = loadApi();
	} catch (error) {
		console.error(
			`Cannot load the compiled catalog from ${DIST}: run npx tsc first. ${error instanceof Error ? error.message : error}`,
		);
		process.exit(1);
	}
	const text = render(api);
	if (parseCli({ check: { type: 'boolean', default: false } }).values.check) {
		const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
		if (current !== text) {
			console.error(
				`${path.relative(ROOT, OUT)} is stale: run npm run generate`,
			);
			process.exit(1);
		}
		console.log(`${path.relative(ROOT, OUT)} is up to date.`);
		return;
	}
	fs.writeFileSync(OUT, text);
	console.log(`Wrote ${path.relative(ROOT, OUT)}.`);
}

main();
