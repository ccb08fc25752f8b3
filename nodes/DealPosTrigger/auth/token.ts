/**
 * Stateless OAuth 2.0 access tokens for the DealPOS Trigger, and the constant-time comparison
 * every secret check uses.
 *
 * A token is `base64url(payload JSON) + "." + base64url(HMAC-SHA256(key, first part))`, where
 * `key = HMAC-SHA256(clientSecret, "dealpos-token-v1\0" + clientId)`. Any n8n process that can
 * read the credential (main, webhook, worker) can verify it: nothing is stored. Changing the
 * client ID or secret invalidates every token issued before.
 *
 * Pure: `node:crypto` only, no clock (the caller passes `now`), no I/O.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Format version written into every token; a token with another `v` is refused. */
export const TOKEN_VERSION = 1;

/**
 * Seconds a token stays accepted after its `exp`, and how far in the future its `iat` may lie.
 * Absorbs a delivery that leaves DealPOS just before expiry and clock drift between n8n processes.
 */
export const CLOCK_SKEW_SECONDS = 30;

/** What a token asserts. Times are Unix seconds. */
export interface TokenPayload {
	/** Format version, {@link TOKEN_VERSION}. */
	v: number;
	/** {@link clientTag} of the client ID the token was issued to. */
	cid: string;
	/** Issued at. */
	iat: number;
	/** Expires at. */
	exp: number;
}

/** The client a token is signed for: its ID and secret, as configured in the credential. */
export interface TokenClient {
	clientId: string;
	clientSecret: string;
}

/** Why {@link verifyToken} refused a token. Safe for logs: never contains token or secret. */
export type TokenFailure =
	| 'bad-clock'
	| 'malformed'
	| 'bad-signature'
	| 'wrong-client'
	| 'expired'
	| 'not-yet-valid'
	| 'too-long-lived';

const TOKEN_PATTERN = /^([A-Za-z0-9_-]{1,1024})\.([A-Za-z0-9_-]{43})$/;

/**
 * Compares two strings in time independent of where they differ and of their lengths.
 * Both sides are hashed first, so `timingSafeEqual` always sees 32 bytes: it never throws on
 * different lengths and the length of the expected secret does not leak.
 */
export function safeEqual(actual: string, expected: string): boolean {
	const a = createHash('sha256').update(actual, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

function base64url(data: Buffer | string): string {
	return Buffer.from(data).toString('base64url');
}

/** A short, non-reversible tag of a client ID, stored in tokens instead of the ID itself. */
export function clientTag(clientId: string): string {
	return createHash('sha256')
		.update(`dealpos-client\0${clientId}`, 'utf8')
		.digest()
		.subarray(0, 16)
		.toString('base64url');
}

function signingKey(client: TokenClient): Buffer {
	return createHmac('sha256', client.clientSecret)
		.update(`dealpos-token-v1\0${client.clientId}`, 'utf8')
		.digest();
}

function signature(client: TokenClient, encodedPayload: string): string {
	return base64url(
		createHmac('sha256', signingKey(client)).update(encodedPayload, 'ascii').digest(),
	);
}

/**
 * Issues a token for `client`, valid `lifetimeSeconds` from `now`.
 *
 * @param now - Unix epoch milliseconds.
 * @throws {RangeError} when `now` is not finite or the lifetime is not a whole positive number
 *   of seconds: no token is issued rather than one no check could read.
 */
export function signToken(client: TokenClient, lifetimeSeconds: number, now: number): string {
	const iat = Math.floor(now / 1000);
	const exp = iat + lifetimeSeconds;
	if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp) || !(lifetimeSeconds > 0)) {
		throw new RangeError('A token needs a finite clock and a whole positive lifetime in seconds');
	}
	const payload: TokenPayload = { v: TOKEN_VERSION, cid: clientTag(client.clientId), iat, exp };
	const encoded = base64url(JSON.stringify(payload));
	return `${encoded}.${signature(client, encoded)}`;
}

function decodePayload(encoded: string): TokenPayload | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const p = parsed as Record<string, unknown>;
	const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
	if (p.v !== TOKEN_VERSION || typeof p.cid !== 'string' || !isInt(p.iat) || !isInt(p.exp))
		return undefined;
	return { v: p.v, cid: p.cid, iat: p.iat, exp: p.exp };
}

/**
 * Checks a token: format, signature (constant time), client, lifetime and expiry.
 * Fails closed: a `now` that is not a finite number, or a NaN lifetime, refuses every token.
 *
 * @param maxLifetimeSeconds - The lifetime currently configured; a token issued with a longer
 * one (before the setting was lowered) is refused.
 * @param now - Unix epoch milliseconds.
 */
export function verifyToken(
	client: TokenClient,
	token: string,
	maxLifetimeSeconds: number,
	now: number,
): { ok: true; payload: TokenPayload } | { ok: false; failure: TokenFailure } {
	if (!Number.isFinite(now)) return { ok: false, failure: 'bad-clock' };
	const match = TOKEN_PATTERN.exec(token);
	if (!match) return { ok: false, failure: 'malformed' };
	const [, encoded, sig] = match;
	if (!safeEqual(sig, signature(client, encoded))) return { ok: false, failure: 'bad-signature' };

	const payload = decodePayload(encoded);
	if (!payload) return { ok: false, failure: 'malformed' };
	if (payload.cid !== clientTag(client.clientId)) return { ok: false, failure: 'wrong-client' };

	// Written so that a NaN refuses.
	const nowSeconds = Math.floor(now / 1000);
	if (!(payload.exp - payload.iat <= maxLifetimeSeconds))
		return { ok: false, failure: 'too-long-lived' };
	if (!(payload.iat <= nowSeconds + CLOCK_SKEW_SECONDS))
		return { ok: false, failure: 'not-yet-valid' };
	if (!(nowSeconds < payload.exp + CLOCK_SKEW_SECONDS)) return { ok: false, failure: 'expired' };
	return { ok: true, payload };
}
