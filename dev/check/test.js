#!/usr/bin/env node
// @ts-check
'use strict';
// `npm test`: installs the development dependencies if needed, type-checks the harness
// (`tsc -p dev/tsconfig.json`: dev/ is JavaScript with // @ts-check and JSDoc), then runs the unit
// tests (jest). Arguments go to jest (they are jest's, not parsed here): `npm test -- test/catalog.test.ts`.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureDependencies, ROOT } = require('../lib');

ensureDependencies();
/** Runs a dependency's bin with this Node; exits with its status when it fails. @param {string} bin @param {string[]} args */
function run(bin, args) {
	const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', ...bin.split('/')), ...args], { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}
process.stdout.write('tsc -p dev/tsconfig.json (the harness, type-checked)\n');
run('typescript/bin/tsc', ['-p', path.join('dev', 'tsconfig.json')]);
run('jest/bin/jest.js', process.argv.slice(2));
