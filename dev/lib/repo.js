// @ts-check
'use strict';
// The repository's files, for the tests and the harness alike: reading them, the Markdown files,
// the vendored DealPOS documentation catalog, and the example workflows as their builders make
// them. In JavaScript on purpose: `n8n-node lint` (strict mode: eslint.config.mjs must stay n8n's
// default) bans node:fs in every .ts file, tests included; dev/ is JavaScript, type-checked.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Text of a file of the repository, by path relative to its root. @param {string} relative */
function readRepoFile(relative) {
	return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** A JSON file of the repository, parsed. @param {string} relative @returns {unknown} */
function readRepoJson(relative) {
	return JSON.parse(readRepoFile(relative));
}

/** Whether a path (relative to the repository root) exists. @param {string} relative */
function repoPathExists(relative) {
	return fs.existsSync(path.join(ROOT, relative));
}

/** Markdown files of the repository (outside node_modules, dist, .cache and .git), relative paths. */
function markdownFiles() {
	/** @type {string[]} */
	const out = [];
	const skip = new Set(['node_modules', 'dist', '.cache', '.git']);
	/** @param {string} dir */
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

/**
 * @typedef {{ name: string, fields?: unknown[], example?: unknown, [key: string]: unknown }} DocsEvent
 * @typedef {{ category: string, events: DocsEvent[], [key: string]: unknown }} DocsCategory
 */

/**
 * The DealPOS documentation catalog, as vendored in test/fixtures (a copy of the project's shared
 * catalog.json): tests read nothing outside the repository.
 * @returns {DocsCategory[]}
 */
function docsCatalog() {
	return JSON.parse(readRepoFile('test/fixtures/dealpos-docs-catalog.json'));
}

/**
 * The example workflows as the builders in dev/lib make them, by file name under examples/:
 * `npm run generate` writes them, test/examples.test.ts keeps them equal.
 * @returns {Record<string, object>}
 */
function generatedExamples() {
	const { demoWorkflow } = require('./demo');
	const { loyaltyWorkflows } = require('./loyalty');
	const { paymentToInvoiceWorkflow } = require('./api-demo');
	const { nothingMissedWorkflow } = require('./catch-up-demo');
	return {
		'customer-to-crm.json': demoWorkflow(),
		'payment-to-invoice-table.json': paymentToInvoiceWorkflow(),
		'nothing-missed.json': nothingMissedWorkflow(),
		...loyaltyWorkflows(),
	};
}

module.exports = { ROOT, readRepoFile, readRepoJson, repoPathExists, markdownFiles, docsCatalog, generatedExamples };
