import {
	AuthConfigError,
	authConfigFromCredential,
	issueToken,
	MAX_TOKEN_BODY_BYTES,
	NO_AUTH,
	verifyRequest,
	weakSecrets,
	type AuthConfig,
	type AuthRequest,
	type IncomingHeaders,
	type OAuthConfig,
	type TokenResponse,
	type VerifyResult,
} from '../nodes/DealPosTrigger/auth';
import { CLOCK_SKEW_SECONDS, signToken, verifyToken } from '../nodes/DealPosTrigger/auth/token';

const NOW = Date.UTC(2025, 3, 8, 7, 0, 0);
const HOUR = 3600 * 1000;

const SECRET = 'example-Kq3ZrV9x-Lw2Pn7T_y8b';
const PASSWORD = 'S3cret+pass/word%20:x';
const HEADER: AuthConfig = { mode: 'header', headerName: 'X-API-Key', secret: SECRET };
const BASIC: AuthConfig = { mode: 'basicAuth', user: 'dealpos', password: PASSWORD };
const OAUTH: OAuthConfig = {
	mode: 'oauth2',
	clientId: 'dealpos-client',
	clientSecret: 'example-cs_9fK2mQ7vXw4Lz8Rb1',
	tokenLifetime: 3600,
};
const OTHER_OAUTH: OAuthConfig = { ...OAUTH, clientId: 'other-client' };
const OTHER_SECRET_OAUTH: OAuthConfig = { ...OAUTH, clientSecret: 'example-other-secret-1234567' };

const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const call = (headers: IncomingHeaders, ip = '203.0.113.7'): AuthRequest => ({ headers, ip });
const token = (config: OAuthConfig = OAUTH, at = NOW) =>
	signToken(config, config.tokenLifetime, at);

/** The same string with one character changed (in the middle, so it is never a padding bit). */
function flipMiddle(value: string): string {
	const i = Math.floor(value.length / 2);
	return value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
}

