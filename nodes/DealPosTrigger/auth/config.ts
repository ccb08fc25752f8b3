/**
 * The configuration of the DealPOS Trigger's caller checks, read from the "DealPOS Webhook Authentication API"
 * credential. An unusable credential is refused with {@link AuthConfigError}: the node must
 * then refuse to run rather than let every call in.
 *
 * Pure: types from n8n-workflow only, no I/O.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What the node checks on each call. */
export type AuthConfig =
	| { mode: 'none' }
	| { mode: 'header'; headerName: string; secret: string }
	| { mode: 'basicAuth'; user: string; password: string }
	| { mode: 'oauth2'; clientId: string; clientSecret: string; tokenLifetime: number };

export type AuthMode = AuthConfig['mode'];
export type OAuthConfig = Extract<AuthConfig, { mode: 'oauth2' }>;

/** The configuration of a node whose Authentication is "None". */
export const NO_AUTH: AuthConfig = { mode: 'none' };

/** Defaults of the credential's fields (the credential class repeats them; a test keeps them equal). */
export const DEFAULT_AUTH_MODE = 'oauth2';
export const DEFAULT_HEADER_NAME = 'X-API-Key';
export const DEFAULT_TOKEN_LIFETIME = 3600;
export const MIN_TOKEN_LIFETIME = 60;
export const MAX_TOKEN_LIFETIME = 86400;
/** Secrets shorter than this are refused by the credential test and at publish time (not at run time). */
export const MIN_SECRET_LENGTH = 16;
/** The realm named in `WWW-Authenticate` challenges. */
export const REALM = 'DealPOS';

/** The credential cannot be used: the node must refuse to run rather than let every call in. */
export class AuthConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuthConfigError';
	}
}

/** RFC 9110 `token`: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return '';
}

function required(data: ICredentialDataDecryptedObject, field: string, label: string): string {
	const value = text(data[field]);
	if (value.trim() === '') {
		throw new AuthConfigError(
			`The DealPOS Webhook Authentication API credential has an empty ${label}. The trigger refuses to run ` +
				'rather than accept every call: fill it in, or set the Authentication of the node to None.',
		);
	}
	return value;
}

function tokenLifetime(value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_TOKEN_LIFETIME;
	const seconds = typeof value === 'number' ? value : Number(value);
	if (!Number.isInteger(seconds) || seconds < MIN_TOKEN_LIFETIME || seconds > MAX_TOKEN_LIFETIME) {
		throw new AuthConfigError(
			`The Token Lifetime of the DealPOS Webhook Authentication API credential must be a whole number of ` +
				`seconds from ${MIN_TOKEN_LIFETIME} to ${MAX_TOKEN_LIFETIME}.`,
		);
	}
	return seconds;
}

/**
 * Turns the decrypted "DealPOS Webhook Authentication API" credential into the checks to run.
 *
 * The node passes `undefined` only by mistake (with Authentication "None" it uses
 * {@link NO_AUTH} and reads no credential): that is refused too, never read as "no auth".
 *
 * @throws {AuthConfigError} when no credential is given, the mode is unknown, a secret (or the
 *   user or client ID) is empty, the header name is not a valid header name, or the token
 *   lifetime is out of range. The message names the field, never its value.
 */
export function authConfigFromCredential(
	data: ICredentialDataDecryptedObject | undefined,
): AuthConfig {
	if (!data) {
		throw new AuthConfigError(
			'No DealPOS Webhook Authentication API credential is selected. Select one, or set the Authentication of the node to None.',
		);
	}
	const mode = data.authentication ?? DEFAULT_AUTH_MODE;
	switch (mode) {
		case 'header': {
			const headerName = (text(data.headerName) || DEFAULT_HEADER_NAME).trim();
			if (!HEADER_NAME.test(headerName)) {
				throw new AuthConfigError(
					'The Header Name of the DealPOS Webhook Authentication API credential is not a valid HTTP header name.',
				);
			}
			return { mode: 'header', headerName, secret: required(data, 'secret', 'Secret Value') };
		}
		case 'basicAuth': {
			const user = required(data, 'user', 'User');
			if (user.includes(':')) {
				throw new AuthConfigError(
					'The User of the DealPOS Webhook Authentication API credential contains ":", which HTTP Basic auth cannot carry.',
				);
			}
			return { mode: 'basicAuth', user, password: required(data, 'password', 'Password') };
		}
		case 'oauth2':
			return {
				mode: 'oauth2',
				clientId: required(data, 'clientId', 'Client ID'),
				clientSecret: required(data, 'clientSecret', 'Client Secret'),
				tokenLifetime: tokenLifetime(data.expiresIn),
			};
		default:
			throw new AuthConfigError(
				`The DealPOS Webhook Authentication API credential has an unknown Authentication "${text(mode)}".`,
			);
	}
}

/** The secrets of a configuration that are shorter than {@link MIN_SECRET_LENGTH}, by label. */
export function weakSecrets(config: AuthConfig): string[] {
	const secrets: Array<[string, string]> =
		config.mode === 'header'
			? [['Secret Value', config.secret]]
			: config.mode === 'basicAuth'
				? [['Password', config.password]]
				: config.mode === 'oauth2'
					? [['Client Secret', config.clientSecret]]
					: [];
	return secrets.filter(([, value]) => value.length < MIN_SECRET_LENGTH).map(([label]) => label);
}
