import { mock } from 'jest-mock-extended';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IWebhookFunctions,
	IHookFunctions,
	NodeTypeAndVersion,
	WebhookType,
} from 'n8n-workflow';

import { findEvent, type DealPosEvent } from '../nodes/DealPosTrigger/catalog';
import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { WEBHOOKS } from '../nodes/DealPosTrigger/webhooks';

const RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

/** The path of a webhook of the node (after `<webhookId>/`), as n8n computes it for `parameters`. */
export function webhookPath(name: string, parameters: IDataObject): string | undefined {
	const description = WEBHOOKS.find((w) => (w.name as string) === name);
	if (!description) return undefined;
	const resolver = (description as unknown as Record<symbol, Record<string, { resolve: (p: IDataObject) => unknown }>>)[RESOLVERS]?.path;
	return String(resolver ? resolver.resolve(parameters) : description.path);
}

/** The webhook n8n routes `/webhook/<webhookId>/<path>` to (undefined: n8n answers 404 itself). */
export function webhookFor(path: string, parameters: IDataObject): WebhookType | undefined {
	return WEBHOOKS.find((w) => webhookPath(w.name, parameters) === path)?.name;
}

export interface FakeRequest {
	/**
	 * The URL's last segment, `{ event: 'created' }`: the call goes to the webhook n8n routes
	 * `<category>/<event>` to (see {@link webhookFor}), unless `webhookName` says otherwise.
	 */
	params?: IDataObject;
	/** The path after `/webhook/<webhookId>/`, when not the node's own category: `invoice/created`. */
	path?: string;
	/** The body as n8n parsed it (what getBodyData() returns; `{}` when absent). */
	body?: unknown;
	/**
	 * The request's raw body (`req.rawBody`, a Buffer in n8n), when it differs from the JSON of
	 * `body`: text n8n did not parse, for example. Default: the JSON text of `body`.
	 */
	rawBody?: string | Buffer;
	/** Content-Type header; `null` sends none. Default `application/json`. */
	contentType?: string | null;
	/**
	 * n8n left the body unread (a node of version 2 and a content type n8n does not parse): the raw
	 * body is only there after the request's `readRawBody()`, n8n's own reader.
	 */
	bodyUnread?: boolean;
	headers?: Record<string, string>;
	ip?: string;
	/** Collects `ip` and `ips` each time the node reads the caller's address from the request. */
	addressReads?: string[];
	/** Node parameters (category, events, customEvents, responseMode, authentication, options). */
	parameters: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	webhookName?: WebhookType;
	mode?: 'manual' | 'webhook';
	timezone?: string;
}

export interface FakeResponse {
	statusCode?: number;
	headers: Record<string, string>;
	body?: string;
}

/** A node of this package as a workflow holds it (parameters are set per test). */
export function packageNode(id: string, name: string, type: string, extra: Partial<INode>): INode {
	return { id, name, type: `n8n-nodes-dealpos.${type}`, typeVersion: 1, position: [0, 0], parameters: {}, ...extra };
}

/** The trigger as a workflow holds it (parameters are set per test). */
export const NODE: INode = packageNode('node-1', 'DealPOS Trigger', 'dealPosTrigger', {
	webhookId: '00000000-0000-4000-8000-000000000001',
});

/** A catalog event by key (the test fails at once when the catalog lacks it). */
export function event(key: string): DealPosEvent {
	const found = findEvent(key);
	if (!found) throw new Error(`no event ${key}`);
	return found;
}

function parameterGetter(parameters: IDataObject) {
	return (name: string, fallback?: unknown) => {
		let value: unknown = parameters;
		for (const part of name.split('.')) {
			value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
		}
		return value === undefined ? fallback : value;
	};
}

