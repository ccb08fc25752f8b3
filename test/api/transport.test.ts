import { apiBaseUrl } from '../../nodes/DealPos/transport/baseUrl';
import { collectPages, MAX_PAGE_SIZE, type Page } from '../../nodes/DealPos/transport/paging';
import { policyOf, remainingOf, retryAfterSeconds } from '../../nodes/DealPos/transport/rateLimit';
import { readTokenAnswer } from '../../nodes/DealPos/transport/token';

describe('apiBaseUrl', () => {
	it('turns a subdomain into the DealPOS API URL and keeps a full URL', () => {
		expect(apiBaseUrl('myshop')).toBe('https://myshop.dealpos.net/api/v3');
		expect(apiBaseUrl(' myshop ')).toBe('https://myshop.dealpos.net/api/v3');
		expect(apiBaseUrl('http://127.0.0.1:4010/api/v3/')).toBe('http://127.0.0.1:4010/api/v3');
		expect(apiBaseUrl('https://myshop.dealpos.net/api/v3')).toBe('https://myshop.dealpos.net/api/v3');
	});
	it('refuses what is neither, saying what to enter', () => {
		expect(() => apiBaseUrl('')).toThrow(/no subdomain or base URL/);
		expect(() => apiBaseUrl('myshop.dealpos.net')).toThrow(/not a DealPOS subdomain.*first part/);
		expect(() => apiBaseUrl('ftp://x')).toThrow(/not an http\(s\) URL/);
	});
});

describe('rate limit headers and 429 bodies', () => {
	it('reads RateLimit-Policy and RateLimit-Remaining in any letter case', () => {
		expect(policyOf({ 'ratelimit-policy': '50;w=180' })).toEqual({ limit: 50, windowSeconds: 180 });
		expect(policyOf({ 'RateLimit-Policy': '10;w=3' })).toEqual({ limit: 10, windowSeconds: 3 });
		expect(policyOf(undefined)).toEqual({ limit: 50, windowSeconds: 180 });
		expect(remainingOf({ 'RateLimit-Remaining': '0' })).toBe(0);
		expect(remainingOf({})).toBeUndefined();
	});
	it('waits the seconds the Message names, not the window it quotes', () => {
		expect(retryAfterSeconds({ Message: 'API calls quota exceeded! Maximum admitted 50 per 180s. Try again in 42 seconds.' }, {})).toBe(42);
		expect(retryAfterSeconds({ Message: 'Rate limit exceeded, retry after 7.2 s' }, {})).toBe(8);
		expect(retryAfterSeconds({ message: 'wait 12 seconds' }, {})).toBe(12);
	});
	it('falls back to Retry-After, then the policy window, then 180 s', () => {
		expect(retryAfterSeconds({ Message: 'Too many requests' }, { 'retry-after': '5' })).toBe(5);
		expect(retryAfterSeconds({}, { 'ratelimit-policy': '50;w=60' })).toBe(60);
		expect(retryAfterSeconds(undefined, undefined)).toBe(180);
	});
});

describe('readTokenAnswer', () => {
	const url = 'https://x.dealpos.net/api/v3/Token/OAuth2';
	it('accepts access_token or Token', () => {
		expect(readTokenAnswer(url, 200, { access_token: 'a', expires_in: 3600 })).toEqual({ ok: true, token: 'a' });
		expect(readTokenAnswer(url, 200, { Token: 'b' })).toEqual({ ok: true, token: 'b' });
	});
	it('names the cause of a failure', () => {
		const refused = readTokenAnswer(url, 401, { Message: 'Invalid client_id or client_secret.' });
		expect(refused).toEqual({
			ok: false,
			message: `DealPOS refused the client ID or client secret (HTTP 401 from ${url}: Invalid client_id or client_secret.)`,
		});
		expect(readTokenAnswer(url, 404, '')).toMatchObject({ message: expect.stringMatching(/No DealPOS token endpoint.*subdomain/) });
		expect(readTokenAnswer(url, 200, { token_type: 'Bearer' })).toMatchObject({ message: expect.stringMatching(/without an access_token/) });
		expect(readTokenAnswer(url, 429, {})).toMatchObject({ message: expect.stringMatching(/rate limit/) });
	});
});

