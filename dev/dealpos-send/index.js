#!/usr/bin/env node
// @ts-check
'use strict';
// dealpos-send: sends the example of a DealPOS event (DealPOS's own, or a synthetic one built from
// the documented fields where DealPOS gives none) (or your own JSON file) to a
// DealPOS Trigger URL, the way DealPOS would, and prints the HTTP answer.
//
// A package of its own (dev/dealpos-send), not part of the n8n node package: n8n's verification
// forbids file and environment access anywhere in a community node package, and this is a
// command-line tool that reads the file you name. Its events.json (every event's example, DealPOS's
// own or synthetic) is generated from the node's catalog by `npm run generate`; a test keeps it equal.
// From a clone: `node dev/dealpos-send <event> <url>`; published: `npx dealpos-send <event> <url>`.
const fs = require('node:fs');
const { parseArgs } = require('node:util');

/** The catalog's events with their examples (events.json beside this file). */
function loadCatalog() {
	const events = require('./events.json');
	const byKey = new Map(events.map((e) => [e.key, e]));
	return { allEvents: () => events, findEvent: (key) => byKey.get(key) };
}

const USAGE = `Usage: dealpos-send <event> <url> [options]
       dealpos-send list

  <event>   an event key such as customer.created (its documented example is sent),
            or a path to a JSON file to send as the body
  <url>     the DealPOS Trigger URL of that event, production (/webhook/...) or test (/webhook-test/...)

Options:
  --body FILE                 send FILE instead of the documented example
  --header "Name: value"      add a header (repeatable), e.g. --header "X-API-Key: s3cret..."
  --basic USER:PASSWORD       HTTP Basic auth
  --token-url URL             OAuth 2.0: fetch a token there first (client credentials grant)
  --client-id ID --client-secret SECRET   the OAuth 2.0 client credentials
  --quiet                     print only the answer body

Exit code 0 when the answer is 2xx.`;

/**
 * The command line, parsed by node:util parseArgs.
 * @param {string[]} argv
 */
function parseCommandLine(argv) {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			body: { type: 'string' },
			header: { type: 'string', multiple: true, default: [] },
			basic: { type: 'string' },
			'token-url': { type: 'string' },
			'client-id': { type: 'string' },
			'client-secret': { type: 'string' },
			quiet: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	/** @type {Record<string, string>} */
	const headers = {};
	for (const h of values.header) {
		const colon = h.indexOf(':');
		if (colon < 1) throw new Error(`--header wants "Name: value", got ${h}`);
		headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
	}
	return {
		body: values.body,
		headers,
		basic: values.basic,
		tokenUrl: values['token-url'],
		clientId: values['client-id'],
		clientSecret: values['client-secret'],
		quiet: values.quiet,
		help: values.help,
		positional: positionals,
	};
}

async function fetchToken({ tokenUrl, clientId, clientSecret }) {
	if (!clientId || !clientSecret) throw new Error('--token-url needs --client-id and --client-secret');
	const res = await fetch(tokenUrl, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`token request refused: ${res.status} ${text}`);
	return JSON.parse(text).access_token;
}

function bodyFor(eventArg, args, catalog) {
	const file = args.body || (fs.existsSync(eventArg) && eventArg.endsWith('.json') ? eventArg : undefined);
	if (file) return fs.readFileSync(file, 'utf8');
	const event = catalog.findEvent(eventArg);
	if (!event) throw new Error(`unknown event ${eventArg}; \`dealpos-send list\` shows the events`);
	if (!event.example) throw new Error(`${eventArg} has no example: pass --body FILE`);
	return JSON.stringify(event.example);
}

function list(catalog) {
	for (const e of catalog.allEvents()) {
		const example = !e.example ? 'no example: use --body' : e.exampleSource === 'synthetic' ? 'synthetic example' : 'documented example';
		process.stdout.write(`${e.key.padEnd(36)} ${example.padEnd(24)}  ${e.name}\n`);
	}
}

async function main() {
	const args = parseCommandLine(process.argv.slice(2));
	const catalog = loadCatalog();
	if (args.help) return process.stdout.write(`${USAGE}\n`);
	if (args.positional[0] === 'list') return list(catalog);
	const [eventArg, url] = args.positional;
	if (!eventArg || !url) {
		process.stderr.write(`${USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', ...args.headers };
	if (args.basic) headers.authorization = `Basic ${Buffer.from(args.basic).toString('base64')}`;
	if (args.tokenUrl) headers.authorization = `Bearer ${await fetchToken(args)}`;
	const started = Date.now();
	const res = await fetch(url, { method: 'POST', headers, body: bodyFor(eventArg, args, catalog) });
	const text = await res.text();
	if (args.quiet) process.stdout.write(`${text}\n`);
	else process.stdout.write(`HTTP ${res.status} ${res.statusText} (${Date.now() - started} ms)\n${text}\n`);
	if (!res.ok) process.exitCode = 1;
}

main().catch((error) => {
	process.stderr.write(`dealpos-send: ${error.message}${error.cause ? ` (${error.cause.message || error.cause})` : ''}\n`);
	process.exitCode = 2;
});
