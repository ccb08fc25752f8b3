/**
 * The DealPOS node over real HTTP against the stand-in: the token, paging under a silent page cap,
 * and DealPOS's rate limit (50 requests per window per shop; the stand-in's window is 2 s here).
 */
import { NodeApiError, sleep } from 'n8n-workflow';

import { startStandIn, type LogEntry, type StandIn } from '../../dev/lib';
import { NODE, runNode, storedCredential, type StoredCredential } from './harness';
import { DealPosApi } from '../../credentials/DealPosApi.credentials';
import { getRequestHelperFunctions } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

const WINDOW = 2;
const ALL_OCTOBER = { from: '2026-10-01', to: '2026-10-31', filters: { status: 'Any' } };
const INVOICES = { resource: 'invoice', operation: 'getAll', returnAll: true, ...ALL_OCTOBER };

let api: StandIn;
beforeAll(async () => {
	api = await startStandIn({ windowSeconds: WINDOW, pageCap: 100, data: { invoices: 1234 } });
});
afterAll(async () => api.close());

/** Starts at the beginning of a fresh window, so a test's requests do not depend on the last test's. */
async function freshWindow(): Promise<void> {
	await sleep(api.msToNextWindow() + 20);
}

function clientRequests(since: number): LogEntry[] {
	return api.log.slice(since).filter((e) => e.by === 'client');
}

function credential(): StoredCredential {
	return storedCredential(api.url, api.clients[0]);
}

/** Outlet: Get Many, Return All: the smallest list of the stand-in. */
function listOutlets(stored: StoredCredential) {
	return runNode({ stored, parameters: { resource: 'outlet', operation: 'getAll', returnAll: true } });
}

describe('credential', () => {
	it('gets a token once and keeps it in the credential (n8n stores the expirable field)', async () => {
		const stored = credential();
		const since = api.log.length;
		await listOutlets(stored);
		await listOutlets(stored);
		expect(stored.tokenRequests).toBe(1);
		expect(stored.data.accessToken).toMatch(/^[0-9a-f]{48}$/);
		expect(clientRequests(since).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /api/v3/Token/OAuth2 200',
			'GET /api/v3/Outlet 200',
			'GET /api/v3/Outlet 200',
		]);
	});

	it('after a 401 for an expired token, n8n asks for a new one and repeats the request', async () => {
		const stored = credential();
		await listOutlets(stored);
		const before = stored.data.accessToken;
		api.expireTokens();
		const since = api.log.length;
		const { items } = await listOutlets(stored);
		expect(items).toHaveLength(3);
		expect(stored.tokenRequests).toBe(2);
		expect(stored.data.accessToken).not.toBe(before);
		expect(clientRequests(since).map((e) => `${e.path} ${e.status}`)).toEqual([
			'/api/v3/Outlet 401',
			'/api/v3/Token/OAuth2 200',
			'/api/v3/Outlet 200',
		]);
	});

	/** What n8n's credential test does: preAuthentication, then the test request with the token. */
	async function credentialTest(data: StoredCredential['data']): Promise<{ ok: boolean; message: string }> {
		const helpers = getRequestHelperFunctions({} as never, NODE, {} as never);
		const type = new DealPosApi();
		try {
			const token = await type.preAuthentication.call({ helpers } as never, { ...data });
			const answer = await helpers.httpRequest({
				method: 'GET',
				url: `${String(data.subdomain)}${String(type.test.request.url)}`,
				headers: { Authorization: `Bearer ${String(token.accessToken)}` },
			});
			return { ok: Array.isArray(answer), message: 'ok' };
		} catch (error) {
			// n8n wraps what preAuthentication throws in a NodeApiError and shows its message.
			return { ok: false, message: new NodeApiError(NODE, error as never).message };
		}
	}

	it('the credential test passes with the right client secret', async () => {
		expect(await credentialTest(credential().data)).toEqual({ ok: true, message: 'ok' });
	});

	it('a wrong client secret fails the credential test with a message naming the cause', async () => {
		const data = { ...credential().data, clientSecret: 'not-the-secret' };
		const result = await credentialTest(data);
		expect(result.ok).toBe(false);
		expect(result.message).toBe(
			`DealPOS refused the client ID or client secret (HTTP 401 from ${api.url}/Token/OAuth2: Invalid client_id or client_secret.)`,
		);
	});

	it('an address without DealPOS fails the credential test saying so', async () => {
		const unreachable = await credentialTest({ ...credential().data, subdomain: 'http://127.0.0.1:9/api/v3' });
		expect(unreachable.message).toMatch(/^Could not reach DealPOS at http:\/\/127\.0\.0\.1:9\/api\/v3\/Token\/OAuth2 \(connection refused\): check the subdomain or base URL$/);
		const wrongPath = await credentialTest({ ...credential().data, subdomain: `${api.origin}/wrong` });
		expect(wrongPath.message).toMatch(/No DealPOS token endpoint at .*\/wrong\/Token\/OAuth2 \(HTTP 404\)/);
	});

	it('the node fails with the same message when the secret is wrong, asking for a token once', async () => {
		const stored = { ...credential(), data: { ...credential().data, clientSecret: 'wrong' } };
		const since = api.log.length;
		await expect(listOutlets(stored)).rejects.toThrow(
			/DealPOS refused the client ID or client secret \(HTTP 401/,
		);
		expect(clientRequests(since).map((e) => `${e.path} ${e.status}`)).toEqual(['/api/v3/Token/OAuth2 401']);
	});
});

