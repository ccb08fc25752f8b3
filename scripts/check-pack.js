#!/usr/bin/env node
'use strict';
// Checks what `npm pack` puts in the tarball: dist/, the programmatic entry index.js (npm always
// ships the "main" file), package.json, README.md and LICENSE; no sources, tests or scripts.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const res = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
if (res.status !== 0) throw new Error(res.stderr);
const files = JSON.parse(res.stdout)[0].files.map((f) => f.path);
const allowed = (f) => f.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'index.js'].includes(f);
const extra = files.filter((f) => !allowed(f));
const missing = ['dist/nodes/DealPosTrigger/DealPosTrigger.node.js', 'dist/credentials/DealPosApi.credentials.js', 'dist/icons/dealpos.svg', 'dist/icons/dealpos.dark.svg', 'dist/nodes/DealPosTrigger/DealPosTrigger.node.json', 'index.js'].filter((f) => !files.includes(f));
process.stdout.write(`npm pack: ${files.length} files\n`);
if (extra.length || missing.length) {
	process.stderr.write(`unexpected: ${extra.join(', ') || '-'}\nmissing: ${missing.join(', ') || '-'}\n`);
	process.exit(1);
}
process.stdout.write('tarball holds dist/ (plus package.json, README.md, LICENSE, index.js)\n');
