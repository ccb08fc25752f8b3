import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { requiredSecret, requiredText, whenAuthentication } from './fields';

/**
 * How the DealPOS Trigger recognises calls from DealPOS. Used only by the trigger: nothing here
 * is sent anywhere, the trigger compares incoming calls against it.
 *
 * Tested by the trigger node (`testedBy: 'dealPosWebhookAuthLocalTest'`): a local check, because there
 * is no remote API to call.
 */
export class DealPosWebhookAuthApi implements ICredentialType {
	name = 'dealPosWebhookAuthApi';

	displayName = 'DealPOS Webhook Authentication API';

	icon = { light: 'file:../icons/dealpos.svg', dark: 'file:../icons/dealpos.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-dealpos/n8n-nodes-dealpos#authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'OAuth 2.0 Client Credentials',
					value: 'oauth2',
					description:
						"DealPOS's OAuth 2.0 option: DealPOS gets a token from the trigger's Token URL, then sends it with every call",
				},
				{
					name: 'Header',
					value: 'header',
					description: 'A secret value in a request header (X-API-Key by default)',
				},
				{
					name: 'Basic Auth',
					value: 'basicAuth',
					description: 'HTTP Basic user and password',
				},
			],
			default: 'oauth2',
		},
		{
			displayName:
				"In DealPOS choose OAuth 2.0 and enter the trigger's Token URL (shown in the trigger node) as ServerAuthenticationURL, with the client ID and secret below",
			name: 'oauth2Notice',
			type: 'notice',
			default: '',
			displayOptions: whenAuthentication('oauth2'),
		},
		requiredText('Client ID', 'clientId', {
			displayOptions: whenAuthentication('oauth2'),
			description: 'The client ID DealPOS sends to the Token URL',
		}),
		requiredSecret('Client Secret', 'clientSecret', {
			displayOptions: whenAuthentication('oauth2'),
			description: 'The client secret DealPOS sends to the Token URL. At least 16 random characters.',
		}),
		{
			displayName: 'Token Lifetime (Seconds)',
			name: 'expiresIn',
			type: 'number',
			typeOptions: { minValue: 60, maxValue: 86400 },
			default: 3600,
			displayOptions: whenAuthentication('oauth2'),
			description:
				'How long an issued access token is accepted. Changing the client ID or secret invalidates all issued tokens.',
		},
		requiredText('Header Name', 'headerName', {
			defaultValue: 'X-API-Key',
			displayOptions: whenAuthentication('header'),
			description: 'The request header that carries the secret. Matched in any letter case.',
		}),
		requiredSecret('Secret Value', 'secret', {
			displayOptions: whenAuthentication('header'),
			description:
				'The exact header value (case-sensitive). At least 16 random printable ASCII characters, no spaces at the start or end.',
		}),
		requiredText('User', 'user', { displayOptions: whenAuthentication('basicAuth') }),
		requiredSecret('Password', 'password', {
			displayOptions: whenAuthentication('basicAuth'),
			description: 'At least 16 random characters',
		}),
	];
}
