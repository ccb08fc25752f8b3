/**
 * The "Test" button of the DealPOS Webhook Authentication API credential.
 *
 * There is no remote service to call: DealPOS calls n8n, not the other way round. So the test
 * is local. It reads the credential exactly as the trigger will (an unusable credential fails
 * here instead of at the first delivery), refuses secrets that cannot work
 * ({@link unusableSecrets}: too short, or a header secret no call could match), and runs the real checks once against a request built from the
 * credential (for OAuth 2.0: issue a token, then accept an event call carrying it).
 *
 * The node wires it as `credentials: [{ name: 'dealPosWebhookAuthApi', testedBy: 'dealPosWebhookAuthLocalTest' }]`
 * and `methods.credentialTest.dealPosWebhookAuthLocalTest`, which n8n prefers over a credential-side
 * HTTP `test` request (the credential has none).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import {
	AuthConfigError,
	authConfigFromCredential,
	issueToken,
	unusableSecrets,
	verifyRequest,
	type AuthConfig,
	type AuthRequest,
} from './index';

/** Name of the node's credential test method (`testedBy` in the node description). */
export const CREDENTIAL_TEST_NAME = 'dealPosWebhookAuthLocalTest';

function readConfig(
	data: ICredentialDataDecryptedObject | undefined,
): { config: AuthConfig } | { message: string } {
	try {
		return { config: authConfigFromCredential(data) };
	} catch (error) {
		const message =
			error instanceof AuthConfigError ? error.message : 'The credential cannot be read';
		return { message };
	}
}

/** A request that carries the credential's own secret, the way a correct caller would send it. */
function selfCall(config: AuthConfig, now: number): AuthRequest | string {
	switch (config.mode) {
		case 'none':
			return { headers: {} };
		case 'header':
			return { headers: { [config.headerName.toLowerCase()]: config.secret } };
		case 'basicAuth': {
			const pair = Buffer.from(`${config.user}:${config.password}`, 'utf8').toString('base64');
			return { headers: { authorization: `Basic ${pair}` } };
		}
		case 'oauth2': {
			const body = {
				grant_type: 'client_credentials',
				client_id: config.clientId,
				client_secret: config.clientSecret,
			};
			const token = issueToken(config, { headers: {}, body }, now);
			if (!token.ok) return 'The token URL refused the credential itself';
			return { headers: { authorization: `Bearer ${String(token.body.access_token)}` } };
		}
	}
}

function successMessage(config: AuthConfig): string {
	switch (config.mode) {
		case 'none':
			return 'No authentication';
		case 'header':
			return `OK: callers must send the header ${config.headerName} with this secret value`;
		case 'basicAuth':
			return 'OK: callers must send HTTP Basic auth with this user and password';
		case 'oauth2':
			return (
				"OK: in DealPOS choose OAuth 2.0, enter the trigger's Token URL as ServerAuthenticationURL " +
				`with this client ID and secret. Tokens last ${config.tokenLifetime} seconds.`
			);
	}
}

/**
 * Checks a credential without any network call.
 *
 * @param now - Unix epoch milliseconds.
 */
export function checkCredential(
	data: ICredentialDataDecryptedObject | undefined,
	now: number,
): INodeCredentialTestResult {
	const read = readConfig(data);
	if ('message' in read) return { status: 'Error', message: read.message };
	const { config } = read;

	const problems = unusableSecrets(config);
	if (problems.length > 0) return { status: 'Error', message: problems.join('; ') };

	const request = selfCall(config, now);
	if (typeof request === 'string') return { status: 'Error', message: request };
	if (!verifyRequest(config, request, now).ok) {
		return {
			status: 'Error',
			message: 'The trigger would refuse a call made with this credential',
		};
	}
	return { status: 'OK', message: successMessage(config) };
}

/** The node's `methods.credentialTest.dealPosWebhookAuthLocalTest`. */
export async function testDealPosWebhookAuthCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return checkCredential(credential.data, Date.now());
}
