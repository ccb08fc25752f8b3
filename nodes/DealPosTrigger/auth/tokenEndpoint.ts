/**
 * The token URL of the DealPOS Trigger: the OAuth 2.0 client credentials grant (RFC 6749
 * section 4.4) DealPOS uses when its webhook authentication is "OAuth 2.0".
 *
 * Pure: no I/O, no clock (the caller passes `now`).
 */
import type { IDataObject } from 'n8n-workflow';

import type { AuthConfig, OAuthConfig } from './config';
import { isIpAllowed } from './ipAllowList';
import {
	addressForLog,
	authorization,
	BASIC_CHALLENGE,
	basicPair,
	JSON_TYPE,
	type AuthRequest,
} from './request';
import { safeEqual, signToken } from './token';

/** A call to the token URL: the request plus its body as n8n parsed it (object or raw text). */
export interface TokenRequest extends AuthRequest {
	body: unknown;
}

/** The token URL's answer, ready to send (`ok` and `reason` are for logs). */
export interface TokenResponse {
	ok: boolean;
	status: 200 | 400 | 401 | 403 | 404;
	headers: Record<string, string>;
	body: IDataObject;
	reason: string;
}

const TOKEN_HEADERS = {
	'Content-Type': JSON_TYPE,
	'Cache-Control': 'no-store',
	Pragma: 'no-cache',
};
const OAUTH_PARAMS = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;

/**
 * Largest token request body accepted, in bytes. A client credentials request is a few hundred
 * bytes; anything larger is refused before it is parsed.
 */
export const MAX_TOKEN_BODY_BYTES = 8 * 1024;
type OAuthParams = Partial<Record<(typeof OAUTH_PARAMS)[number], string>>;

function tokenError(
	status: 400 | 401 | 403 | 404,
	error: string,
	description: string,
	reason: string,
): TokenResponse {
	const headers: Record<string, string> = { ...TOKEN_HEADERS };
	if (status === 401) headers['WWW-Authenticate'] = BASIC_CHALLENGE;
	return { ok: false, status, headers, body: { error, error_description: description }, reason };
}

/** The OAuth parameters of a parsed object; `undefined` if one is not a single string (or number). */
function paramsOfObject(body: Record<string, unknown>): OAuthParams | undefined {
	const params: OAuthParams = {};
	for (const name of OAUTH_PARAMS) {
		const value = body[name];
		if (value === undefined || value === null) continue;
		// DealPOS sends strings as numbers elsewhere ("Code": 200535): accept a numeric client ID.
		if (typeof value === 'number' && Number.isFinite(value)) params[name] = String(value);
		else if (typeof value === 'string') params[name] = value;
		else return undefined;
	}
	return params;
}

function paramsOfText(raw: string): OAuthParams | undefined {
	const body = raw.trim();
	if (body.startsWith('{')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
		return isPlainObject(parsed) ? paramsOfObject(parsed) : undefined;
	}
	const params: OAuthParams = {};
	for (const [key, value] of new URLSearchParams(body)) {
		const name = OAUTH_PARAMS.find((p) => p === key);
		if (!name) continue;
		// RFC 6749 section 3.2: parameters must not be sent more than once.
		if (params[name] !== undefined) return undefined;
		params[name] = value;
	}
	return params;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}

/** Bytes of a raw body, or of the OAuth parameters of a parsed one. */
function bodySize(body: unknown): number {
	if (Buffer.isBuffer(body)) return body.length;
	if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
	if (!isPlainObject(body)) return 0;
	let size = 0;
	for (const name of OAUTH_PARAMS) {
		const value = body[name];
		if (typeof value === 'string') size += Buffer.byteLength(value, 'utf8');
	}
	return size;
}

/** Reads the OAuth parameters from a form or JSON body, parsed or raw. */
function tokenParams(body: unknown): OAuthParams | undefined {
	if (body === undefined || body === null) return {};
	if (Buffer.isBuffer(body)) return paramsOfText(body.toString('utf8'));
	if (typeof body === 'string') return paramsOfText(body);
	return isPlainObject(body) ? paramsOfObject(body) : undefined;
}

/** `application/x-www-form-urlencoded` decoding of one value; `undefined` if invalid. */
function formDecode(value: string): string | undefined {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return undefined;
	}
}

/** Constant-time check of a client ID and secret; both comparisons always run. */
function clientMatches(config: OAuthConfig, id: string, secret: string): boolean {
	const idOk = safeEqual(id, config.clientId);
	const secretOk = safeEqual(secret, config.clientSecret);
	return idOk && secretOk;
}

type ClientCheck = { ok: true } | { ok: false; response: TokenResponse };

const badClient = (reason: string): ClientCheck => ({
	ok: false,
	response: tokenError(401, 'invalid_client', 'Client authentication failed', reason),
});

