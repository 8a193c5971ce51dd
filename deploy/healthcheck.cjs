'use strict';
// The container's HEALTHCHECK: GET /health/live on the port of this container's role (the worker's health
// port, or the API port). The schedules job runs once and exits, so it has nothing to check.
const role = process.env.DOCKET_ROLE || 'all';
if (role === 'schedules') process.exit(0);
const port = role === 'worker' ? process.env.DOCKET_WORKER_PORT || '9091' : process.env.API_PORT || '8080';
const request = require('node:http').get({ host: '127.0.0.1', port, path: '/health/live', timeout: 4000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', () => process.exit(1));
