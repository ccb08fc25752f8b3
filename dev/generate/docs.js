#!/usr/bin/env node
// @ts-check
'use strict';
// Writes the documents generated from the event catalog: docs/events.generated.md and
// docs/fields.generated.md, and the DealPOS node's operations table in README.md (from the built package: run after `npm run build`; `npm run generate`
// does both). A test keeps each equal to what the catalog renders.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const reference = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog', 'reference.js'));

fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
for (const [file, text] of [
	['events.generated.md', reference.eventsDocument()],
	['fields.generated.md', reference.fieldsDocument()],
]) {
	fs.writeFileSync(path.join(ROOT, 'docs', file), text);
	process.stdout.write(`wrote docs/${file}\n`);
}

// The DealPOS node's operations table in README.md (from the node's description).
const { operationTable, withTable } = require('../lib');
const { DealPos } = require(path.join(ROOT, 'dist', 'nodes', 'DealPos', 'DealPos.node.js'));
const readmeFile = path.join(ROOT, 'README.md');
fs.writeFileSync(readmeFile, withTable(fs.readFileSync(readmeFile, 'utf8'), operationTable(new DealPos().description.properties)));
process.stdout.write('wrote the operations table of README.md\n');
