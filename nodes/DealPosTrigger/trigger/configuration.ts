/**
 * What the node's parameters and credential say, read through n8n's context, for the webhook and
 * the publish-time checks. A configuration that cannot run becomes a NodeOperationError whose
 * cause is the original error.
 */
import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { authConfigFromCredential, NO_AUTH, type AuthConfig } from '../auth';
import { CUSTOM_EVENT } from '../catalog';
import { resolveSelection, type SelectedEvent } from '../selection';

export type Context = IHookFunctions | IWebhookFunctions;

/** The node's Options collection. */
export interface NodeOptions {
	allowedIps?: string;
	includeHeaders?: boolean;
	onInvalid?: 'continue' | 'fail';
	output?: 'normalised' | 'raw';
	splitLines?: boolean;
	timezone?: string;
}

/** A NodeOperationError with `error` as its cause (its message when it is an Error). */
export function nodeError(ctx: Context, error: unknown, description?: string): NodeOperationError {
	const cause = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(ctx.getNode(), cause, description ? { description } : {});
}

export function readOptions(ctx: Context): NodeOptions {
	return ctx.getNodeParameter('options', {}) as NodeOptions;
}

/** The Timezone option, trimmed; undefined when empty (the workflow's time zone applies). */
export function configuredTimezone(opts: NodeOptions): string | undefined {
	return opts.timezone?.trim() || undefined;
}

export function readCategory(ctx: Context): string {
	return ctx.getNodeParameter('category') as string;
}

/** The events the node listens to (documented and custom); throws when the selection cannot run. */
export function selectedEvents(ctx: Context, category = readCategory(ctx)): SelectedEvent[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	// Custom Event Names count only with Custom Event selected (n8n shows the field only then).
	const custom = events.includes(CUSTOM_EVENT) ? (ctx.getNodeParameter('customEvents', '') as string) : '';
	try {
		return resolveSelection(category, events, custom);
	} catch (error) {
		throw nodeError(ctx, error);
	}
}

/** The configured caller authentication; throws for a credential that cannot be used (empty secret). */
export async function authConfig(ctx: Context): Promise<AuthConfig> {
	if (ctx.getNodeParameter('authentication', 'none') !== 'dealPosWebhookAuthApi') return NO_AUTH;
	try {
		const credential = await ctx.getCredentials<ICredentialDataDecryptedObject>('dealPosWebhookAuthApi');
		return authConfigFromCredential(credential);
	} catch (error) {
		throw nodeError(ctx, error);
	}
}
