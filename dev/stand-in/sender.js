// @ts-check
'use strict';
// DealPOS's webhook sender, stood in for: posts an event body to the URL a shop pasted, as DealPOS
// documents it (shared dealpos/README.md): waits 30 s for an answer; on 5xx, 408 or 429, or no
// answer at all (timeout, connection refused: DealPOS logs a timeout), retries once 7 s later; then
// drops the delivery for good. Any other answer ends the delivery (2xx delivered, other 4xx lost).

const TIMEOUT_MS = 30_000;
const RETRY_AFTER_MS = 7_000;

/** @param {number | undefined} status */
function retryable(status) {
	return status === undefined || status >= 500 || status === 408 || status === 429;
}

/**
 * @param {string} url
 * @param {unknown} body
 * @param {{ timeoutMs?: number, retryAfterMs?: number }} [options]
 * @returns {Promise<{ delivered: boolean, attempts: Array<{ status?: number, error?: string }> }>}
 */
async function sendAsDealPos(url, body, { timeoutMs = TIMEOUT_MS, retryAfterMs = RETRY_AFTER_MS } = {}) {
	/** @type {Array<{ status?: number, error?: string }>} */
	const attempts = [];
	for (let attempt = 0; attempt < 2; attempt++) {
		if (attempt) await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
		let status;
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
			await res.arrayBuffer();
			status = res.status;
			attempts.push({ status });
		} catch (error) {
			attempts.push({ error: error instanceof Error ? String(error.cause ?? error.message) : String(error) });
		}
		if (!retryable(status)) return { delivered: status !== undefined && status >= 200 && status < 300, attempts };
	}
	return { delivered: false, attempts };
}

module.exports = { sendAsDealPos };
