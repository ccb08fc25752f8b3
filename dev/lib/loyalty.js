// @ts-check
'use strict';
// Example workflows for DealPOS's synchronous loyalty events, written to examples/ by
// `npm run generate` (dev/generate/examples.js). DealPOS waits (30 s) for these answers and shows them at the till.
const { triggerNode, node, webhookIdFor, SETTINGS } = require('./workflows');

/** A stand-in member table: in a real workflow, a lookup in your loyalty database or a Data table. */
const MEMBERS = { '+628159137777': 1208, '081916296998': 350 };
/** Coupons known to the example coupon workflows. */
const COUPONS = {
	1234: { kind: 'percentage', amount: 50, used: false },
	29466091: { kind: 'value', amount: 100000, used: true },
};

/** @param {string} name @param {string} body @param {number | string} [code] a number or an expression @param {number[]} [position] */
function respond(name, body, code = 200, position = [480, 0]) {
	// Version 1: from 1.1 on, n8n's Respond to Webhook refuses to run unless a core Webhook,
	// Form or Chat trigger precedes it ("No Webhook node found in the workflow").
	return node(`respond-${name}`, name, 'n8n-nodes-base.respondToWebhook', 1, position, {
		respondWith: 'json',
		responseBody: body,
		options: { responseCode: code },
	});
}

function setNode(name, assignments, position = [240, 0], includeOtherFields = true) {
	return node(`set-${name}`, name, 'n8n-nodes-base.set', 3.4, position, {
		assignments: {
			assignments: assignments.map(([n, value, type]) => ({ id: webhookIdFor(`${name}-${n}`), name: n, value, type })),
		},
		includeOtherFields,
		options: {},
	});
}

function chain(tag, name, nodes, sample) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	const pinData = sample ? require('./demo').samplePinData(sample) : {};
	return { id: `dpLoyalty${tag}`.padEnd(16, '0').slice(0, 16), name, nodes, connections, settings: SETTINGS, active: true, pinData };
}

function loyaltyTrigger(tag, category, event, responseMode) {
	return triggerNode({ tag: `loyalty-${tag}`, category, events: [event], responseMode });
}

/** Fetch Loyalty Points: answers {"Point": n} from a member lookup by phone (answer: the last node's item). */
function fetchPoints() {
	return chain('Points', 'DealPOS loyalty: fetch member points', [
		loyaltyTrigger('points', 'loyalty-point', 'fetch-points', 'lastNode'),
		setNode('Answer {"Point": n}', [['Point', `={{ (${JSON.stringify(MEMBERS)})[$json.Phone] ?? 0 }}`, 'number']], [240, 0], false),
	], 'loyalty-point.fetch-points');
}

/** Order Complete: answers {"reward": n}, here 10 % of the sales amount (answer: the last node's item). */
function orderComplete() {
	return chain('Reward', 'DealPOS loyalty: reward on order complete', [
		loyaltyTrigger('reward', 'loyalty-point', 'order-complete', 'lastNode'),
		setNode('Answer {"reward": n}', [['reward', '={{ Math.floor(Number($json.Sales ?? $json.Gross ?? 0) / 10) }}', 'number']], [240, 0], false),
	]);
}

/** Looks a coupon code up in the stand-in coupon table: known, used, kind, amount. */
function couponLookup(codeExpr) {
	// Spaces between braces: "}}" would end the n8n expression early.
	const table = JSON.stringify(COUPONS).replace(/}}/g, "} }");
	return setNode('Look up coupon', [
		['couponKnown', `={{ ${table}[${codeExpr}] !== undefined }}`, 'boolean'],
		['couponUsed', `={{ ${table}[${codeExpr}]?.used === true }}`, 'boolean'],
		['couponKind', `={{ ${table}[${codeExpr}]?.kind ?? "" }}`, 'string'],
		['couponAmount', `={{ ${table}[${codeExpr}]?.amount ?? 0 }}`, 'number'],
	]);
}

const VALID = '$json.couponKnown && !$json.couponUsed';

/** Validate Coupon, External Loyalty App version: 200 with the coupon, or 400 {"status": "used"}. */
function validateCouponOlder() {
	const ok = `{ "Type": $json.couponKind === "percentage" ? "percentageDiscount" : "value", "Amount": $json.couponAmount, "status": "activated", "expiredAt": "2023-03-19T16:59:59.999Z" }`;
	const used = `{ "status": "used", "expiredAt": "2023-03-19T16:59:59.999Z", "Message": "Coupon " + $json.Key + " has been used" }`;
	return chain('CouponA', 'DealPOS loyalty: validate coupon (External Loyalty App)', [
		loyaltyTrigger('coupon-a', 'loyalty-point', 'validate-coupon', 'responseNode'),
		couponLookup('$json.Key'),
		respond('Answer DealPOS', `={{ JSON.stringify(${VALID} ? ${ok} : ${used}) }}`, `={{ ${VALID} ? 200 : 400 }}`),
	], 'loyalty-point.validate-coupon');
}

/** Validate Coupon, Promotion Coupon Provider version: {"Type", "Amount", "Notification"}. */
function validateCouponNewer() {
	const ok = `{ "Type": $json.couponKind === "percentage" ? "Percentage" : "Amount", "Amount": $json.couponAmount, "Notification": "Coupon " + $json.Code + " applied" }`;
	const refused = `{ "Type": "Amount", "Amount": 0, "Notification": "Coupon " + $json.Code + " is not valid" }`;
	return chain('CouponB', 'DealPOS coupon provider: validate coupon', [
		loyaltyTrigger('coupon-b', 'loyalty-provider', 'validate-coupon', 'responseNode'),
		couponLookup('$json.Code'),
		respond('Answer DealPOS', `={{ JSON.stringify(${VALID} ? ${ok} : ${refused}) }}`),
	], 'loyalty-provider.validate-coupon');
}

function loyaltyWorkflows() {
	return {
		'loyalty-fetch-points.json': fetchPoints(),
		'loyalty-order-complete.json': orderComplete(),
		'loyalty-validate-coupon-external-app.json': validateCouponOlder(),
		'loyalty-validate-coupon-provider.json': validateCouponNewer(),
	};
}

module.exports = { loyaltyWorkflows, MEMBERS, COUPONS };