/** Calls the trigger's webhook() with an IWebhookFunctions mock built from `req`. */
export async function callWebhook(req: FakeRequest) {
	const response: FakeResponse = { headers: {} };
	const ctx = mock<IWebhookFunctions>();
	const logs: string[] = [];
	const record = (message: string) => {
		logs.push(message);
	};
	(ctx as { logger: unknown }).logger = { warn: record, error: record, info: record, debug: record };
	let rawBody: Buffer | undefined;
	if (typeof req.rawBody === 'string') rawBody = Buffer.from(req.rawBody);
	else if (req.rawBody !== undefined) rawBody = req.rawBody;
	else if (req.body !== undefined) rawBody = Buffer.from(JSON.stringify(req.body));
	const contentType = req.contentType === undefined ? 'application/json' : req.contentType;
	const headers: Record<string, string> = {
		...(contentType === null ? {} : { 'content-type': contentType }),
		...(req.headers ?? {}),
	};
	ctx.getNode.mockReturnValue(NODE);
	ctx.getNodeParameter.mockImplementation(parameterGetter(req.parameters) as never);
	ctx.getParamsData.mockReturnValue(req.params ?? {});
	ctx.getBodyData.mockReturnValue((req.body ?? {}) as IDataObject);
	ctx.getHeaderData.mockReturnValue(headers as never);
	const routed = req.path ?? `${String(req.parameters.category)}/${String(req.params?.event ?? '')}`;
	const webhookName = req.webhookName ?? webhookFor(routed, req.parameters);
	if (!webhookName) throw new Error(`No webhook of the node serves ${routed}: n8n would answer 404`);
	ctx.getWebhookName.mockReturnValue(webhookName);
	ctx.getNodeWebhookUrl.mockImplementation(
		(name) => `http://localhost:5678/webhook/${NODE.webhookId}/${webhookPath(name, req.parameters)}`,
	);
	ctx.getMode.mockReturnValue(req.mode ?? 'webhook');
	ctx.getTimezone.mockReturnValue(req.timezone ?? 'Asia/Jakarta');
	ctx.getCredentials.mockImplementation(async () => {
		if (!req.credentials) throw new Error('Node does not have any credentials set');
		return req.credentials;
	});
	const request: Record<string, unknown> = {
		headers,
		body: req.body,
		rawBody: req.bodyUnread ? undefined : rawBody,
		ip: req.ip ?? '127.0.0.1',
		socket: { remoteAddress: req.ip ?? '127.0.0.1' },
		readRawBody: async () => {
			request.rawBody ??= rawBody;
		},
	};
	if (req.addressReads) {
		const reads = req.addressReads;
		const ip = request.ip;
		Object.defineProperty(request, 'ip', { get: () => (reads.push('ip'), ip) });
		Object.defineProperty(request, 'ips', { get: () => (reads.push('ips'), []) });
	}
	ctx.getRequestObject.mockReturnValue(request as never);
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		writeHead(code: number, h?: Record<string, string>) {
			response.statusCode = code;
			Object.assign(response.headers, h ?? {});
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
		set(h: Record<string, string>) {
			for (const [k, v] of Object.entries(h)) response.headers[k.toLowerCase()] = v;
			return res;
		},
		json(body: unknown) {
			response.body = JSON.stringify(body);
			return res;
		},
		send(body: unknown) {
			response.body = typeof body === 'string' ? body : JSON.stringify(body);
			return res;
		},
		end(body?: unknown) {
			if (body !== undefined) response.body = String(body);
			return res;
		},
	};
	ctx.getResponseObject.mockReturnValue(res as never);
	const node = new DealPosTrigger();
	const result = await node.webhook.call(ctx);
	return { result, response, ctx, logs };
}

/** Calls one of the trigger's webhookMethods (checkExists/create/delete). */
export async function callHook(
	method: 'checkExists' | 'create' | 'delete',
	parameters: IDataObject,
	credentials?: ICredentialDataDecryptedObject,
	/** The nodes after the trigger, as n8n's getChildNodes lists them. */
	children: NodeTypeAndVersion[] = [],
) {
	const ctx = mock<IHookFunctions>();
	ctx.getNode.mockReturnValue(NODE);
	ctx.getChildNodes.mockReturnValue(children);
	ctx.getNodeParameter.mockImplementation(parameterGetter(parameters) as never);
	ctx.getCredentials.mockImplementation(async () => {
		if (!credentials) throw new Error('Node does not have any credentials set');
		return credentials;
	});
	const node = new DealPosTrigger();
	return await node.webhookMethods.setup[method].call(ctx);
}