describe('paging', () => {
	it('Return All over 1,234 invoices with a page cap of 100 gives exactly 1,234 items, each once', async () => {
		await freshWindow();
		const since = api.log.length;
		const { items } = await runNode({ stored: credential(), parameters: INVOICES });
		const ids = items.map((item) => item.json.ID);
		expect(items).toHaveLength(1234);
		expect(new Set(ids).size).toBe(1234);
		expect(new Set(ids)).toEqual(new Set(api.data.invoices.map((inv) => inv.ID)));
		const pages = clientRequests(since).filter((e) => e.path.includes('Invoice'));
		// The largest documented page first (500); the stand-in answers 100; then pages of 100.
		expect(pages).toHaveLength(13);
		expect(pages.every((e) => e.status === 200)).toBe(true);
	});

	it('Include Line Items reads the bare-array list the same way', async () => {
		await freshWindow();
		const { items } = await runNode({ stored: credential(), parameters: { ...INVOICES, includeLineItems: true } });
		expect(items).toHaveLength(1234);
		expect(new Set(items.map((item) => item.json.ID)).size).toBe(1234);
		expect(items.every((item) => Array.isArray(item.json.Variants))).toBe(true);
	});

	it('Limit asks for no more than needed', async () => {
		const since = api.log.length;
		const { items } = await runNode({ stored: credential(), parameters: { ...INVOICES, returnAll: false, limit: 30 } });
		expect(items).toHaveLength(30);
		expect(clientRequests(since).filter((e) => e.path.includes('Invoice'))).toHaveLength(1);
	});
});

describe('rate limit', () => {
	it('a 429 in the middle of paging is waited out and the list completes', async () => {
		await freshWindow();
		const stored = credential();
		const since = api.log.length;
		let pages = 0;
		// Another app of the shop uses up the window after the node's fifth page.
		const otherApp = (entry: LogEntry) => {
			if (entry.by === 'client' && entry.path.includes('Invoice') && ++pages === 5) {
				const left = api.windows().at(-1)!;
				api.consume(api.limit - left.served);
			}
		};
		api.events.on('request', otherApp);
		const started = Date.now();
		try {
			const { items } = await runNode({ stored, parameters: INVOICES });
			expect(items).toHaveLength(1234);
			expect(new Set(items.map((item) => item.json.ID)).size).toBe(1234);
		} finally {
			api.events.off('request', otherApp);
		}
		const mine = clientRequests(since);
		const rejected = mine.filter((e) => e.status === 429);
		expect(rejected).toHaveLength(1);
		// No busy retry: the next request is in a later window, after the wait DealPOS named.
		const after = mine[mine.indexOf(rejected[0]) + 1];
		expect(after.window).toBeGreaterThan(rejected[0].window);
		expect(after.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('when RateLimit-Remaining says 0, the node waits for the next window instead of spending a request on a 429', async () => {
		await freshWindow();
		api.consume(api.limit - 6);
		const since = api.log.length;
		const { items } = await runNode({ stored: credential(), parameters: INVOICES });
		expect(items).toHaveLength(1234);
		const mine = clientRequests(since);
		expect(mine.filter((e) => e.status === 429)).toHaveLength(0);
		expect(mine).toHaveLength(14); // token + 13 pages
		expect(new Set(mine.map((e) => e.window)).size).toBeGreaterThan(1);
	});

	it('a token request that meets a 429 is waited out too', async () => {
		await freshWindow();
		api.consume(api.limit);
		const stored = credential();
		const since = api.log.length;
		const { items } = await listOutlets(stored);
		expect(items).toHaveLength(3);
		expect(clientRequests(since).map((e) => `${e.path} ${e.status}`)).toEqual([
			'/api/v3/Token/OAuth2 429',
			'/api/v3/Token/OAuth2 200',
			'/api/v3/Outlet 200',
		]);
	});

	it('past the Max Rate Limit Wait the node fails with a NodeApiError that says so, after one try', async () => {
		const stored = credential();
		await listOutlets(stored);
		await freshWindow();
		api.consume(api.limit);
		const since = api.log.length;
		const error = await runNode({
			stored,
			parameters: { resource: 'outlet', operation: 'getAll', returnAll: true, options: { maxWait: 0 } },
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('429');
		expect((error as NodeApiError).message).toMatch(
			/^DealPOS rate limit: GET \/Outlet would have to wait \d+ s more, past the node's Max Rate Limit Wait \(0 s\)$/,
		);
		expect((error as NodeApiError).description).toMatch(/50 requests per 2 s for the whole shop.*DealPOS said: "API calls quota exceeded!/);
		expect(clientRequests(since)).toHaveLength(1);
	});

	it('the stand-in never served more than 50 requests in one window, and the node never retried within a window', () => {
		const windows = api.windows();
		expect(windows.length).toBeGreaterThan(3);
		for (const w of windows) expect(w.served).toBeLessThanOrEqual(50);
		// Counted again from the log, independently of the stand-in's counters.
		const byWindow = new Map<number, { served: number; clientRejected: number }>();
		for (const e of api.log) {
			const w = byWindow.get(e.window) ?? { served: 0, clientRejected: 0 };
			if (e.status !== 429) w.served++;
			else if (e.by === 'client') w.clientRejected++;
			byWindow.set(e.window, w);
		}
		for (const w of byWindow.values()) {
			expect(w.served).toBeLessThanOrEqual(50);
			expect(w.clientRejected).toBeLessThanOrEqual(1);
		}
	});
});