function tamperPayload(t: string): string {
	const [payload, sig] = t.split('.');
	const json = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number };
	json.exp += 10 * 365 * 24 * 3600;
	return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${sig}`;
}

function expectRefused(result: VerifyResult, status = 401) {
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.status).toBe(status);
	expect(result.reason).not.toBe('');
}

describe('bypass table: every case is refused with 401', () => {
	const cases: Array<[string, AuthConfig, IncomingHeaders, number?]> = [
		// header mode
		['header: no header', HEADER, {}],
		['header: wrong secret', HEADER, { 'x-api-key': 'nope' }],
		['header: same length, one byte differs', HEADER, { 'x-api-key': flipMiddle(SECRET) }],
		['header: right secret with a prefix', HEADER, { 'x-api-key': `x${SECRET}` }],
		['header: right secret with a suffix', HEADER, { 'x-api-key': `${SECRET} ` }],
		['header: value in other letter case', HEADER, { 'x-api-key': SECRET.toUpperCase() }],
		['header: value lower-cased', HEADER, { 'x-api-key': SECRET.toLowerCase() }],
		['header: empty value', HEADER, { 'x-api-key': '' }],
		['header: sent twice', HEADER, { 'x-api-key': [SECRET, SECRET] }],
		['header: joined duplicate', HEADER, { 'x-api-key': `${SECRET}, ${SECRET}` }],
		['header: secret in another header', HEADER, { authorization: `Bearer ${SECRET}` }],
		// basic mode
		['basic: no header', BASIC, {}],
		['basic: wrong password', BASIC, { authorization: basic('dealpos', 'wrong') }],
		['basic: wrong user', BASIC, { authorization: basic('admin', PASSWORD) }],
		[
			'basic: no colon',
			BASIC,
			{ authorization: `Basic ${Buffer.from('dealpos').toString('base64')}` },
		],
		['basic: not base64', BASIC, { authorization: 'Basic !!!!' }],
		['basic: scheme without credentials', BASIC, { authorization: 'Basic' }],
		['basic: Bearer scheme', BASIC, { authorization: `Bearer ${SECRET}` }],
		[
			'basic: password with a suffix',
			BASIC,
			{ authorization: basic('dealpos', 'S3cret+pass/word%20:xx') },
		],
		// oauth2 mode
		['bearer: no header', OAUTH, {}],
		['bearer: scheme missing', OAUTH, { authorization: token() }],
		['bearer: scheme doubled', OAUTH, { authorization: `Bearer Bearer ${token()}` }],
		['bearer: scheme only', OAUTH, { authorization: 'Bearer' }],
		['bearer: Basic scheme with the token', OAUTH, { authorization: `Basic ${token()}` }],
		['bearer: client secret as token', OAUTH, { authorization: `Bearer ${OAUTH.clientSecret}` }],
		[
			'bearer: client id and secret in Basic',
			OAUTH,
			{ authorization: basic(OAUTH.clientId, OAUTH.clientSecret) },
		],
		['bearer: expired token', OAUTH, { authorization: `Bearer ${token(OAUTH, NOW - 2 * HOUR)}` }],
		[
			'bearer: expired just past the clock-skew allowance',
			OAUTH,
			{ authorization: `Bearer ${token(OAUTH, NOW - HOUR - CLOCK_SKEW_SECONDS * 1000)}` },
		],
		[
			'bearer: token from the future',
			OAUTH,
			{ authorization: `Bearer ${token(OAUTH, NOW + HOUR)}` },
		],
		[
			'bearer: token for another client id',
			OAUTH,
			{ authorization: `Bearer ${token(OTHER_OAUTH)}` },
		],
		[
			'bearer: token for another secret',
			OAUTH,
			{ authorization: `Bearer ${token(OTHER_SECRET_OAUTH)}` },
		],
		['bearer: payload altered', OAUTH, { authorization: `Bearer ${tamperPayload(token())}` }],
		['bearer: signature altered', OAUTH, { authorization: `Bearer ${flipMiddle(token())}` }],
		['bearer: signature removed', OAUTH, { authorization: `Bearer ${token().split('.')[0]}` }],
		['bearer: token with a suffix', OAUTH, { authorization: `Bearer ${token()}x` }],
		['bearer: garbage', OAUTH, { authorization: 'Bearer abc.def' }],
		[
			'bearer: token issued with a longer lifetime than now configured',
			OAUTH,
			{ authorization: `Bearer ${signToken(OAUTH, 7200, NOW)}` },
		],
	];

	it.each(cases)('%s', (_name, config, headers) => {
		expectRefused(verifyRequest(config, call(headers), NOW));
	});

	it('refuses a token of another credential even when it carries the right client tag', () => {
		// Same client ID, different secret: the tag matches, the signature does not.
		expectRefused(
			verifyRequest(OAUTH, call({ authorization: `Bearer ${token(OTHER_SECRET_OAUTH)}` }), NOW),
		);
	});
});

describe('empty configured secrets make the node refuse to run', () => {
	it.each([
		['header secret', { authentication: 'header', headerName: 'X-API-Key', secret: '' }],
		['header secret of spaces', { authentication: 'header', secret: '   ' }],
		['basic password', { authentication: 'basicAuth', user: 'dealpos', password: '' }],
		['basic user', { authentication: 'basicAuth', user: '', password: 'long-enough-password' }],
		['client secret', { authentication: 'oauth2', clientId: 'id', clientSecret: '' }],
		['client id', { authentication: 'oauth2', clientId: '', clientSecret: 'long-enough-secret' }],
		['missing secret field', { authentication: 'header' }],
	])('%s', (_name, data) => {
		expect(() => authConfigFromCredential(data)).toThrow(AuthConfigError);
	});

	it('refuses an absent credential instead of reading it as "no auth"', () => {
		expect(() => authConfigFromCredential(undefined)).toThrow(AuthConfigError);
	});

	it.each([
		['unknown mode', { authentication: 'jwt', secret: 'x' }],
		['invalid header name', { authentication: 'header', headerName: 'X API Key', secret: SECRET }],
		['user with a colon', { authentication: 'basicAuth', user: 'a:b', password: SECRET }],
		[
			'lifetime too short',
			{ authentication: 'oauth2', clientId: 'a', clientSecret: SECRET, expiresIn: 5 },
		],
		[
			'lifetime not whole',
			{ authentication: 'oauth2', clientId: 'a', clientSecret: SECRET, expiresIn: 90.5 },
		],
	])('refuses %s', (_name, data) => {
		expect(() => authConfigFromCredential(data)).toThrow(AuthConfigError);
	});

	it('never puts the secret into the error message', () => {
		let message = '';
		try {
			authConfigFromCredential({
				authentication: 'oauth2',
				clientId: 'id',
				clientSecret: SECRET,
				expiresIn: 1,
			});
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/Token Lifetime/);
		expect(message).not.toContain(SECRET);
	});
});

describe('authConfigFromCredential reads each mode', () => {
	it('header, with the default header name', () => {
		expect(authConfigFromCredential({ authentication: 'header', secret: SECRET })).toEqual(HEADER);
	});
	it('basic auth', () => {
		expect(
			authConfigFromCredential({
				authentication: 'basicAuth',
				user: 'dealpos',
				password: PASSWORD,
			}),
		).toEqual(BASIC);
	});
	it('oauth2, defaulting the lifetime, and a missing mode as OAuth 2.0', () => {
		expect(
			authConfigFromCredential({ clientId: OAUTH.clientId, clientSecret: OAUTH.clientSecret }),
		).toEqual(OAUTH);
	});
	it('accepts a numeric client id and a lifetime given as text', () => {
		expect(
			authConfigFromCredential({
				authentication: 'oauth2',
				clientId: 42,
				clientSecret: SECRET,
				expiresIn: '600',
			}),
		).toEqual({
			mode: 'oauth2',
			clientId: '42',
			clientSecret: SECRET,
			tokenLifetime: 600,
		});
	});
	it('flags short secrets for the credential test', () => {
		expect(weakSecrets({ mode: 'header', headerName: 'X-API-Key', secret: 'short' })).toEqual([
			'Secret Value',
		]);
		expect(weakSecrets(HEADER)).toEqual([]);
		expect(weakSecrets(NO_AUTH)).toEqual([]);
	});
});

describe('acceptance in each mode', () => {
	it('none lets every call in', () => {
		expect(verifyRequest(NO_AUTH, call({}), NOW)).toEqual({ ok: true });
	});

	it.each([['x-api-key'], ['X-API-Key'], ['X-Api-Key'], ['X-API-KEY']])(
		'header: accepts the header name written %s',
		(name) => {
			expect(verifyRequest(HEADER, call({ [name]: SECRET }), NOW)).toEqual({ ok: true });
		},
	);

	it('header: a configured name in any case matches the lower-cased incoming name', () => {
		const config: AuthConfig = { mode: 'header', headerName: 'x-dealpos-SECRET', secret: SECRET };
		expect(verifyRequest(config, call({ 'x-dealpos-secret': SECRET }), NOW).ok).toBe(true);
	});

	it('basic: accepts the right user and password (password with a colon)', () => {
		expect(verifyRequest(BASIC, call({ authorization: basic('dealpos', PASSWORD) }), NOW).ok).toBe(
			true,
		);
	});

	it('basic: scheme in any case', () => {
		const header = basic('dealpos', PASSWORD).replace('Basic', 'bAsIc');
		expect(verifyRequest(BASIC, call({ authorization: header }), NOW).ok).toBe(true);
	});

	it('oauth2: accepts a fresh token', () => {
		expect(verifyRequest(OAUTH, call({ authorization: `Bearer ${token()}` }), NOW).ok).toBe(true);
	});

	it('oauth2: scheme in any case (RFC 9110: auth schemes are case-insensitive)', () => {
		expect(verifyRequest(OAUTH, call({ authorization: `bearer ${token()}` }), NOW).ok).toBe(true);
		expect(verifyRequest(OAUTH, call({ authorization: `BEARER ${token()}` }), NOW).ok).toBe(true);
	});

	it('oauth2: accepts a token until its expiry plus the clock-skew allowance', () => {
		const t = token(OAUTH, NOW - HOUR);
		expect(verifyRequest(OAUTH, call({ authorization: `Bearer ${t}` }), NOW).ok).toBe(true);
		expect(
			verifyRequest(OAUTH, call({ authorization: `Bearer ${t}` }), NOW + CLOCK_SKEW_SECONDS * 1000)
				.ok,
		).toBe(false);
	});

	it('oauth2: a token issued by another process with the same credential is accepted', () => {
		const copy: OAuthConfig = JSON.parse(JSON.stringify(OAUTH));
		expect(
			verifyRequest(copy, call({ authorization: `Bearer ${token(OAUTH)}` }), NOW + 1000).ok,
		).toBe(true);
	});
});

describe('challenges', () => {
	it('basic answers a Basic challenge', () => {
		const r = verifyRequest(BASIC, call({}), NOW);
		expect(!r.ok && r.headers['WWW-Authenticate']).toBe('Basic realm="DealPOS"');
	});
	it('bearer without credentials answers a bare Bearer challenge (RFC 6750 3.1)', () => {
		const r = verifyRequest(OAUTH, call({}), NOW);
		expect(!r.ok && r.headers['WWW-Authenticate']).toBe('Bearer realm="DealPOS"');
	});
	it('a bad token answers invalid_token', () => {
		const r = verifyRequest(OAUTH, call({ authorization: 'Bearer x.y' }), NOW);
		expect(!r.ok && r.headers['WWW-Authenticate']).toBe(
			'Bearer realm="DealPOS", error="invalid_token"',
		);
		expect(!r.ok && r.body.error).toBe('invalid_token');
	});
	it('header mode has no standard scheme, so no challenge', () => {
		const r = verifyRequest(HEADER, call({}), NOW);
		expect(!r.ok && r.headers['WWW-Authenticate']).toBeUndefined();
	});
});

describe('allowed IPs', () => {
	const allowed = '203.0.113.0/24, 2001:db8::1';

	it('answers 403 before checking credentials', () => {
		const r = verifyRequest(HEADER, call({ 'x-api-key': SECRET }, '198.51.100.1'), NOW, allowed);
		expectRefused(r, 403);
	});
	it('lets a listed caller on to the credential check', () => {
		expect(
			verifyRequest(HEADER, call({ 'x-api-key': SECRET }, '203.0.113.9'), NOW, allowed).ok,
		).toBe(true);
		expectRefused(verifyRequest(HEADER, call({}, '203.0.113.9'), NOW, allowed), 401);
	});
	it('uses the trusted chain (req.ips) like the core Webhook node', () => {
		const req: AuthRequest = { headers: {}, ip: '10.0.0.2', ips: ['2001:db8::1'] };
		expect(verifyRequest(NO_AUTH, req, NOW, allowed).ok).toBe(true);
	});
	it('an empty list allows everyone', () => {
		expect(verifyRequest(NO_AUTH, call({}, '198.51.100.1'), NOW, ' ').ok).toBe(true);
	});
});

describe('token endpoint', () => {
	const form = {
		grant_type: 'client_credentials',
		client_id: OAUTH.clientId,
		client_secret: OAUTH.clientSecret,
	};

	function expectToken(r: TokenResponse) {
		expect(r.status).toBe(200);
		expect(r.ok).toBe(true);
		expect(r.headers['Cache-Control']).toBe('no-store');
		expect(r.headers.Pragma).toBe('no-cache');
		expect(r.body.token_type).toBe('Bearer');
		expect(r.body.expires_in).toBe(3600);
		const accessToken = String(r.body.access_token);
		expect(
			verifyRequest(OAUTH, call({ authorization: `Bearer ${accessToken}` }), NOW + 1000).ok,
		).toBe(true);
		expect(
			verifyRequest(OAUTH, call({ authorization: `Bearer ${accessToken}` }), NOW + 2 * HOUR).ok,
		).toBe(false);
	}

	it('accepts HTTP Basic client authentication', () => {
		expectToken(
			issueToken(
				OAUTH,
				{
					headers: { authorization: basic(OAUTH.clientId, OAUTH.clientSecret) },
					body: { grant_type: 'client_credentials' },
				},
				NOW,
			),
		);
	});

	it('accepts HTTP Basic with form-encoded id and secret (RFC 6749 2.3.1)', () => {
		const config: OAuthConfig = {
			...OAUTH,
			clientId: 'pos client',
			clientSecret: 'a+b/c:d%e f-1234567890',
		};
		const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
		const r = issueToken(
			config,
			{
				headers: { authorization: basic(enc(config.clientId), enc(config.clientSecret)) },
				body: 'grant_type=client_credentials',
			},
			NOW,
		);
		expect(r.status).toBe(200);
	});

	it('accepts a parsed form body', () => {
		expectToken(issueToken(OAUTH, { headers: {}, body: { ...form } }, NOW));
	});

	it('accepts a raw form body', () => {
		expectToken(
			issueToken(OAUTH, { headers: {}, body: new URLSearchParams(form).toString() }, NOW),
		);
	});

	it('accepts a JSON body, parsed or raw', () => {
		expectToken(issueToken(OAUTH, { headers: {}, body: JSON.parse(JSON.stringify(form)) }, NOW));
		expectToken(issueToken(OAUTH, { headers: {}, body: JSON.stringify(form) }, NOW));
		expectToken(issueToken(OAUTH, { headers: {}, body: Buffer.from(JSON.stringify(form)) }, NOW));
	});

	it.each([
		['wrong secret in the body', { headers: {}, body: { ...form, client_secret: 'wrong' } }],
		['wrong client id in the body', { headers: {}, body: { ...form, client_id: 'wrong' } }],
		[
			'secret off by one byte',
			{ headers: {}, body: { ...form, client_secret: flipMiddle(OAUTH.clientSecret) } },
		],
		[
			'wrong secret in Basic',
			{
				headers: { authorization: basic(OAUTH.clientId, 'wrong') },
				body: { grant_type: 'client_credentials' },
			},
		],
		['no client credentials', { headers: {}, body: { grant_type: 'client_credentials' } }],
		[
			'only the client id',
			{ headers: {}, body: { grant_type: 'client_credentials', client_id: OAUTH.clientId } },
		],
		[
			'a Bearer header',
			{
				headers: { authorization: `Bearer ${token()}` },
				body: { grant_type: 'client_credentials' },
			},
		],
		[
			'Basic without a colon',
			{
				headers: { authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` },
				body: { grant_type: 'client_credentials' },
			},
		],
		[
			'Basic with a different client_id in the body',
			{
				headers: { authorization: basic(OAUTH.clientId, OAUTH.clientSecret) },
				body: { grant_type: 'client_credentials', client_id: 'someone-else' },
			},
		],
	])('refuses %s with 401 invalid_client', (_name, req) => {
		const r = issueToken(OAUTH, req, NOW);
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('invalid_client');
		expect(r.headers['WWW-Authenticate']).toBe('Basic realm="DealPOS"');
		expect(r.body.access_token).toBeUndefined();
	});

	it.each([
		['password', 'unsupported_grant_type'],
		['authorization_code', 'unsupported_grant_type'],
		['CLIENT_CREDENTIALS', 'unsupported_grant_type'],
		['', 'invalid_request'],
	])('grant_type %p answers 400 %s', (grant, error) => {
		const r = issueToken(OAUTH, { headers: {}, body: { ...form, grant_type: grant } }, NOW);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe(error);
	});

	// DealPOS's token request to this endpoint is not documented; its own REST API takes JSON
	// {client_id, client_secret} without grant_type (rest-api.md). Refusing that shape would make
	// every event after it a 401: the client credentials are what is checked.
	it('no grant_type (the shape of DealPOS REST API token requests): a token for the right client, invalid_client otherwise', () => {
		const json = { client_id: form.client_id, client_secret: form.client_secret };
		const r = issueToken(OAUTH, { headers: {}, body: json }, NOW);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
		const wrong = issueToken(OAUTH, { headers: {}, body: { ...json, client_secret: 'example-wrong-secret-0123456789' } }, NOW);
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toBe('invalid_client');
	});

	it.each([
		[
			'a repeated parameter',
			`grant_type=client_credentials&client_id=a&client_id=b&client_secret=x`,
		],
		['an array parameter', { ...form, client_secret: ['a', 'b'] }],
		['invalid JSON', '{"grant_type": '],
		['a JSON array', [form]],
	])('refuses %s with 400 invalid_request', (_name, body) => {
		const r = issueToken(OAUTH, { headers: {}, body }, NOW);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_request');
	});

	it('refuses two client authentication methods at once', () => {
		const r = issueToken(
			OAUTH,
			{ headers: { authorization: basic(OAUTH.clientId, OAUTH.clientSecret) }, body: form },
			NOW,
		);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_request');
	});

	it('answers 404 when the credential does not use OAuth 2.0', () => {
		expect(issueToken(HEADER, { headers: {}, body: form }, NOW).status).toBe(404);
		expect(issueToken(NO_AUTH, { headers: {}, body: form }, NOW).status).toBe(404);
	});

	it('answers 403 to a caller outside the allowed IPs', () => {
		const r = issueToken(
			OAUTH,
			{ headers: {}, body: form, ip: '198.51.100.1' },
			NOW,
			'203.0.113.0/24',
		);
		expect(r.status).toBe(403);
		expect(r.body.access_token).toBeUndefined();
	});

	it('issues tokens that expire after the configured lifetime', () => {
		const config: OAuthConfig = { ...OAUTH, tokenLifetime: 120 };
		const r = issueToken(config, { headers: {}, body: { ...form } }, NOW);
		expect(r.body.expires_in).toBe(120);
		const auth = { authorization: `Bearer ${String(r.body.access_token)}` };
		expect(verifyRequest(config, call(auth), NOW + 119_000).ok).toBe(true);
		expect(verifyRequest(config, call(auth), NOW + (120 + CLOCK_SKEW_SECONDS) * 1000).ok).toBe(
			false,
		);
	});

	describe('body size', () => {
		const LIMIT = MAX_TOKEN_BODY_BYTES;
		// A valid request padded with an ignored parameter to exactly `bytes` bytes.
		const padded = (bytes: number) => {
			const start = `${new URLSearchParams(form).toString()}&pad=`;
			return start + 'x'.repeat(bytes - start.length);
		};

		it.each([
			['string', (bytes: number) => padded(bytes)],
			['Buffer', (bytes: number) => Buffer.from(padded(bytes))],
		])('refuses a %s body over the limit before reading it, valid credentials or not', (_kind, body) => {
			for (const size of [LIMIT + 1, 1024 * 1024]) {
				const r = issueToken(OAUTH, { headers: {}, body: body(size) }, NOW);
				expect(r.status).toBe(400);
				expect(r.body).toEqual({
					error: 'invalid_request',
					error_description: expect.stringContaining(`${LIMIT} bytes`),
				});
				expect(r.body.access_token).toBeUndefined();
			}
		});

		it('counts bytes, not characters', () => {
			const start = `${new URLSearchParams(form).toString()}&pad=`;
			const body = start + 'é'.repeat((LIMIT - start.length) / 2 + 1);
			expect(body.length).toBeLessThan(LIMIT);
			expect(issueToken(OAUTH, { headers: {}, body }, NOW).status).toBe(400);
		});

		it('accepts a body of exactly the limit', () => {
			expectToken(issueToken(OAUTH, { headers: {}, body: padded(LIMIT) }, NOW));
		});

		it('refuses a parsed body whose parameters exceed the limit', () => {
			const body = { ...form, scope: 'x'.repeat(LIMIT) };
			expect(issueToken(OAUTH, { headers: {}, body }, NOW).status).toBe(400);
		});
	});
});

