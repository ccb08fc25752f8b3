#!/usr/bin/env node
// @ts-check
'use strict';
// Runs n8n's own community-package scanner (@n8n/scan-community-package, the gate a package must
// pass to become a verified community node) on a local folder, without publishing it.
//
// The scanner's CLI only takes a package name: it fetches the version from the npm registry,
// checks its provenance, downloads the attested GitHub source, `npm pack`s the version and then
// runs its exported `analyzePackage(dir, patterns)` twice:
//   - on the source checkout, with its exported SOURCE_FILE_PATTERNS
//     (package.json and {nodes,credentials}/**/*.{js,ts,json});
//   - on the unpacked tarball, with ['**/*.js', 'package.json'].
// This script does the same two calls on local folders: the package packed by `npm pack` and
// unpacked like the scanner does (tar -xzf --strip-components=1), and the sources of the folder.
// analyzePackage builds the ESLint instance from the scanner's own config (buildScanConfig:
// @n8n/eslint-plugin-community-nodes recommended + no-console + eslint-plugin-n8n-nodes-base
// rulesets, inline eslint comments disabled, the repository's eslint.config.mjs ignored) with the
// scanner's own ESLint, so the verdict is the scanner's. What cannot be reproduced locally:
// the provenance check and the download of the source at the attested commit (see CONTRIBUTING).
//
// Usage: node dev/check/scan.js [package folder]   (default: the repository root)
// The folder must be built (dist/) first. Exit 1 when either leg has an error (as n8n: warnings
// are printed but do not fail).
// The scanner is installed on first use into $DEALPOS_N8N_CACHE/scanner (default .cache/scanner),
// pinned to SCANNER_VERSION (override with N8N_SCANNER_VERSION).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createRequire } = require('node:module');

const { ROOT, parseCli } = require('../lib');
const SCANNER = '@n8n/scan-community-package';
const SCANNER_VERSION = process.env.N8N_SCANNER_VERSION || '0.32.0';
// The tarball leg's patterns are an inline literal in the scanner's analyzePackageByName
// (scanner/scanner.mjs), not an export: keep in step when bumping SCANNER_VERSION.
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/** @param {string} cmd @param {string[]} args @param {string} cwd */
function run(cmd, args, cwd) {
	const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed (${res.status ?? res.signal}):\n${res.stderr || res.stdout}`);
	}
	return res.stdout;
}

/** Installs the pinned scanner into the cache folder unless it is already there. */
function ensureScanner() {
	const cache = path.resolve(process.env.DEALPOS_N8N_CACHE || path.join(ROOT, '.cache'));
	const dir = path.join(cache, 'scanner');
	const pkgJson = path.join(dir, 'node_modules', SCANNER, 'package.json');
	const installed = fs.existsSync(pkgJson) ? JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version : null;
	if (installed !== SCANNER_VERSION) {
		process.stdout.write(`installing ${SCANNER}@${SCANNER_VERSION} into ${dir} ...\n`);
		fs.mkdirSync(dir, { recursive: true });
		// --ignore-scripts: eslint-plugin-n8n-nodes-base ships a `preinstall: npx only-allow pnpm`
		// that makes a plain `npm install` fail; nothing the scanner needs has a build step.
		run('npm', ['install', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${SCANNER}@${SCANNER_VERSION}`], dir);
	}
	return path.join(dir, 'node_modules', SCANNER);
}

/** `npm pack`s the folder into a temp dir and unpacks it the way the scanner does. @param {string} pkgDir @param {string} tmp */
function packAndUnpack(pkgDir, tmp) {
	const out = run('npm', ['pack', '--json', '--pack-destination', tmp, '--loglevel=error'], pkgDir);
	const info = JSON.parse(out.slice(out.indexOf('[')))[0];
	const unpacked = path.join(tmp, 'package');
	fs.mkdirSync(unpacked);
	run('tar', ['-xzf', info.filename, '-C', unpacked, '--strip-components=1'], tmp);
	return { tarball: info.filename, unpacked, files: info.files.map((/** @type {{path: string}} */ f) => f.path) };
}

