import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { NO_AUTH, redactHeaders, unusableSecrets } from '../nodes/DealPosTrigger/auth';
import { findEvent } from '../nodes/DealPosTrigger/catalog';
import { callHook, callWebhook } from './helpers';

// Secrets of these tests (the lint's secret check wants the word "example" in them).
const TOKEN = 'example-custom-header-0123456789';
const LONG = 'example-secret-0123456789abcdef';

const customHeader: ICredentialDataDecryptedObject = {
	authentication: 'header',
	headerName: 'X-DealPOS-Token',
	secret: TOKEN,
};

// Two lines, so Split Lines gives two items.
const invoice = { ...findEvent('invoice.created')!.example!, Variants: [{ Code: 'A' }, { Code: 'B' }] };
const customer = findEvent('customer.created')!.example!;

const parameters = (category: string, extra: IDataObject = {}): IDataObject => ({
	category,
	events: ['created'],
	authentication: 'dealPosWebhookAuthApi',
	...extra,
});

async function deliver(
	credentials: ICredentialDataDecryptedObject,
	headers: Record<string, string>,
	options: IDataObject = { includeHeaders: true },
) {
	return await callWebhook({
		parameters: parameters('invoice', { options }),
		credentials,
		params: { event: 'created' },
		body: invoice,
		headers,
	});
}

const dealposHeaders = (json: IDataObject) => (json.dealpos as IDataObject).headers as IDataObject;

describe('Include Request Headers: no secret header reaches an item', () => {
	const sent = {
		'X-Dealpos-TOKEN': TOKEN,
		'x-request-id': 'req-4711',
		'user-agent': 'DealPOS-Webhook/1.0',
		authorization: 'Bearer example-bearer-value',
		'proxy-authorization': 'Basic example-proxy-value',
		cookie: 'session=example-cookie-value',
		'x-api-key': 'example-api-key-value',
	};

	it('redacts the configured header (any letter case) in every item, keeps the others', async () => {
		const { result, response } = await deliver(customHeader, sent, {
			includeHeaders: true,
			splitLines: true,
		});
		expect(response.statusCode).toBeUndefined();
		const items = result.workflowData![0];
		expect(items).toHaveLength(2);
		const text = JSON.stringify(items);
		for (const secret of [TOKEN, 'example-bearer-value', 'example-proxy-value', 'example-cookie-value', 'example-api-key-value']) {
			expect(text).not.toContain(secret);
		}
		for (const item of items) {
			expect(dealposHeaders(item.json)).toEqual({
				'content-type': 'application/json',
				'X-Dealpos-TOKEN': '[redacted]',
				'x-request-id': 'req-4711',
				'user-agent': 'DealPOS-Webhook/1.0',
				authorization: '[redacted]',
				'proxy-authorization': '[redacted]',
				cookie: '[redacted]',
				'x-api-key': '[redacted]',
			});
		}
	});

	it('redacts the standard credential headers with no credential too', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created'], options: { includeHeaders: true } },
			params: { event: 'created' },
			body: customer,
			headers: { authorization: 'Basic example-basic-value', 'x-request-id': 'req-1' },
		});
		const headers = dealposHeaders(result.workflowData![0][0].json);
		expect(headers).toMatchObject({ authorization: '[redacted]', 'x-request-id': 'req-1' });
		expect(JSON.stringify(result.workflowData)).not.toContain('example-basic-value');
	});

	it('adds no headers when the option is off', async () => {
		const { result } = await deliver(customHeader, sent, {});
		expect(result.workflowData![0][0].json.dealpos).not.toHaveProperty('headers');
	});
});

describe('redactHeaders', () => {
	const config = { mode: 'header', headerName: 'X-DealPOS-Token', secret: TOKEN } as const;

	it('replaces secret values, keeps names, other values and the input untouched', () => {
		const headers: IDataObject = { 'x-dealpos-token': TOKEN, Cookie: ['a=1', 'b=2'], accept: '*/*' };
		expect(redactHeaders(headers, config)).toEqual({ 'x-dealpos-token': '[redacted]', Cookie: '[redacted]', accept: '*/*' });
		expect(headers['x-dealpos-token']).toBe(TOKEN);
	});

	it('treats the header name as a secret only in header mode', () => {
		expect(redactHeaders({ 'x-dealpos-token': 'v' }, NO_AUTH)).toEqual({ 'x-dealpos-token': 'v' });
	});

	it('keeps a header named __proto__ as an own key', () => {
		const headers = JSON.parse('{"__proto__": "v", "x-api-key": "k"}') as IDataObject;
		const copy = redactHeaders(headers, NO_AUTH);
		expect(Object.keys(copy)).toEqual(['__proto__', 'x-api-key']);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
	});
});

describe('unusableSecrets', () => {
	it('lists every problem of a header secret, never its value', () => {
		const problems = unusableSecrets({ mode: 'header', headerName: 'X-API-Key', secret: ' ü' });
		expect(problems).toHaveLength(3);
		expect(problems.join()).not.toContain(' ü');
	});

	it('has nothing to say about no authentication or a good secret', () => {
		expect(unusableSecrets(NO_AUTH)).toEqual([]);
		expect(unusableSecrets({ mode: 'header', headerName: 'X-API-Key', secret: LONG })).toEqual([]);
	});
});

