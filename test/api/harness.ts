/**
 * Runs the DealPOS node in jest against the stand-in over real HTTP, with n8n-core's own request
 * helpers (httpRequest, httpRequestWithAuthentication: the code n8n runs) and a credentials
 * helper that does what n8n's does (packages/cli credentials-helper.ts): preAuthentication when
 * the expirable field is empty or after a 401, the token kept in the stored credential, and the
 * generic `authenticate` headers resolved from the credential.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	NodeExecutionHint,
} from 'n8n-workflow';
import { getRequestHelperFunctions } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { DealPosApi } from '../../credentials/DealPosApi.credentials';
import { DealPos } from '../../nodes/DealPos/DealPos.node';
import { packageNode } from '../helpers';

export const NODE: INode = packageNode('dealpos-node-1', 'DealPOS', 'dealPos', {
	credentials: { dealPosApi: { id: 'cred-1', name: 'DealPOS API' } },
});

const credentialType = new DealPosApi();

/** The stored credential ("the database"): preAuthentication writes its token here. */
export interface StoredCredential {
	data: ICredentialDataDecryptedObject;
	/** How many times n8n ran preAuthentication (token requests). */
	tokenRequests: number;
}

export function storedCredential(baseUrl: string, client: { id: string; secret: string }): StoredCredential {
	return {
		data: { subdomain: baseUrl, clientId: client.id, clientSecret: client.secret, accessToken: '' },
		tokenRequests: 0,
	};
}

function resolve(template: string, data: ICredentialDataDecryptedObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(data[key] ?? ''));
}

/** What n8n's CredentialsHelper does for this credential type. */
function credentialsHelper(stored: StoredCredential) {
	return {
		getParentTypes: () => [] as string[],
		async preAuthentication(
			helpers: { helpers: { httpRequest: (o: IHttpRequestOptions) => Promise<unknown> } },
			credentials: ICredentialDataDecryptedObject,
			_type: string,
			_node: INode,
			expired: boolean,
		) {
			if (credentials.accessToken !== '' && !expired) return undefined;
			stored.tokenRequests++;
			const output = await credentialType.preAuthentication.call(
				{ helpers: { httpRequest: helpers.helpers.httpRequest } } as never,
				credentials,
			);
			Object.assign(stored.data, output);
			return Object.assign(credentials, output);
		},
		async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
			const headers = credentialType.authenticate.properties.headers ?? {};
			const resolved: IDataObject = {};
			for (const [name, value] of Object.entries(headers)) resolved[name] = resolve(String(value), credentials);
			return { ...options, headers: { ...(options.headers ?? {}), ...resolved } };
		},
	};
}

export interface RunOptions {
	parameters: IDataObject;
	stored: StoredCredential;
	items?: INodeExecutionData[];
	timezone?: string;
	continueOnFail?: boolean;
}

export interface RunResult {
	items: INodeExecutionData[];
	hints: NodeExecutionHint[];
}

function parameterGetter(parameters: IDataObject) {
	return (name: string, _itemIndex: number, fallback?: unknown) => {
		let value: unknown = parameters;
		for (const part of name.split('.')) {
			value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
		}
		return value === undefined ? fallback : value;
	};
}

/** The IExecuteFunctions of one execution of the node, with n8n-core's request helpers. */
export function executeContext(options: RunOptions, hints: NodeExecutionHint[]): IExecuteFunctions {
	const node: INode = { ...NODE, parameters: options.parameters as INode['parameters'] };
	const additionalData = { credentialsHelper: credentialsHelper(options.stored) };
	const helpers = getRequestHelperFunctions({} as never, node, additionalData as never);
	const ctx = {
		getNode: () => node,
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: parameterGetter(options.parameters),
		// n8n decrypts the stored credential afresh for each call.
		getCredentials: async () => ({ ...options.stored.data }),
		getTimezone: () => options.timezone ?? 'Asia/Jakarta',
		continueOnFail: () => options.continueOnFail === true,
		addExecutionHints: (...more: NodeExecutionHint[]) => hints.push(...more),
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers,
	};
	return ctx as unknown as IExecuteFunctions;
}

export interface PollOptions {
	parameters: IDataObject;
	stored: StoredCredential;
	/** The node's static data (n8n keeps it between polls). */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
	timezone?: string;
	node?: Partial<INode>;
	/** n8n 2.41+'s getPollBudgetMs(); absent when undefined, as before 2.41. */
	pollBudgetMs?: number;
}

/** The IPollFunctions of one poll of a polling trigger, with n8n-core's request helpers. */
export function pollContext(options: PollOptions): IPollFunctions {
	const node: INode = { ...NODE, ...options.node, parameters: options.parameters as INode['parameters'] };
	const additionalData = { credentialsHelper: credentialsHelper(options.stored) };
	const helpers = getRequestHelperFunctions({} as never, node, additionalData as never);
	const get = parameterGetter(options.parameters);
	const ctx = {
		getNode: () => node,
		getMode: () => options.mode ?? 'trigger',
		getNodeParameter: (name: string, fallback?: unknown) => get(name, 0, fallback),
		getCredentials: async () => ({ ...options.stored.data }),
		getTimezone: () => options.timezone ?? 'Asia/Jakarta',
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error('the catch-up trigger keeps node static data only');
			return options.staticData;
		},
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers,
		// n8n 2.41+: what the engine allows a poll before abandoning it (absent before).
		...(options.pollBudgetMs === undefined ? {} : { getPollBudgetMs: () => options.pollBudgetMs }),
	};
	return ctx as unknown as IPollFunctions;
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const hints: NodeExecutionHint[] = [];
	const ctx = executeContext(options, hints);
	const [items] = await new DealPos().execute.call(ctx);
	return { items, hints };
}
