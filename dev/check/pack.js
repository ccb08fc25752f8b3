#!/usr/bin/env node
// @ts-check
'use strict';
// Checks what `npm pack` puts in the tarball: dist/, the programmatic entry index.js (npm always
// ships the "main" file), package.json, README.md and LICENSE; no sources, tests or scripts.
const { spawnSync } = require('node:child_process');
const { ROOT, docsCatalog } = require('../lib');

const res = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
if (res.status !== 0) throw new Error(res.stderr);
const files = JSON.parse(res.stdout)[0].files.map((f) => f.path);
const allowed = (f) => f.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'index.js'].includes(f);
const extra = files.filter((f) => !allowed(f));
const missing = ['dist/nodes/DealPosTrigger/DealPosTrigger.node.js', 'dist/credentials/DealPosWebhookAuthApi.credentials.js', 'dist/nodes/DealPos/DealPos.node.js', 'dist/nodes/DealPos/DealPos.node.json', 'dist/nodes/DealPosCatchUp/DealPosCatchUpTrigger.node.js', 'dist/nodes/DealPosCatchUp/DealPosCatchUpTrigger.node.json', 'dist/credentials/DealPosApi.credentials.js', 'dist/icons/dealpos.svg', 'dist/icons/dealpos.dark.svg', 'dist/nodes/DealPosTrigger/DealPosTrigger.node.json', 'index.js'].filter((f) => !files.includes(f));
process.stdout.write(`npm pack: ${files.length} files\n`);
if (extra.length || missing.length) {
	process.stderr.write(`unexpected: ${extra.join(', ') || '-'}\nmissing: ${missing.join(', ') || '-'}\n`);
	process.exit(1);
}
process.stdout.write('tarball holds dist/ (plus package.json, README.md, LICENSE, index.js)\n');

// The programmatic entry exposes the catalog with every documented event.
const entry = require(ROOT);
const docs = docsCatalog();
const documented = docs.flatMap((c) => c.events.filter((e) => !/older doc version|name cut off/.test(e.name)).map((e) => `${c.category}/${e.name}`));
const exposed = entry.CATEGORIES.flatMap((c) => c.events.map((e) => e.key));
if (exposed.length !== documented.length || entry.events.length !== exposed.length || typeof entry.DealPosTrigger !== 'function' || typeof entry.DealPosWebhookAuthApi !== 'function' || typeof entry.DealPos !== 'function' || typeof entry.DealPosCatchUpTrigger !== 'function' || typeof entry.DealPosApi !== 'function') {
	process.stderr.write(`index.js exposes ${exposed.length} events, the documentation has ${documented.length}\n`);
	process.exit(1);
}
process.stdout.write(`require('n8n-nodes-dealpos'): ${entry.CATEGORIES.length} categories, ${exposed.length} events (the documentation's ${documented.length}), DealPosTrigger, DealPosWebhookAuthApi, DealPos, DealPosCatchUpTrigger, DealPosApi\n`);
