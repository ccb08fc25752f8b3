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

/**
 * The DealPOS documentation catalog, as vendored in test/fixtures (a copy of the project's shared
 * catalog.json): tests read nothing outside the repository.
 */
function docsCatalog() {
	return JSON.parse(readRepoFile('test/fixtures/dealpos-docs-catalog.json'));
}

/** Markdown files of the repository (outside node_modules, dist, .cache and .git), relative paths. */
function markdownFiles() {
	const out = [];
	const skip = new Set(['node_modules', 'dist', '.cache', '.git']);
	const walk = (dir) => {
		for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
			if (skip.has(entry.name)) continue;
			const rel = dir ? `${dir}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(rel);
			else if (entry.name.endsWith('.md')) out.push(rel);
		}
	};
	walk('');
	return out.sort();
}

/** Whether a path (relative to the repository root) exists. */
function repoPathExists(relative) {
	return fs.existsSync(path.join(ROOT, relative));
}

module.exports = { readRepoFile, docsCatalog, markdownFiles, repoPathExists, ROOT };

/** The example workflows as the builders in dev/lib make them, by file name under examples/. */
function generatedExamples() {
	const { demoWorkflow } = require('../dev/lib/demo');
	const { loyaltyWorkflows } = require('../dev/lib/loyalty');
	const { paymentToInvoiceWorkflow } = require('../dev/lib/api-demo');
	return {
		'customer-to-crm.json': demoWorkflow(),
		'payment-to-invoice-table.json': paymentToInvoiceWorkflow(),
		...loyaltyWorkflows(),
	};
}

/** A JSON file of the repository, parsed. */
function readRepoJson(relative) {
	return JSON.parse(readRepoFile(relative));
}

module.exports.generatedExamples = generatedExamples;
module.exports.readRepoJson = readRepoJson;