describe('publishing refuses secrets that can never work', () => {
	const create = (credentials: ICredentialDataDecryptedObject) =>
		callHook('create', parameters('customer'), credentials);

	it.each([
		['header', { authentication: 'header', headerName: 'X-API-Key', secret: 'abc' }, 'Secret Value'],
		['basic auth', { authentication: 'basicAuth', user: 'dealpos', password: 'abc' }, 'Password'],
		['OAuth 2.0', { authentication: 'oauth2', clientId: 'dealpos', clientSecret: 'abc', expiresIn: 3600 }, 'Client Secret'],
	])('a short %s secret, naming the field and the minimum length', async (_mode, credentials, field) => {
		const error = await create(credentials).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toContain(field);
		expect(error?.message).toContain('at least 16 characters');
		expect(error?.message).not.toContain('abc');
	});

	it.each([
		['a leading space', ` ${LONG}`, 'starts or ends with whitespace'],
		['a trailing tab', `${LONG}\t`, 'starts or ends with whitespace'],
		['a trailing newline', `${LONG}\n`, 'starts or ends with whitespace'],
		['an accented letter', `${LONG}é`, 'outside printable ASCII'],
		['a character beyond Latin-1', `${LONG}€`, 'outside printable ASCII'],
		['a control character', `example-secret-\u0001-0123456789`, 'outside printable ASCII'],
	])('a header Secret Value with %s', async (_case, secret, why) => {
		const error = await create({ ...customHeader, secret }).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toContain('Secret Value');
		expect(error?.message).toContain(why);
		expect(error?.message).not.toContain(LONG);
	});

	it('accepts a long printable ASCII header secret, inner spaces included', async () => {
		await expect(create({ ...customHeader, secret: 'example secret 0123456789' })).resolves.toBe(true);
	});

	// Basic credentials travel base64-encoded and OAuth client secrets in a body or in Basic:
	// spaces and non-ASCII arrive intact there, so they are not refused.
	const odd = ` exämple-sécret-0123456789 `;

	it('accepts a Basic password with spaces and non-ASCII, and a delivery with it gets in', async () => {
		const basic = { authentication: 'basicAuth', user: ' dëalpos ', password: odd };
		await expect(create(basic)).resolves.toBe(true);
		const authorization = `Basic ${Buffer.from(` dëalpos :${odd}`, 'utf8').toString('base64')}`;
		const { result, response } = await callWebhook({
			parameters: parameters('customer'),
			credentials: basic,
			params: { event: 'created' },
			body: customer,
			headers: { authorization },
		});
		expect(response.statusCode).toBeUndefined();
		expect(result.webhookResponse).toEqual({ status: 'success' });
	});

	it('accepts such an OAuth client secret, sent in a JSON body or in Basic', async () => {
		const oauth = { authentication: 'oauth2', clientId: 'dealpos', clientSecret: odd, expiresIn: 3600 };
		await expect(create(oauth)).resolves.toBe(true);
		const requests: Array<[Record<string, string>, IDataObject]> = [
			[{}, { grant_type: 'client_credentials', client_id: 'dealpos', client_secret: odd }],
			[
				{ authorization: `Basic ${Buffer.from(`dealpos:${encodeURIComponent(odd)}`).toString('base64')}` },
				{ grant_type: 'client_credentials' },
			],
		];
		for (const [headers, body] of requests) {
			const { response } = await callWebhook({
				parameters: parameters('customer'),
				credentials: oauth,
				webhookName: 'setup',
				body,
				headers,
			});
			expect(response.statusCode).toBe(200);
			expect(JSON.parse(response.body!)).toMatchObject({ token_type: 'Bearer' });
		}
	});

	// 503, not 401: the caller did nothing wrong, and DealPOS retries a 5xx once (a 4xx never).
	it('still refuses every call at run time when the secret is empty, with a status DealPOS retries', async () => {
		const { result, response } = await callWebhook({
			parameters: parameters('customer'),
			credentials: { ...customHeader, secret: '' },
			params: { event: 'created' },
			body: customer,
			headers: { 'x-dealpos-token': '' },
		});
		expect(response.statusCode).toBe(503);
		expect(JSON.parse(response.body!)).toEqual({ status: 'error', message: 'This DealPOS Trigger has no usable credential' });
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 503 (DealPOS retries) when n8n cannot load the credential, and runs nothing', async () => {
		// callWebhook's getCredentials throws when no credential is given: as n8n does when its
		// database or an external secrets vault does not answer.
		const { result, response } = await callWebhook({
			parameters: parameters('customer'),
			params: { event: 'created' },
			body: customer,
			headers: { 'x-dealpos-token': customHeader.secret as string },
		});
		expect(response.statusCode).toBe(503);
		expect(result.workflowData).toBeUndefined();
	});
});
