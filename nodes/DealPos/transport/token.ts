/**
 * The token request of DealPOS's REST API.
 *
 * INFERRED: DealPOS's documentation names the security scheme (OAuth 2.0 client credentials) but
 * not the token request. Three independent public clients agree on `POST /api/v3/Token/OAuth2`
 * with the JSON body `{"client_id", "client_secret"}`, answered by
 * `{"access_token", "token_type", "expires_in"}` (one client reads `Token` instead of
 * `access_token`: both are accepted).
 *
 * Used by the credential's `preAuthentication` (n8n caches the token in the credential's hidden
 * expirable field and asks again after a 401) and by the credential test.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { apiBaseUrl } from './baseUrl';

export const TOKEN_PATH = '/Token/OAuth2';

export interface ApiCredential {
	subdomain?: unknown;
	clientId?: unknown;
	clientSecret?: unknown;
}

/** The token request for a credential (full response, never throwing on an HTTP status). */
export function tokenRequest(credential: ApiCredential): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${apiBaseUrl(credential.subdomain)}${TOKEN_PATH}`,
		body: {
			client_id: String(credential.clientId ?? ''),
			client_secret: String(credential.clientSecret ?? ''),
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
}

export type TokenOutcome = { ok: true; token: string } | { ok: false; message: string };

/** A short, safe rendering of what DealPOS answered (its Message when there is one). */
function answerText(body: unknown): string {
	if (body && typeof body === 'object') {
		const record = body as IDataObject;
		for (const key of ['Message', 'message', 'error_description', 'error']) {
			if (typeof record[key] === 'string' && record[key]) return String(record[key]).slice(0, 300);
		}
		return JSON.stringify(body).slice(0, 300);
	}
	return typeof body === 'string' ? body.slice(0, 300) : '';
}

/** Reads the token endpoint's answer; says what failed in words a user can act on. */
export function readTokenAnswer(url: string, statusCode: number, body: unknown): TokenOutcome {
	const said = answerText(body);
	const detail = said ? `: ${said}` : '';
	if (statusCode === 400 || statusCode === 401 || statusCode === 403) {
		return {
			ok: false,
			message: `DealPOS refused the client ID or client secret (HTTP ${statusCode} from ${url}${detail})`,
		};
	}
	if (statusCode === 404) {
		return {
			ok: false,
			message: `No DealPOS token endpoint at ${url} (HTTP 404): check the subdomain or base URL`,
		};
	}
	if (statusCode === 429) {
		return {
			ok: false,
			message: `DealPOS's rate limit (50 requests per 180 s per shop) is used up; try again later (HTTP 429${detail})`,
		};
	}
	if (statusCode < 200 || statusCode > 299) {
		return { ok: false, message: `The DealPOS token endpoint ${url} answered HTTP ${statusCode}${detail}` };
	}
	const record = body && typeof body === 'object' ? (body as IDataObject) : {};
	const token = record.access_token ?? record.Token;
	if (typeof token !== 'string' || !token) {
		return {
			ok: false,
			message: `The DealPOS token endpoint ${url} answered without an access_token (or Token) field`,
		};
	}
	return { ok: true, token };
}

/** Network failures in words (n8n would replace a message quoting the code with a generic one). */
const NETWORK: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ECONNRESET: 'connection reset',
	CERT_HAS_EXPIRED: 'TLS certificate expired',
};

/** What a failed request (no answer at all) says. */
export function unreachable(url: string, error: unknown): string {
	const err = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = err?.code ?? err?.cause?.code;
	const why = typeof code === 'string' ? (NETWORK[code] ?? code.toLowerCase()) : 'no answer';
	return `Could not reach DealPOS at ${url} (${why}): check the subdomain or base URL`;
}
