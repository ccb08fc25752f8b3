#!/usr/bin/env node
// @ts-check
'use strict';
// Writes examples/samples/<event>.json: the items the DealPOS Trigger outputs for each documented
// example, marked as samples (dealpos.mode "sample"). Paste one into the trigger's output pane
// ("Set mock data") to map fields downstream before DealPOS sends anything. `npm run samples`.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const dist = (rel) => require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', rel));
const catalog = dist('catalog/index.js');
const { buildItems } = dist('items/index.js');

const dir = path.join(ROOT, 'examples', 'samples');
fs.mkdirSync(dir, { recursive: true });
let count = 0;
for (const event of catalog.allEvents().filter((e) => e.example)) {
	const rawBody = JSON.stringify(event.example);
	const { items } = buildItems(
		event.example,
		event,
		{
			category: event.category,
			event: event.key,
			eventName: event.name,
			receivedAt: '2026-01-01T00:00:00.000Z',
			mode: 'sample',
			rawBody,
		},
		{ output: 'normalised', timezone: 'Asia/Jakarta', splitLines: false, includeHeaders: false },
	);
	fs.writeFileSync(path.join(dir, `${event.key}.json`), `${JSON.stringify(items.map((i) => i.json), null, '\t')}\n`);
	count++;
}
process.stdout.write(`wrote ${count} sample files to examples/samples/\n`);
