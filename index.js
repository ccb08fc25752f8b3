'use strict';
// Programmatic entry of n8n-nodes-dealpos: the node and credential classes and the event catalog,
// from dist/ (types: dist/nodes/index.d.ts). n8n itself loads the files listed in package.json "n8n".
module.exports = require('./dist/nodes/index.js');