/**
 * Authenticates the client by HTTP Basic (RFC 6749 section 2.3.1) or by `client_id` and
 * `client_secret` parameters, never both.
 */
function authenticateClient(
	config: OAuthConfig,
	req: TokenRequest,
	params: OAuthParams,
): ClientCheck {
	const auth = authorization(req.headers);
	if (auth.kind === 'missing') {
		if (params.client_id === undefined || params.client_secret === undefined) {
			return badClient('no client credentials');
		}
		return clientMatches(config, params.client_id, params.client_secret)
			? { ok: true }
			: badClient('client ID or secret is wrong (body)');
	}
	if (auth.kind === 'malformed' || auth.scheme !== 'basic') {
		return badClient('Authorization header is not HTTP Basic');
	}
	const pair = basicPair(auth.credentials);
	if (!pair) return badClient('Basic credentials are not base64 of id:secret');
	if (params.client_secret !== undefined) {
		return {
			ok: false,
			response: tokenError(
				400,
				'invalid_request',
				'Use one client authentication method: HTTP Basic or client_secret, not both',
				'client authenticated twice (Basic header and body)',
			),
		};
	}
	// RFC 6749 wants id and secret form-encoded inside Basic; many clients do not encode them.
	// Accept either reading: the caller must still know the exact secret.
	const [rawId, rawSecret] = pair;
	const id = formDecode(rawId);
	const secret = formDecode(rawSecret);
	const rawOk = clientMatches(config, rawId, rawSecret);
	const decodedOk = id !== undefined && secret !== undefined && clientMatches(config, id, secret);
	if (!(rawOk || decodedOk)) return badClient('client ID or secret is wrong (Basic)');
	if (params.client_id !== undefined && !safeEqual(params.client_id, config.clientId)) {
		return badClient('client_id in the body differs from the Basic user');
	}
	return { ok: true };
}

/**
 * Answers a call to the token URL: the OAuth 2.0 client credentials grant (RFC 6749 section
 * 4.4). Credentials are accepted as an HTTP Basic header, as form parameters, or as a JSON body.
 *
 * Order: allowed IPs (403), mode (404 unless the credential uses OAuth 2.0), body size (400
 * `invalid_request` over {@link MAX_TOKEN_BODY_BYTES}), readable body (400 `invalid_request`), `grant_type` (400 `invalid_request` when missing, 400
 * `unsupported_grant_type` unless `client_credentials`), client authentication (401
 * `invalid_client` with a Basic challenge). Success: 200
 * `{access_token, token_type: "Bearer", expires_in}`. Every answer carries
 * `Cache-Control: no-store` and `Pragma: no-cache`.
 *
 * @param now - Unix epoch milliseconds (the token's issue time).
 * @param allowedIps - The node's optional allowed-IP list.
 */
export function issueToken(
	config: AuthConfig,
	req: TokenRequest,
	now: number,
	allowedIps?: string,
): TokenResponse {
	if (!isIpAllowed(allowedIps, req.ip, req.ips)) {
		const reason = `caller ${addressForLog(req)} is not in the allowed IP list`;
		return tokenError(403, 'access_denied', 'This address may not request tokens', reason);
	}
	if (config.mode !== 'oauth2') {
		return tokenError(
			404,
			'not_found',
			'This trigger issues no tokens',
			'token URL called but the credential does not use OAuth 2.0',
		);
	}
	if (bodySize(req.body) > MAX_TOKEN_BODY_BYTES) {
		return tokenError(
			400,
			'invalid_request',
			`The body is larger than ${MAX_TOKEN_BODY_BYTES} bytes`,
			'token request body too large',
		);
	}
	const params = tokenParams(req.body);
	if (!params) {
		return tokenError(
			400,
			'invalid_request',
			'The body is not a form or JSON object with single string parameters',
			'unreadable token request body',
		);
	}
	// How DealPOS asks for a token here is not documented; its own REST API's token request is
	// JSON {client_id, client_secret} without grant_type (rest-api.md). An absent grant_type is
	// read as client_credentials: the client is authenticated all the same.
	const grant = params.grant_type ?? 'client_credentials';
	if (!grant) {
		return tokenError(400, 'invalid_request', 'grant_type is empty', 'empty grant_type');
	}
	if (grant !== 'client_credentials') {
		return tokenError(
			400,
			'unsupported_grant_type',
			'Only grant_type=client_credentials is supported',
			'unsupported grant_type',
		);
	}
	const client = authenticateClient(config, req, params);
	if (!client.ok) return client.response;

	return {
		ok: true,
		status: 200,
		headers: { ...TOKEN_HEADERS },
		body: {
			access_token: signToken(config, config.tokenLifetime, now),
			token_type: 'Bearer',
			expires_in: config.tokenLifetime,
		},
		reason: 'token issued',
	};
}
