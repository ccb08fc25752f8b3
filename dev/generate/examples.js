#!/usr/bin/env node
// @ts-check
'use strict';
// Writes the example workflows to examples/ as their builders make them (dev/lib: demo.js,
// api-demo.js, loyalty.js, catch-up-demo.js); test/examples.test.ts fails while one is stale.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, generatedExamples } = require('../lib');

for (const [file, workflow] of Object.entries(generatedExamples())) {
	fs.writeFileSync(path.join(ROOT, 'examples', file), `${JSON.stringify(workflow, null, '\t')}\n`);
	process.stdout.write(`wrote examples/${file}\n`);
}
