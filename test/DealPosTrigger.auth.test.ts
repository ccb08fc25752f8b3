import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { findEvent } from '../nodes/DealPosTrigger/catalog';
import { callWebhook } from './helpers';

// Secrets of these tests (the lint's secret check wants the word "example" in them).
const SECRET = 'example-secret-0123456789abcdef';
const CLIENT_SECRET = 'example-client-secret-0123456789';

const header: ICredentialDataDecryptedObject = { authentication: 'header', headerName: 'X-API-Key', secret: SECRET };
const basic: ICredentialDataDecryptedObject = { authentication: 'basicAuth', user: 'dealpos', password: SECRET };
const oauth: ICredentialDataDecryptedObject = {
	authentication: 'oauth2',
	clientId: 'dealpos-client',
	clientSecret: CLIENT_SECRET,
	expiresIn: 3600,
};

const customer = findEvent('customer.created')!.example!;
const parameters = (extra: IDataObject = {}) => ({
	category: 'customer',
	events: ['created'],
	authentication: 'dealPosWebhookAuthApi',
	...extra,
});

async function deliver(credentials: ICredentialDataDecryptedObject, headers: Record<string, string>, ip?: string, extra?: IDataObject) {
	return await callWebhook({
		parameters: parameters(extra),
		credentials,
		params: { event: 'created' },
		body: customer,
		headers,
		ip,
	});
}

async function token(credentials: ICredentialDataDecryptedObject, headers: Record<string, string>, body: unknown) {
	const { response } = await callWebhook({
		parameters: parameters(),
		credentials,
		webhookName: 'setup',
		body,
		headers,
	});
	return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as IDataObject, headers: response.headers };
}

const basicHeader = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function validToken(credentials = oauth): Promise<string> {
	const answer = await token(credentials, {}, {
		grant_type: 'client_credentials',
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
	});
	return answer.body.access_token as string;
}

function tamper(t: string): string {
	const [payload, signature] = t.split('.');
	const json = JSON.parse(Buffer.from(payload, 'base64url').toString());
	json.exp += 86400;
	return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
}

