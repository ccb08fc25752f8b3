#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run generate`: rebuilds every file generated from the event catalog, in order:
//   1. nodes/DealPosTrigger/catalog/events.generated.ts   from the vendored DealPOS documentation
//      catalog and the decisions in dev/generate/import-catalog.js (pass a path to import a new copy:
//      `npm run generate -- ../shared/dealpos/catalog.json`);
//   2. the build (dist/), which the next steps read;
//   3. nodes/DealPosTrigger/items/types.generated.ts      (dev/generate/types.js);
//   4. docs/events.generated.md, docs/fields.generated.md (dev/generate/docs.js);
//   5. examples/samples/<event>.json                      (dev/generate/samples.js);
//   6. dev/dealpos-send/events.json                     (dev/dealpos-send/events.js);
//   7. examples/*.json workflows                          (dev/generate/examples.js).
// Each generated file has a test that fails when it is stale.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs a command in the repository; stops on failure. */
function run(cmd, args) {
	process.stdout.write(`> ${[cmd, ...args].join(' ')}\n`);
	const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}

const node = process.execPath;
run(node, [path.join('dev', 'generate', 'import-catalog.js'), ...process.argv.slice(2)]);
run('npm', ['run', 'build', '--silent']);
run(node, [path.join('dev', 'generate', 'types.js')]);
run('npm', ['run', 'build', '--silent']);
run(node, [path.join('dev', 'generate', 'docs.js')]);
run(node, [path.join('dev', 'generate', 'samples.js')]);

const catalog = require(path.join(ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog'));
const { render } = require(path.join(ROOT, 'dev', 'dealpos-send', 'events.js'));
fs.writeFileSync(path.join(ROOT, 'dev', 'dealpos-send', 'events.json'), render(catalog.allEvents()));
process.stdout.write('wrote dev/dealpos-send/events.json\n');

run(node, [path.join('dev', 'generate', 'examples.js')]);
process.stdout.write('generated files are up to date\n');
