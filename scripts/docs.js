#!/usr/bin/env node
'use strict';
// Regenerates the README sections that come from the event catalog (between <!-- name:start -->
// and <!-- name:end --> markers). Run after `npm run build`: `npm run docs`.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const reference = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog', 'reference.js'));

const README = path.join(ROOT, 'README.md');
let text = fs.readFileSync(README, 'utf8');
const sections = { events: reference.eventTable(), fields: reference.fieldReference && reference.fieldReference() };
for (const [name, body] of Object.entries(sections)) {
	if (body === undefined) continue;
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const i = text.indexOf(start);
	const j = text.indexOf(end);
	if (i < 0 || j < 0) throw new Error(`README has no ${start} ... ${end} markers`);
	text = `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}
fs.writeFileSync(README, text);
process.stdout.write('README.md catalog sections updated\n');
