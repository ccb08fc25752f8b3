#!/usr/bin/env node
// @ts-check
'use strict';
// Imports the DealPOS documentation catalog into nodes/DealPosTrigger/catalog/events.generated.ts
// with the project's decisions (dev/lib/catalog-import.js).
// Usage: node dev/generate/import-catalog.js [path/to/catalog.json]   (default: the vendored copy,
// test/fixtures/dealpos-docs-catalog.json; a path given is copied over the vendored copy first).
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, catalogImport, parseCli } = require('../lib');

const { render, SRC, OUT } = catalogImport;

function main() {
	const src = parseCli({}, { positionals: true }).positionals[0] || SRC;
	const docs = JSON.parse(fs.readFileSync(src, 'utf8'));
	// A new copy of the documentation catalog is vendored first, so tests and the import agree.
	if (path.resolve(src) !== SRC) fs.copyFileSync(src, SRC);
	fs.writeFileSync(OUT, render(docs));
	process.stdout.write(`wrote ${path.relative(ROOT, OUT)} from ${path.relative(ROOT, src)}\n`);
}

main();
