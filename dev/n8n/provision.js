#!/usr/bin/env node
// @ts-check
'use strict';
// Provisions (or finds in the cache) an n8n and the Node.js it needs: `node dev/n8n/provision.js [VERSION]`.
const { ensureN8n, DEFAULT_VERSION, parseCli } = require('../lib');

const version = parseCli({}, { positionals: true }).positionals[0] || process.env.N8N_VERSION || DEFAULT_VERSION;
const info = ensureN8n(version);
process.stderr.write(`[n8n-setup] n8n ${info.version} ready: ${info.n8nBin} (node ${info.nodeBin})\n`);
