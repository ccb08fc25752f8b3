/**
 * Where the credential's secrets may show up, and which secrets can never work.
 *
 * - {@link redactHeaders}: the one list of headers whose values are secrets (the standard
 *   credential headers plus the credential's own header name), for `dealpos.headers`.
 * - {@link unusableSecrets}: secrets refused when the workflow is published and by the
 *   credential test; at run time only an empty secret is refused (see `./config`).
 *
 * Pure: types from n8n-workflow only, no I/O.
 */
import type { IDataObject } from 'n8n-workflow';

import { MIN_SECRET_LENGTH, weakSecrets, type AuthConfig } from './config';

/** What a secret header's value is replaced with; the name stays, so its presence shows. */
export const REDACTED = '[redacted]';

/** Headers that carry credentials whatever the mode (lower-case). */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

/** Lower-cased names of the headers whose values are secrets under `config`. */
export function secretHeaderNames(config: AuthConfig): Set<string> {
	const names = new Set(CREDENTIAL_HEADERS);
	if (config.mode === 'header') names.add(config.headerName.toLowerCase());
	return names;
}

/** A copy of `headers` with the value of each secret header (any letter case) replaced by {@link REDACTED}. */
export function redactHeaders(headers: IDataObject, config: AuthConfig): IDataObject {
	const secret = secretHeaderNames(config);
	const copy: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		// defineProperty: a header named `__proto__` stays an own key.
		Object.defineProperty(copy, name, {
			value: secret.has(name.toLowerCase()) ? REDACTED : value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/** Characters a header value can carry as typed: printable ASCII and tab. */
const NOT_HEADER_TEXT = /[^\x20-\x7E\t]/;

/**
 * Why the secret of the header mode could never match a real call. Only that secret is compared
 * with a raw header value: Basic credentials travel base64-encoded and OAuth 2.0 client
 * credentials in a body or in Basic, so spaces and non-ASCII characters arrive intact there.
 */
function headerSecretProblems(secret: string): string[] {
	const problems: string[] = [];
	if (secret !== secret.trim()) {
		problems.push(
			'Secret Value starts or ends with whitespace, which HTTP strips from header values (a ' +
				'line break cannot be sent at all), so no call could match: remove it',
		);
	}
	if (NOT_HEADER_TEXT.test(secret)) {
		problems.push(
			'Secret Value has characters outside printable ASCII (such as accented letters, € or ' +
				'control characters): Node.js reads each header byte as one Latin-1 character, so ' +
				'they never match when sent as UTF-8, as most clients do, and characters beyond ' +
				'Latin-1 or control characters never match at all: use ASCII letters, digits and ' +
				'punctuation only',
		);
	}
	return problems;
}

/**
 * What makes the configured secrets unusable, one message per problem naming the field (never
 * its value); empty when they can be used.
 */
export function unusableSecrets(config: AuthConfig): string[] {
	const problems = weakSecrets(config).map(
		(label) => `${label} must have at least ${MIN_SECRET_LENGTH} characters: use a long random value`,
	);
	if (config.mode === 'header') problems.push(...headerSecretProblems(config.secret));
	return problems;
}
