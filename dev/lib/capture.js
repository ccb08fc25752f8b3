// @ts-check
'use strict';
// A small HTTP server on loopback that records what n8n's HTTP Request node posts to it:
// the end-to-end tests read the downstream output of real workflows here.
const http = require('node:http');

function startCapture() {
	const received = [];
	const waiters = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
			received.push({ path: req.url, body, at: Date.now() });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
			for (const w of [...waiters]) w();
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			resolve({
				url: `http://127.0.0.1:${port}`,
				received,
				/** Resolves when `predicate(received)` holds, or rejects after timeoutMs. */
				waitFor(predicate, timeoutMs = 15000) {
					return new Promise((ok, fail) => {
						const check = () => {
							if (predicate(received)) {
								clearTimeout(timer);
								waiters.splice(waiters.indexOf(check), 1);
								ok(received);
							}
						};
						const timer = setTimeout(() => {
							waiters.splice(waiters.indexOf(check), 1);
							fail(new Error(`capture: condition not met within ${timeoutMs} ms (${received.length} received)`));
						}, timeoutMs);
						waiters.push(check);
						check();
					});
				},
				/** Records for one path prefix. */
				at(prefix) {
					return received.filter((r) => r.path.startsWith(prefix));
				},
				close: () => new Promise((r) => server.close(r)),
			});
		});
	});
}

/** Resolves after ms; to let stray (unwanted) executions show up before counting. */
function settle(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

module.exports = { startCapture, settle };
