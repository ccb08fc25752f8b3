#!/usr/bin/env node
// @ts-check
'use strict';
// `npm test`: installs the development dependencies if needed, then runs the unit tests (jest).
// Arguments go to jest: `npm test -- test/catalog.test.ts`.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureDependencies, ROOT } = require('../lib');

ensureDependencies();
const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const res = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(res.status ?? 1);
