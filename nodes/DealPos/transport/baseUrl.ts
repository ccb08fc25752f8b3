/**
 * Where DealPOS's REST API lives for a shop: `https://<subdomain>.dealpos.net/api/v3`.
 *
 * The credential takes a subdomain (`myshop`) or a full base URL (`https://myshop.dealpos.net/api/v3`,
 * or the tests' and the demo's local stand-in `http://127.0.0.1:4010/api/v3`), used as given.
 * The credential test computes the same URL in an n8n expression ({@link BASE_URL_EXPRESSION}).
 */
export const API_PATH = '/api/v3';

/** The same rule as {@link apiBaseUrl}, for the credential's test request. */
export const BASE_URL_EXPRESSION =
	"={{ String($credentials.subdomain).includes('://') ? String($credentials.subdomain).trim().replace(/\\/+$/, '') : 'https://' + String($credentials.subdomain).trim() + '.dealpos.net/api/v3' }}";

/** The API base URL (no trailing slash) for what the credential holds; throws on an unusable value. */
export function apiBaseUrl(subdomainOrUrl: unknown): string {
	const value = typeof subdomainOrUrl === 'string' ? subdomainOrUrl.trim() : '';
	if (!value) throw new Error('The DealPOS API credential has no subdomain or base URL');
	if (value.includes('://')) {
		if (!/^https?:\/\/[^/\s]+/i.test(value)) throw new Error(`"${value}" is not an http(s) URL`);
		return value.replace(/\/+$/, '');
	}
	if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(value)) {
		throw new Error(
			`"${value}" is not a DealPOS subdomain: enter only the first part of https://<subdomain>.dealpos.net, or a full URL such as https://myshop.dealpos.net/api/v3`,
		);
	}
	return `https://${value}.dealpos.net${API_PATH}`;
}
