'use strict';
// A small HTTP load balancer on loopback for the queue-mode run with several `n8n webhook`
// processes: what nginx or a cloud load balancer does in front of them in production, reduced to
// the part that matters for DealPOS deliveries.
//
// Round robin over the upstreams; a delivery moves to the next upstream only when the current one
// cannot have run it: the connection was refused (a process that is not running), or it answered
// 503 (n8n not ready) or 404 (a process that started but has not registered the workflow's routes
// yet). A connection reset after the delivery was sent is NOT moved on (the process may have
// enqueued it): the caller gets 502, as DealPOS would, and retries once. An upstream that refused a
// connection is skipped for 1 s (nginx's max_fails=1 fail_timeout=1s). One new upstream connection
// per delivery (no keep-alive towards n8n).
//
// drain(port): the upstream gets no new deliveries; resolves when the ones it holds are answered.
// That is how a process is restarted without losing or doubling deliveries (a rolling restart:
// take it out of the load balancer, wait, stop, start, put it back); undrain(port) puts it back.
const http = require('node:http');

const RETRY_STATUS = new Set([503, 404]);
const DOWN_MS = 1000;

function startBalancer({ upstreams }) {
	let next = 0;
	const downUntil = new Map();
	const inflight = new Map();
	const draining = new Set();
	const stats = { requests: 0, movedOn: { refused: 0, 503: 0, 404: 0 }, resetAfterSend: 0, noUpstream: 0 };
	const busy = (port, d) => inflight.set(port, (inflight.get(port) ?? 0) + d);

	const server = http.createServer((req, res) => {
		stats.requests++;
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const all = upstreams();
			const open = all.filter((p) => !draining.has(p));
			const ports = open.length ? open : all;
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
				busy(port, 1);
				let done = false;
				const finish = () => {
					if (!done) busy(port, -1);
					done = true;
				};
				const up = http.request(
					{ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
					(ur) => {
						if (RETRY_STATUS.has(ur.statusCode) && k + 1 < order.length) {
							stats.movedOn[ur.statusCode]++;
							const parts = [];
							ur.on('data', (c) => parts.push(c));
							ur.on('end', () => {
								finish();
								tryAt(k + 1, { status: ur.statusCode, headers: ur.headers, body: Buffer.concat(parts) });
							});
							return;
						}
						res.writeHead(ur.statusCode, ur.headers);
						ur.on('end', finish);
						ur.on('close', finish);
						ur.pipe(res);
					},
				);
				up.on('error', (error) => {
					finish();
					if (res.headersSent) return res.destroy(error);
					if (error.code === 'ECONNREFUSED') {
						stats.movedOn.refused++;
						downUntil.set(port, Date.now() + DOWN_MS);
						return tryAt(k + 1, last);
					}
					stats.resetAfterSend++;
					res.writeHead(502, { 'content-type': 'text/plain' });
					res.end(`upstream failed after the delivery was sent: ${error.code || error.message}`);
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
				inflight: (port) => inflight.get(port) ?? 0,
				drain: async (port) => {
					draining.add(port);
					while ((inflight.get(port) ?? 0) > 0) await new Promise((r) => setTimeout(r, 100));
				},
				undrain: (port) => draining.delete(port),
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
