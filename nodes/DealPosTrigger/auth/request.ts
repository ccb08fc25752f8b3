/**
 * Reading what a webhook call carries for authentication: headers matched case-insensitively,
 * the `Authorization` header, HTTP Basic credentials.
 *
 * Pure: no I/O.
 */
import { REALM } from './config';

/** Incoming headers as Node.js gives them (names lower-cased, `set-cookie` as an array). */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

/** What the checks need from a webhook request. */
export interface AuthRequest {
	headers: IncomingHeaders;
	/** `req.ip`: the caller's address as n8n sees it. */
	ip?: string;
	/** `req.ips`: the trusted forwarding chain (empty unless n8n trusts proxies). */
	ips?: readonly string[];
}

/** Content type of every answer. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** All values of a header, its name matched case-insensitively. */
export function headerValues(headers: IncomingHeaders, name: string): string[] {
	const wanted = name.toLowerCase();
	const values: string[] = [];
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		values.push(...(Array.isArray(value) ? value : [value]));
	}
	return values;
}

export type Authorization =
	| { kind: 'missing' }
	| { kind: 'malformed' }
	| { kind: 'credentials'; scheme: string; credentials: string };

/**
 * Parses `Authorization: <scheme> <token68>` (RFC 9110 section 11.4). The scheme is returned
 * lower-cased. Anything else, including a second scheme word (`Bearer Bearer x`), a scheme with
 * no credentials or a repeated header, is malformed.
 */
export function authorization(headers: IncomingHeaders): Authorization {
	const values = headerValues(headers, 'authorization');
	if (values.length === 0) return { kind: 'missing' };
	if (values.length > 1) return { kind: 'malformed' };
	const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +([A-Za-z0-9._~+/-]+=*)$/.exec(values[0]);
	if (!match) return { kind: 'malformed' };
	return { kind: 'credentials', scheme: match[1].toLowerCase(), credentials: match[2] };
}

/** Decodes HTTP Basic credentials into user and password; `undefined` if not `user:password`. */
export function basicPair(credentials: string): [string, string] | undefined {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return undefined;
	const decoded = Buffer.from(credentials, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** A printable, bounded form of the caller's address for log reasons. */
export function addressForLog(req: AuthRequest): string {
	if (!req.ip) return 'unknown address';
	return req.ip.replace(/[^0-9A-Za-z:.%[\]-]/g, '?').slice(0, 64);
}

/** The challenge of a 401 answered to HTTP Basic (event calls and the token URL). */
export const BASIC_CHALLENGE = `Basic realm="${REALM}"`;
