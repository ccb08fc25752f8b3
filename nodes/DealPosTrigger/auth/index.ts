/**
 * Who may call the DealPOS Trigger: the checks run on every webhook call before anything else.
 *
 * Modes (from the "DealPOS Webhook Authentication API" credential; "none" when the node uses no credential):
 * - `header`: a fixed secret in a header (DealPOS's OpenAPI file declares `X-API-Key`).
 * - `basicAuth`: HTTP Basic user and password (RFC 7617).
 * - `oauth2`: DealPOS's "OAuth 2.0" option. DealPOS gets a token from the node's token URL
 *   (client credentials grant, RFC 6749 section 4.4, served by {@link issueToken}) and sends
 *   `Authorization: Bearer <token>` with each call. Tokens are stateless (see `./token`).
 *
 * Every comparison of a secret is constant-time; responses and log reasons never contain a
 * secret. Authentication schemes are matched case-insensitively (RFC 9110 section 11.1:
 * `bearer x` is accepted), header names too; header values and secrets are case-sensitive.
 *
 * Pure: no n8n runtime calls (types only), no clock (the caller passes `now`), no I/O.
 */
import type { IDataObject } from 'n8n-workflow';

import { REALM, type AuthConfig, type OAuthConfig } from './config';
import { isIpAllowed } from './ipAllowList';
import {
	addressForLog,
	authorization,
	BASIC_CHALLENGE,
	basicPair,
	headerValues,
	JSON_TYPE,
	type AuthRequest,
} from './request';
import { safeEqual, verifyToken } from './token';

export * from './config';
export { invalidIpEntries, isIpAllowed } from './ipAllowList';
export type { AuthRequest, IncomingHeaders } from './request';
export * from './secrets';
export * from './tokenEndpoint';

/** A refusal, ready to send. `reason` is for logs and never contains a secret. */
export interface AuthFailure {
	ok: false;
	status: 401 | 403;
	headers: Record<string, string>;
	body: IDataObject;
	reason: string;
}

export type VerifyResult = { ok: true } | AuthFailure;

const OK: VerifyResult = { ok: true };

function unauthorized(reason: string, challenge?: string, error = 'unauthorized'): AuthFailure {
	const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
	if (challenge) headers['WWW-Authenticate'] = challenge;
	return {
		ok: false,
		status: 401,
		headers,
		body: { status: 'error', error, message: 'Missing or invalid credentials' },
		reason,
	};
}

function forbidden(req: AuthRequest): AuthFailure {
	return {
		ok: false,
		status: 403,
		headers: { 'Content-Type': JSON_TYPE },
		body: {
			status: 'error',
			error: 'forbidden',
			message: 'This address may not call this webhook',
		},
		reason: `caller ${addressForLog(req)} is not in the allowed IP list`,
	};
}

const BEARER_CHALLENGE = `Bearer realm="${REALM}"`;
const BEARER_INVALID = `Bearer realm="${REALM}", error="invalid_token"`;

function checkHeader(
	config: Extract<AuthConfig, { mode: 'header' }>,
	req: AuthRequest,
): VerifyResult {
	const values = headerValues(req.headers, config.headerName);
	if (values.length === 0) return unauthorized(`no ${config.headerName} header`);
	if (values.length > 1) return unauthorized(`${config.headerName} header sent more than once`);
	if (!safeEqual(values[0], config.secret)) {
		return unauthorized(`${config.headerName} header does not match the credential`);
	}
	return OK;
}

function checkBasic(
	config: Extract<AuthConfig, { mode: 'basicAuth' }>,
	req: AuthRequest,
): VerifyResult {
	const auth = authorization(req.headers);
	if (auth.kind === 'missing') return unauthorized('no Authorization header', BASIC_CHALLENGE);
	if (auth.kind === 'malformed')
		return unauthorized('malformed Authorization header', BASIC_CHALLENGE);
	if (auth.scheme !== 'basic')
		return unauthorized('Authorization scheme is not Basic', BASIC_CHALLENGE);
	const pair = basicPair(auth.credentials);
	if (!pair)
		return unauthorized('Basic credentials are not base64 of user:password', BASIC_CHALLENGE);
	// Both comparisons always run, so the time taken does not tell which one failed.
	const userOk = safeEqual(pair[0], config.user);
	const passwordOk = safeEqual(pair[1], config.password);
	if (!(userOk && passwordOk))
		return unauthorized('Basic user or password is wrong', BASIC_CHALLENGE);
	return OK;
}

function checkBearer(config: OAuthConfig, req: AuthRequest, now: number): VerifyResult {
	const auth = authorization(req.headers);
	// RFC 6750 section 3.1: no error code when the request carries no Bearer credentials at all.
	if (auth.kind === 'missing') return unauthorized('no Authorization header', BEARER_CHALLENGE);
	if (auth.kind === 'malformed') {
		return unauthorized('malformed Authorization header', BEARER_INVALID, 'invalid_token');
	}
	if (auth.scheme !== 'bearer') {
		return unauthorized('Authorization scheme is not Bearer', BEARER_CHALLENGE);
	}
	const result = verifyToken(config, auth.credentials, config.tokenLifetime, now);
	if (!result.ok) {
		return unauthorized(
			`access token refused (${result.failure})`,
			BEARER_INVALID,
			'invalid_token',
		);
	}
	return OK;
}

/**
 * Decides whether a webhook call may go on. Call it first, before reading the body or starting
 * anything; on `ok: false` send `status`, `headers` and `body` and start no execution.
 *
 * @param now - Unix epoch milliseconds (token expiry).
 * @param allowedIps - The node's optional allowed-IP list, checked before the credentials
 *   (403 when the caller is not in it), as the core Webhook node does.
 * @returns 403 for a caller outside the allowed IPs; 401 for missing or wrong credentials, with
 *   a `WWW-Authenticate` challenge in Basic and OAuth 2.0 modes.
 */
export function verifyRequest(
	config: AuthConfig,
	req: AuthRequest,
	now: number,
	allowedIps?: string,
): VerifyResult {
	// The caller's address is read only when there is an allow list to check it against.
	if (allowedIps?.trim() && !isIpAllowed(allowedIps, req.ip, req.ips)) return forbidden(req);
	switch (config.mode) {
		case 'none':
			return OK;
		case 'header':
			return checkHeader(config, req);
		case 'basicAuth':
			return checkBasic(config, req);
		case 'oauth2':
			return checkBearer(config, req, now);
	}
}
