'use strict';
// Programmatic entry of n8n-nodes-dealpos. n8n itself loads the node and credential files listed
// in package.json "n8n"; this entry is for code that wants the catalog or the classes.
const { DealPosTrigger } = require('./dist/nodes/DealPosTrigger/DealPosTrigger.node.js');
const catalog = require('./dist/nodes/DealPosTrigger/catalog/index.js');

let credentials = {};
try {
	credentials = require('./dist/credentials/DealPosApi.credentials.js');
} catch (error) {
	if (error.code !== 'MODULE_NOT_FOUND') throw error;
}

module.exports = {
	DealPosTrigger,
	...credentials,
	catalog,
	CATEGORIES: catalog.CATEGORIES,
	events: catalog.allEvents(),
};