/** A list of `n` records served like the stand-in: `cap` per page at most, offsets by `mode`. */
function server(n: number, cap: number, mode: 'truncate' | 'clamp', withTotal: boolean) {
	const records = Array.from({ length: n }, (_, i) => ({ ID: `r${i}` }));
	const calls: Array<[number, number]> = [];
	const fetchPage = async (pageNumber: number, pageSize: number): Promise<Page> => {
		calls.push([pageNumber, pageSize]);
		const size = Math.min(pageSize, cap);
		const offset = (pageNumber - 1) * (mode === 'clamp' ? size : pageSize);
		return { records: records.slice(offset, offset + size), total: withTotal ? n : undefined };
	};
	return { fetchPage, calls };
}

describe('collectPages', () => {
	it.each([
		['truncate', true],
		['truncate', false],
		['clamp', true],
		['clamp', false],
	] as const)('reads every record once under a silent page cap (%s, total %s)', async (mode, withTotal) => {
		const s = server(1234, 100, mode, withTotal);
		const out = await collectPages(s.fetchPage);
		expect(out).toHaveLength(1234);
		expect(new Set(out.map((r) => r.ID)).size).toBe(1234);
		expect(s.calls[0]).toEqual([1, MAX_PAGE_SIZE]);
		expect(s.calls[1]).toEqual([2, 100]);
		// 13 pages: the last is short (34) with the size the server honours, so the list ended.
		expect(s.calls).toHaveLength(13);
	});
	it('asks for the largest page and stops on a short page when the total says so', async () => {
		const s = server(1234, 500, 'truncate', true);
		expect(await collectPages(s.fetchPage)).toHaveLength(1234);
		expect(s.calls).toEqual([[1, 500], [2, 500], [3, 500]]);
	});
	it('stops at the limit, asking no more than needed', async () => {
		const s = server(1234, 500, 'truncate', true);
		expect(await collectPages(s.fetchPage, { limit: 20 })).toHaveLength(20);
		expect(s.calls).toEqual([[1, 20]]);
	});
	it('ends when a server ignores PageNumber', async () => {
		const calls: number[] = [];
		const out = await collectPages(async (pageNumber) => {
			calls.push(pageNumber);
			return { records: Array.from({ length: 500 }, (_, i) => ({ ID: i })) };
		});
		expect(out).toHaveLength(500);
		expect(calls).toEqual([1, 2]);
	});
	// Inventory rows and loyalty entries have no ID: their content tells a page read again.
	it('ends when a server ignores PageNumber, for records without an ID too', async () => {
		const calls: number[] = [];
		const out = await collectPages(async (pageNumber) => {
			calls.push(pageNumber);
			if (calls.length > 10) throw new Error('paging does not end');
			return { records: Array.from({ length: 500 }, (_, i) => ({ Variant: `v${i}`, Quantity: i })) };
		});
		expect(out).toHaveLength(500);
		expect(calls).toEqual([1, 2]);
	});
	it('keeps records without an ID that are alike, and returns a record with an ID once when pages overlap', async () => {
		const pages: Record<number, Page> = {
			1: { records: [{ ID: 'a' }, { ID: 'b' }, { Variant: 'x' }, { Variant: 'x' }], total: 6 },
			// A record created meanwhile shifts the list: 'b' comes again on page 2.
			2: { records: [{ ID: 'b' }, { ID: 'c' }], total: 6 },
		};
		const out = await collectPages(async (pageNumber) => pages[pageNumber] ?? { records: [], total: 6 }, { maxPageSize: 4 });
		expect(out).toEqual([{ ID: 'a' }, { ID: 'b' }, { Variant: 'x' }, { Variant: 'x' }, { ID: 'c' }]);
	});
});
