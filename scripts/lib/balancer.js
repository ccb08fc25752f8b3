'use strict';
// A small HTTP load balancer on loopback for the queue-mode run with several `n8n webhook`
// processes: what nginx or a cloud load balancer does in front of them in production, reduced to
// the part that matters for DealPOS deliveries.
//
// Round robin over the upstreams; a delivery moves to the next upstream only when the current one
// cannot have run it: the connection was refused or reset before any answer (a process that is
// stopping or not started), or it answered 503 (n8n not ready) or 404 (a process that started but
// has not registered the workflow's routes yet). Like nginx with
//   proxy_next_upstream error http_503 http_404 non_idempotent;
// An upstream that refused a connection is skipped for 1 s (nginx's max_fails=1 fail_timeout=1s).
// One new upstream connection per delivery (no keep-alive towards n8n), so a stopping process is
// never handed a delivery on a connection it is about to close.
const http = require('node:http');

const RETRY_STATUS = new Set([503, 404]);
const DOWN_MS = 1000;

function startBalancer({ upstreams }) {
	let next = 0;
	const downUntil = new Map();
	const stats = { requests: 0, movedOn: { refused: 0, reset: 0, 503: 0, 404: 0 }, noUpstream: 0 };

	const server = http.createServer((req, res) => {
		stats.requests++;
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const ports = upstreams();
			const start = next++ % ports.length;
			const order = ports.map((_, k) => ports[(start + k) % ports.length]);
			const now = Date.now();
			// Healthy upstreams first, the ones marked down last (still tried: better than failing).
			order.sort((a, b) => Number((downUntil.get(a) ?? 0) > now) - Number((downUntil.get(b) ?? 0) > now));
			const tryAt = (k, last) => {
				if (k >= order.length) {
					stats.noUpstream++;
					if (last) {
						res.writeHead(last.status, last.headers);
						res.end(last.body);
					} else {
						res.writeHead(502, { 'content-type': 'text/plain' });
						res.end('no upstream could take the delivery');
					}
					return;
				}
				const port = order[k];
				const up = http.request(
					{ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
					(ur) => {
						if (RETRY_STATUS.has(ur.statusCode) && k + 1 < order.length) {
							stats.movedOn[ur.statusCode]++;
							const parts = [];
							ur.on('data', (c) => parts.push(c));
							ur.on('end', () => tryAt(k + 1, { status: ur.statusCode, headers: ur.headers, body: Buffer.concat(parts) }));
							return;
						}
						res.writeHead(ur.statusCode, ur.headers);
						ur.pipe(res);
					},
				);
				up.on('error', (error) => {
					if (res.headersSent) return res.destroy(error);
					const refused = error.code === 'ECONNREFUSED';
					// A reset or hang-up before any answer: the process was going away.
					if (refused || error.code === 'ECONNRESET' || error.code === 'EPIPE') {
						stats.movedOn[refused ? 'refused' : 'reset']++;
						if (refused) downUntil.set(port, Date.now() + DOWN_MS);
						return tryAt(k + 1, last);
					}
					res.destroy(error);
				});
				up.end(body);
			};
			tryAt(0, null);
		});
	});
	server.keepAliveTimeout = 65000;
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				port,
				base: `http://127.0.0.1:${port}`,
				stats,
				close: () =>
					new Promise((r) => {
						server.closeAllConnections?.();
						server.close(() => r());
					}),
			});
		});
	});
}

module.exports = { startBalancer };
