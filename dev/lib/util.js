// @ts-check
'use strict';
// What every tool of the harness uses: a tagged log line on stderr, waiting until something holds,
// and the command line (node:util parseArgs).
const { parseArgs } = require('node:util');

/**
 * A log function writing `[tag] message` lines to stderr (stdout stays for results).
 * @param {string} tag
 * @returns {(message: string) => void}
 */
function logger(tag) {
	return (message) => {
		process.stderr.write(`[${tag}] ${message}\n`);
	};
}

/** The harness's own log lines about n8n (`[n8n] ...`). */
const log = logger('n8n');

/**
 * Calls `check` every 250 ms until it returns a truthy value (an error thrown by it counts as
 * "not yet"); throws after `timeoutMs`. Resolves with the milliseconds it waited.
 * @param {() => unknown} check
 * @param {{ timeoutMs: number, what: string }} options
 * @returns {Promise<number>}
 */
async function waitUntil(check, { timeoutMs, what }) {
	const started = Date.now();
	for (;;) {
		try {
			if (await check()) return Date.now() - started;
		} catch {
			// not yet
		}
		if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/**
 * The command line of a tool (`process.argv` after the script), parsed by node:util parseArgs:
 * `--name=value` or `--name value` for string options, `--flag` for booleans, positionals when
 * allowed. An unknown option (or a missing value) stops the tool with parseArgs's message, exit 2.
 * @param {NonNullable<import('node:util').ParseArgsConfig['options']>} options
 * @param {{ positionals?: boolean, args?: string[] }} [how]
 * @returns {{ values: Record<string, any>, positionals: string[] }}
 */
function parseCli(options, { positionals = false, args = process.argv.slice(2) } = {}) {
	try {
		return parseArgs({ args, options, allowPositionals: positionals, strict: true });
	} catch (error) {
		if (!(error instanceof TypeError && /^ERR_PARSE_ARGS_/.test(String(/** @type {{ code?: unknown }} */ (error).code)))) throw error;
		process.stderr.write(`${error.message}\n`);
		return process.exit(2);
	}
}

/** The message of a caught value (`catch (error)` gives `unknown`). @param {unknown} error */
function messageOf(error) {
	return error instanceof Error ? error.message : String(error);
}

module.exports = { logger, log, waitUntil, parseCli, messageOf };
