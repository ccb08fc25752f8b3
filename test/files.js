'use strict';
// File access for tests, kept in plain JavaScript: the community-node lint (rightly) bans file
// system access in the package's TypeScript, and it lints test/*.ts with the same rules.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Text of a file of the repository, by path relative to its root. */
function readRepoFile(relative) {
	return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** The DealPOS documentation catalog: the shared copy beside the repository when present, else the vendored one. */
function docsCatalog() {
	const shared = path.join(ROOT, '..', 'shared', 'dealpos', 'catalog.json');
	const vendored = path.join(ROOT, 'test', 'fixtures', 'dealpos-docs-catalog.json');
	return JSON.parse(fs.readFileSync(fs.existsSync(shared) ? shared : vendored, 'utf8'));
}

module.exports = { readRepoFile, docsCatalog, ROOT };

/** The example workflows as the builders in scripts/lib make them, by file name under examples/. */
function generatedExamples() {
	const { demoWorkflow } = require('../scripts/lib/demo');
	const { loyaltyWorkflows } = require('../scripts/lib/loyalty');
	return { 'customer-to-crm.json': demoWorkflow(), ...loyaltyWorkflows() };
}

/** A JSON file of the repository, parsed. */
function readRepoJson(relative) {
	return JSON.parse(readRepoFile(relative));
}

module.exports.generatedExamples = generatedExamples;
module.exports.readRepoJson = readRepoJson;
