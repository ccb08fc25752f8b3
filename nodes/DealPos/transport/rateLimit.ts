/**
 * DealPOS's rate limit, read from its answers. Pure functions.
 *
 * Documented (guides/api-dashboard): 50 requests per 180 seconds per tenant, all endpoints and all
 * the shop's API clients together, fixed window; over it HTTP 429. Every answer carries
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Policy: 50;w=180`. No `Retry-After` is
 * documented; public client code reads the seconds to wait from the 429 body's `Message` and falls
 * back to the whole window.
 */
import type { IDataObject } from 'n8n-workflow';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_WINDOW_SECONDS = 180;

export type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === null ? undefined : String(first);
	}
	return undefined;
}

/** `RateLimit-Policy: 50;w=180` as { limit, windowSeconds }; the documented values when absent. */
export function policyOf(headers: Headers): { limit: number; windowSeconds: number } {
	const text = header(headers, 'ratelimit-policy') ?? '';
	const limit = Number(/^\s*(\d+)/.exec(text)?.[1]);
	const windowSeconds = Number(/w\s*=\s*(\d+)/i.exec(text)?.[1]);
	return {
		limit: Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_LIMIT,
		windowSeconds:
			Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : DEFAULT_WINDOW_SECONDS,
	};
}

/** `RateLimit-Remaining`, or undefined when the answer has none. */
export function remainingOf(headers: Headers): number | undefined {
	const text = header(headers, 'ratelimit-remaining');
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

function messageOf(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body && typeof body === 'object') {
		const record = body as IDataObject;
		const text = record.Message ?? record.message;
		if (typeof text === 'string') return text;
	}
	return '';
}

/**
 * Seconds to wait after a 429: the number the body's Message gives ("... try again in 42
 * seconds"), else a `Retry-After` header in seconds, else the window of `RateLimit-Policy`
 * (a fixed window is over at the latest one window from now), else 180.
 */
export function retryAfterSeconds(body: unknown, headers: Headers): number {
	const message = messageOf(body);
	const after = /(?:in|after)\s+(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/i.exec(message);
	const anySeconds = [...message.matchAll(/(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/gi)];
	const fromMessage = after?.[1] ?? anySeconds[anySeconds.length - 1]?.[1];
	if (fromMessage !== undefined && Number(fromMessage) >= 0) return Math.ceil(Number(fromMessage));
	const retryAfter = Number(header(headers, 'retry-after'));
	if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.ceil(retryAfter);
	return policyOf(headers).windowSeconds;
}

/** The 429 body's Message, shortened, for error descriptions. */
export function rateLimitMessage(body: unknown): string {
	return messageOf(body).slice(0, 300);
}