/**
 * @typedef {{ filePath: string, errorCount: number, warningCount: number,
 *   messages: { line?: number, column?: number, severity: number, ruleId: string | null, message: string }[] }} LintResult
 */

async function main() {
	const { positionals } = parseCli({}, { positionals: true });
	const pkgDir = path.resolve(positionals[0] || ROOT);
	const started = Date.now();
	const scannerDir = ensureScanner();
	const scannerRequire = createRequire(path.join(scannerDir, 'package.json'));

	// The scanner makes a temp dir at import time (for downloads we do not make): let tmp remove it.
	scannerRequire('tmp').setGracefulCleanup();
	// Collect the structured ESLint results of the scanner's own lint runs. The scanner imports
	// `eslint` (CommonJS), so this is the same ESLint class it instantiates in analyzePackage.
	const { ESLint } = scannerRequire('eslint');
	/** @type {{ files: string[], results: LintResult[] }[]} */
	const runs = [];
	const lintFiles = ESLint.prototype.lintFiles;
	ESLint.prototype.lintFiles = async function (/** @type {string[]} */ files) {
		const results = await lintFiles.call(this, files);
		runs.push({ files, results });
		return results;
	};
	/** @type {{ analyzePackage: (dir: string, patterns?: string[]) => Promise<{ passed: boolean, message?: string, details?: string }>, SOURCE_FILE_PATTERNS: string[] }} */
	const scanner = await import(pathToFileURL(path.join(scannerDir, 'scanner', 'scanner.mjs')).href);

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-scan-'));
	let failed = false;
	const summary = [];
	try {
		const pack = packAndUnpack(pkgDir, tmp);
		const manifest = JSON.parse(fs.readFileSync(path.join(pack.unpacked, 'package.json'), 'utf8'));
		const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
		const absent = declared.filter((/** @type {string} */ f) => !pack.files.includes(f));
		if (absent.length) {
			throw new Error(`the tarball lacks ${absent.join(', ')}: build the package first (npm run build)`);
		}

		const legs = [
			{ name: 'tarball', label: `${pack.tarball}`, dir: pack.unpacked, patterns: TARBALL_PATTERNS },
			{ name: 'sources', label: path.relative(process.cwd(), pkgDir) || '.', dir: pkgDir, patterns: scanner.SOURCE_FILE_PATTERNS },
		];
		for (const leg of legs) {
			const before = runs.length;
			const result = await scanner.analyzePackage(leg.dir, leg.patterns);
			const lint = runs.slice(before).flatMap((r) => r.results);
			const linted = runs.slice(before).reduce((n, r) => n + r.files.length, 0);
			let errors = 0;
			let warnings = 0;
			process.stdout.write(`\n${leg.name}: ${leg.label} (${leg.patterns.join(', ')})\n`);
			for (const file of lint) {
				for (const m of file.messages) {
					if (m.severity === 2) errors++;
					else warnings++;
					const where = `${path.relative(leg.dir, file.filePath)}:${m.line ?? 0}:${m.column ?? 0}`;
					process.stdout.write(`  ${where}  ${m.severity === 2 ? 'error' : 'warning'}  ${m.ruleId ?? '(parse)'}  ${m.message}\n`);
				}
			}
			if (!result.passed && !errors) {
				// The scanner failed without lint errors (e.g. its ESLint run threw): show its words.
				errors++;
				process.stdout.write(`  ${result.message}\n${result.details ?? ''}\n`);
			}
			if (result.passed && !errors && !warnings) process.stdout.write(`  ${result.message ?? 'no findings'}\n`);
			failed ||= !result.passed;
			summary.push(`${leg.name} ${linted} files: ${errors} errors, ${warnings} warnings${result.passed ? '' : ' (FAILED)'}`);
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	process.stdout.write(`\n${SCANNER}@${SCANNER_VERSION}: ${summary.join('; ')} — ${failed ? 'FAILED' : 'passed'} in ${secs}s\n`);
	if (failed) process.exitCode = 1;
}

main().catch((error) => {
	process.stderr.write(`scan-package: ${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
});