describe('a clock that is not a number never verifies or issues a token', () => {
	const form = { grant_type: 'client_credentials', client_id: OAUTH.clientId, client_secret: OAUTH.clientSecret };

	it.each([NaN, Infinity, -Infinity])('verifyToken refuses a valid token when now is %p', (now) => {
		expect(verifyToken(OAUTH, token(), OAUTH.tokenLifetime, now)).toEqual({ ok: false, failure: 'bad-clock' });
		expect(verifyRequest(OAUTH, call({ authorization: `Bearer ${token()}` }), now).ok).toBe(false);
	});

	it('verifyToken refuses a valid token when the lifetime is NaN', () => {
		expect(verifyToken(OAUTH, token(), NaN, NOW).ok).toBe(false);
	});

	it.each([NaN, Infinity])('no token is issued when now is %p', (now) => {
		expect(() => signToken(OAUTH, OAUTH.tokenLifetime, now)).toThrow(RangeError);
		expect(() => issueToken(OAUTH, { headers: {}, body: form }, now)).toThrow(RangeError);
	});

	it('no token is issued with a lifetime that is not a whole positive number', () => {
		for (const lifetime of [NaN, 0, -60, 1.5]) {
			expect(() => signToken(OAUTH, lifetime, NOW)).toThrow(RangeError);
		}
	});
});

