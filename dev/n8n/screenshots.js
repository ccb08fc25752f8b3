#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run screenshots`: retakes the README pictures in docs/images/ from the real n8n editor. They
// are taken by the browser test of the newcomer path (dev/e2e/browser/newcomer.browser.test.js, also
// `npm run test:browser` and a CI step), so the pictures show what the test checked:
//
//   docs/images/nodes-panel-actions.png    the nodes panel after searching "DealPOS": one action
//                                          per category ("On invoice event", ...)
//   docs/images/node-events-and-urls.png   the DealPOS Trigger on Invoice Created and Invoice
//                                          Deleted, "Webhook URLs" open on Production URL: one URL
//                                          per selected event
//   docs/images/execution-typed-items.png  the output pane after the invoice.created example was
//                                          posted to the Test URL: the typed item as JSON
//   docs/images/demo-customer-to-crm.png   the demo workflow "DealPOS customer to CRM", published
//
// Needs Debian's Chromium (`sudo apt-get install -y chromium`, or CHROMIUM_PATH); playwright-core
// downloads no browser. Environment: N8N_VERSION (default 2.41.1), DEALPOS_N8N_CACHE,
// SCREENSHOTS_WEBHOOK_URL (the public base URL the editor shows; default https://n8n.example.com/).
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const env = { ...process.env, SCREENSHOTS_DIR: process.env.SCREENSHOTS_DIR || path.join(root, 'docs', 'images') };
const res = spawnSync(process.execPath, ['--test', '--test-reporter=spec', path.join('dev', 'e2e', 'browser')], { cwd: root, stdio: 'inherit', env });
process.exit(res.status === null ? 1 : res.status);
