import type { INodeProperties } from 'n8n-workflow';

import { DealPosWebhookAuthApi } from '../credentials/DealPosWebhookAuthApi.credentials';
import {
	DEFAULT_AUTH_MODE,
	DEFAULT_HEADER_NAME,
	DEFAULT_TOKEN_LIFETIME,
	MAX_TOKEN_LIFETIME,
	MIN_TOKEN_LIFETIME,
	authConfigFromCredential,
} from '../nodes/DealPosTrigger/auth';
import { checkCredential, testDealPosWebhookAuthCredential } from '../nodes/DealPosTrigger/auth/credentialTest';

const credential = new DealPosWebhookAuthApi();
const property = (name: string): INodeProperties => {
	const found = credential.properties.find((p) => p.name === name);
	if (!found) throw new Error(`no property ${name}`);
	return found;
};
const shownFor = (name: string) => property(name).displayOptions?.show?.authentication;

/** The credential data n8n would store for a mode, with the credential's defaults applied. */
function defaultsFor(mode: string): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const p of credential.properties) {
		if (p.type === 'notice') continue;
		const show = p.displayOptions?.show?.authentication;
		if (!show || (show as string[]).includes(mode)) data[p.name] = p.default;
	}
	return { ...data, authentication: mode };
}

describe('DealPosWebhookAuthApi credential', () => {
	it('is named as the node and package.json expect', () => {
		expect(credential.name).toBe('dealPosWebhookAuthApi');
		expect(credential.displayName).toBe('DealPOS Webhook Authentication API');
		expect(credential.documentationUrl).toMatch(/^https:\/\/github\.com\/.+#authentication$/);
		expect(credential.icon).toEqual({
			light: 'file:../icons/dealpos.svg',
			dark: 'file:../icons/dealpos.dark.svg',
		});
	});

	it('has no HTTP test request: the node tests it locally (testedBy)', () => {
		expect((credential as { test?: unknown }).test).toBeUndefined();
	});

	it('offers the three modes, OAuth 2.0 by default; "none" is not a credential mode', () => {
		const mode = property('authentication');
		expect(mode.type).toBe('options');
		expect(mode.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'oauth2',
			'header',
			'basicAuth',
		]);
		expect(mode.default).toBe(DEFAULT_AUTH_MODE);
	});

	it.each([
		['secret', 'header'],
		['password', 'basicAuth'],
		['clientSecret', 'oauth2'],
	])('masks %s and shows it only for %s', (name, mode) => {
		expect(property(name).typeOptions?.password).toBe(true);
		expect(property(name).default).toBe('');
		expect(property(name).required).toBe(true);
		expect(shownFor(name)).toEqual([mode]);
	});

	it.each(['headerName', 'user', 'clientId', 'expiresIn'])('does not mask %s', (name) => {
		expect(property(name).typeOptions?.password).toBeUndefined();
	});

	it('uses the same defaults as the trigger', () => {
		expect(property('headerName').default).toBe(DEFAULT_HEADER_NAME);
		expect(property('expiresIn').default).toBe(DEFAULT_TOKEN_LIFETIME);
		expect(property('expiresIn').typeOptions).toEqual({
			minValue: MIN_TOKEN_LIFETIME,
			maxValue: MAX_TOKEN_LIFETIME,
		});
	});

	it.each(['oauth2', 'header', 'basicAuth'])(
		'a fresh %s credential (secrets empty) is refused',
		(mode) => {
			expect(() => authConfigFromCredential(defaultsFor(mode) as never)).toThrow(/empty/);
		},
	);
});

describe('local credential test', () => {
	const NOW = Date.UTC(2025, 0, 1);
	const long = 'Zr8-qT2_vW5nY7pB3kL9';

	it.each([
		[{ authentication: 'header', headerName: 'X-API-Key', secret: long }],
		[{ authentication: 'basicAuth', user: 'dealpos', password: long }],
		[{ authentication: 'oauth2', clientId: 'dealpos', clientSecret: long, expiresIn: 3600 }],
	])('passes a usable credential %#', (data) => {
		expect(checkCredential(data, NOW).status).toBe('OK');
	});

	it('fails an empty secret, naming the field', () => {
		const r = checkCredential(
			{ authentication: 'oauth2', clientId: 'dealpos', clientSecret: '' },
			NOW,
		);
		expect(r).toEqual({ status: 'Error', message: expect.stringContaining('Client Secret') });
	});

	it('fails a short secret without revealing it', () => {
		const r = checkCredential({ authentication: 'header', secret: 'hunter2' }, NOW);
		expect(r.status).toBe('Error');
		expect(r.message).toContain('16');
		expect(r.message).not.toContain('hunter2');
	});

	it.each([
		['surrounding spaces', ` ${long} `, 'starts or ends with whitespace'],
		['non-ASCII', `${long}ü`, 'outside printable ASCII'],
	])('fails a header secret with %s, which no call could match', (_case, secret, why) => {
		const r = checkCredential({ authentication: 'header', headerName: 'X-API-Key', secret }, NOW);
		expect(r.status).toBe('Error');
		expect(r.message).toContain('Secret Value');
		expect(r.message).toContain(why);
		expect(r.message).not.toContain(long);
	});

	it('runs as the node method, without network', async () => {
		const r = await testDealPosWebhookAuthCredential.call({} as never, {
			id: '1',
			name: 'DealPOS',
			type: 'dealPosWebhookAuthApi',
			data: {
				authentication: 'oauth2',
				clientId: 'dealpos',
				clientSecret: long,
				expiresIn: 600,
			},
		});
		expect(r.status).toBe('OK');
		expect(r.message).toContain('600 seconds');
	});
});
