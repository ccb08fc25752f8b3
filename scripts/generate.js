#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run generate`: rebuilds every file generated from the event catalog, in order:
//   1. nodes/DealPosTrigger/catalog/events.generated.ts   from the vendored DealPOS documentation
//      catalog and the decisions in scripts/import-catalog.js (pass a path to import a new copy:
//      `npm run generate -- ../shared/dealpos/catalog.json`);
//   2. the build (dist/), which the next steps read;
//   3. nodes/DealPosTrigger/items/types.generated.ts      (scripts/generate-types.js);
//   4. docs/events.generated.md, docs/fields.generated.md (scripts/docs.js);
//   5. examples/samples/<event>.json                      (scripts/samples.js);
//   6. tools/dealpos-send/events.json                     (tools/dealpos-send/events.js);
//   7. examples/*.json workflows                          (scripts/lib/demo.js, api-demo.js, loyalty.js, catch-up-demo.js).
// Each generated file has a test that fails when it is stale.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

/** Runs a command in the repository; stops on failure. */
function run(cmd, args) {
	process.stdout.write(`> ${[cmd, ...args].join(' ')}\n`);
	const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}

const node = process.execPath;
run(node, [path.join('scripts', 'import-catalog.js'), ...process.argv.slice(2)]);
run('npm', ['run', 'build', '--silent']);
run(node, [path.join('scripts', 'generate-types.js')]);
run('npm', ['run', 'build', '--silent']);
run(node, [path.join('scripts', 'docs.js')]);
run(node, [path.join('scripts', 'samples.js')]);

const catalog = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog'));
const { render } = require(path.join(ROOT, 'tools', 'dealpos-send', 'events.js'));
fs.writeFileSync(path.join(ROOT, 'tools', 'dealpos-send', 'events.json'), render(catalog.allEvents()));
process.stdout.write('wrote tools/dealpos-send/events.json\n');

run(node, [path.join('scripts', 'lib', 'demo.js')]);
run(node, [path.join('scripts', 'lib', 'api-demo.js')]);
run(node, [path.join('scripts', 'lib', 'loyalty.js')]);
run(node, [path.join('scripts', 'lib', 'catch-up-demo.js')]);
process.stdout.write('generated files are up to date\n');