describe('DealPOS Trigger: only DealPOS gets in (bypass table through the node)', () => {
	const cases: Array<[string, () => Promise<[ICredentialDataDecryptedObject, Record<string, string>]>]> = [
		['header: no header', async () => [header, {}]],
		['header: wrong secret', async () => [header, { 'x-api-key': 'example-wrong' }]],
		['header: same length, one byte differs', async () => [header, { 'x-api-key': `${SECRET.slice(0, -1)}g` }]],
		['header: right secret with a prefix', async () => [header, { 'x-api-key': `x${SECRET}` }]],
		['header: right secret with a suffix', async () => [header, { 'x-api-key': `${SECRET}x` }]],
		['header: value in other letter case', async () => [header, { 'x-api-key': SECRET.toUpperCase() }]],
		['header: empty configured secret', async () => [{ ...header, secret: '' }, { 'x-api-key': '' }]],
		['basic: wrong password', async () => [basic, { authorization: basicHeader('dealpos', 'example-wrong') }]],
		['basic: no colon', async () => [basic, { authorization: `Basic ${Buffer.from(`dealpos${SECRET}`).toString('base64')}` }]],
		['basic: empty configured password', async () => [{ ...basic, password: '' }, { authorization: basicHeader('dealpos', '') }]],
		['oauth: Bearer missing', async () => [oauth, { authorization: await validToken() }]],
		['oauth: Bearer doubled', async () => [oauth, { authorization: `Bearer Bearer ${await validToken()}` }]],
		['oauth: no Authorization', async () => [oauth, {}]],
		['oauth: token signed for another credential', async () => [oauth, { authorization: `Bearer ${await validToken({ ...oauth, clientSecret: 'example-other-secret-0123456789' })}` }]],
		['oauth: token payload altered', async () => [oauth, { authorization: `Bearer ${tamper(await validToken())}` }]],
		['oauth: empty configured client secret', async () => [{ ...oauth, clientSecret: '' }, { authorization: 'Bearer x.y' }]],
	];

	// An empty configured secret refuses every call with 503 (this side's fault: DealPOS retries it).
	const statusOf = (name: string) => (name.includes('empty configured') ? 503 : 401);

	it.each(cases)('%s: refused, no execution', async (name, make) => {
		const [credentials, headers] = await make();
		const { result, response, logs } = await deliver(credentials, headers);
		expect(response.statusCode).toBe(statusOf(name));
		expect(logs.join('\n')).not.toContain(SECRET);
		expect(logs.join('\n')).not.toContain(CLIENT_SECRET);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(response.body ?? '').not.toContain(SECRET);
		expect(JSON.stringify(response.headers)).not.toContain(SECRET);
	});

	it('an expired token: 401, no execution', async () => {
		const t = await validToken({ ...oauth, expiresIn: 60 });
		const now = Date.now;
		Date.now = () => now() + 10 * 60 * 1000;
		try {
			const { result, response } = await deliver({ ...oauth, expiresIn: 60 }, { authorization: `Bearer ${t}` });
			expect(response.statusCode).toBe(401);
			expect(response.headers['www-authenticate']).toContain('invalid_token');
			expect(result.workflowData).toBeUndefined();
		} finally {
			Date.now = now;
		}
	});

	it('basic auth failures carry a WWW-Authenticate challenge', async () => {
		const { response } = await deliver(basic, {});
		expect(response.headers['www-authenticate']).toBe('Basic realm="DealPOS"');
	});

	it('a caller outside the allowed IPs: 403, no execution', async () => {
		const { result, response } = await deliver(header, { 'x-api-key': SECRET }, '198.51.100.9', {
			options: { allowedIps: '203.0.113.0/24' },
		});
		expect(response.statusCode).toBe(403);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('DealPOS Trigger: DealPOS gets in', () => {
	const accepted = async (credentials: ICredentialDataDecryptedObject, headers: Record<string, string>) => {
		const { result } = await deliver(credentials, headers);
		expect(result.webhookResponse).toEqual({ status: 'success' });
		expect(result.workflowData![0][0].json).toMatchObject({ Email: 'johndoe@gmail.com', dealpos: { event: 'customer.created' } });
	};

	it('header mode, header name in any letter case', async () => {
		await accepted(header, { 'x-api-key': SECRET });
		await accepted({ ...header, headerName: 'x-API-key' }, { 'x-api-key': SECRET });
	});

	it('basic auth mode', async () => {
		await accepted(basic, { authorization: basicHeader('dealpos', SECRET) });
	});

	it('OAuth 2.0: a token from each credential form, then an event with it', async () => {
		const forms: Array<[Record<string, string>, unknown]> = [
			[{ authorization: basicHeader('dealpos-client', CLIENT_SECRET) }, { grant_type: 'client_credentials' }],
			[{ 'content-type': 'application/x-www-form-urlencoded' }, { grant_type: 'client_credentials', client_id: 'dealpos-client', client_secret: CLIENT_SECRET }],
			[{}, { grant_type: 'client_credentials', client_id: 'dealpos-client', client_secret: CLIENT_SECRET }],
		];
		for (const [headers, body] of forms) {
			const answer = await token(oauth, headers, body);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
			await accepted(oauth, { authorization: `Bearer ${answer.body.access_token}` });
		}
	});

	it('the token endpoint refuses a wrong client secret with invalid_client', async () => {
		const answer = await token(oauth, {}, { grant_type: 'client_credentials', client_id: 'dealpos-client', client_secret: 'example-wrong' });
		expect(answer.status).toBe(401);
		expect(answer.body).toMatchObject({ error: 'invalid_client' });
		expect(answer.headers['www-authenticate']).toBe('Basic realm="DealPOS"');
	});

	it('the token endpoint refuses a text body over 8 KiB with invalid_request, issuing nothing', async () => {
		const form = `grant_type=client_credentials&client_id=dealpos-client&client_secret=${CLIENT_SECRET}`;
		const answer = await token(oauth, { 'content-type': 'text/plain' }, `${form}&pad=${'x'.repeat(64 * 1024)}`);
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('8192 bytes') });
		expect(answer.headers['cache-control']).toBe('no-store');
	});
});