describe('no secret ever leaves in a response or a log reason', () => {
	const secrets = [SECRET, PASSWORD, OAUTH.clientSecret];
	const leaks = (r: { headers: Record<string, string>; body: unknown; reason?: string }) => {
		const text = JSON.stringify([r.headers, r.body, r.reason]);
		return secrets.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)));
	};

	it('in refusals of event calls', () => {
		const attempts: Array<[AuthConfig, IncomingHeaders]> = [
			[HEADER, {}],
			[HEADER, { 'x-api-key': flipMiddle(SECRET) }],
			[HEADER, { 'x-api-key': `${SECRET}x` }],
			[BASIC, { authorization: basic('dealpos', 'nope') }],
			[BASIC, { authorization: 'Basic zzz' }],
			[OAUTH, { authorization: `Bearer ${token(OAUTH, NOW - 5 * HOUR)}` }],
			[OAUTH, { authorization: `Bearer ${OAUTH.clientSecret}` }],
		];
		for (const [config, headers] of attempts) {
			const r = verifyRequest(config, call(headers), NOW);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(leaks(r)).toEqual([]);
		}
	});

	it('in every answer of the token URL', () => {
		const form = {
			grant_type: 'client_credentials',
			client_id: OAUTH.clientId,
			client_secret: OAUTH.clientSecret,
		};
		const answers = [
			issueToken(OAUTH, { headers: {}, body: form }, NOW),
			issueToken(
				OAUTH,
				{ headers: {}, body: { ...form, client_secret: `${OAUTH.clientSecret}x` } },
				NOW,
			),
			issueToken(OAUTH, { headers: {}, body: { ...form, grant_type: 'password' } }, NOW),
			issueToken(
				OAUTH,
				{ headers: { authorization: basic(OAUTH.clientId, OAUTH.clientSecret) }, body: form },
				NOW,
			),
		];
		for (const r of answers) expect(leaks(r)).toEqual([]);
		// The token itself does not carry the client secret or ID in readable form.
		const accessToken = String(answers[0].body.access_token);
		const payload = Buffer.from(accessToken.split('.')[0], 'base64url').toString();
		expect(payload).not.toContain(OAUTH.clientSecret);
		expect(payload).not.toContain(OAUTH.clientId);
	});
});
