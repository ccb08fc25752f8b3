import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { requiredSecret, requiredText } from './fields';
import { BASE_URL_EXPRESSION } from '../nodes/DealPos/transport/baseUrl';
import { readTokenAnswer, tokenRequest, unreachable } from '../nodes/DealPos/transport/token';

/**
 * DealPOS's REST API (the DealPOS node): OAuth 2.0 client credentials of the shop.
 *
 * The access token lives in the hidden expirable field `accessToken`: n8n's credential helper
 * runs `preAuthentication` when the field is empty, stores its answer in the credential (so every
 * execution and every worker reuses the token), and runs it again when a request answers 401
 * (an expired token), then repeats the request once. No token is kept anywhere else.
 *
 * The token request itself is inferred from public clients (see transport/token.ts and the README).
 *
 * Test: n8n runs preAuthentication (a token request), then `GET /Outlet` with the token. A token
 * request that fails throws a message naming the cause (refused client ID or secret, no token
 * endpoint at that address, unreachable host, rate limit), which n8n shows as the test result.
 */
export class DealPosApi implements ICredentialType {
	name = 'dealPosApi';

	displayName = 'DealPOS API';

	icon = { light: 'file:../icons/dealpos.svg', dark: 'file:../icons/dealpos.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-dealpos/n8n-nodes-dealpos#dealpos-node';

	properties: INodeProperties[] = [
		requiredText('Subdomain or Base URL', 'subdomain', {
			placeholder: 'myshop',
			description:
				'Your DealPOS subdomain (myshop for https://myshop.dealpos.net), or a full API base URL such as https://myshop.dealpos.net/api/v3',
		}),
		requiredText('Client ID', 'clientId', {
			description: 'The client ID of your DealPOS API access (DealPOS: Developer > API)',
		}),
		requiredSecret('Client Secret', 'clientSecret'),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const request = tokenRequest(credentials);
		let response: { statusCode: number; body: unknown; headers?: unknown };
		try {
			response = (await this.helpers.httpRequest(request)) as typeof response;
		} catch (error) {
			throw new Error(unreachable(String(request.url), error));
		}
		const outcome = readTokenAnswer(String(request.url), response.statusCode, response.body);
		if (!outcome.ok) {
			const error = new Error(outcome.message);
			// A 429 goes with its answer, so the node waits it out like any other. (Not a 401: n8n
			// would take it for an expired token and ask again with the same refused secret.)
			if (response.statusCode !== 429) throw error;
			throw Object.assign(error, {
				httpCode: '429',
				response: { status: 429, headers: response.headers, data: response.body },
			});
		}
		return { accessToken: outcome.token };
	}

	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/Outlet', method: 'GET' },
	};

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};
}
