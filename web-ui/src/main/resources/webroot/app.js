// Dialtone installer pages: first start or login, then status, setup, antenna placement, events,
// the failover test with its printable report, and the diagnostics bundle. No framework: every
// value reaches the page through textContent or an SVG attribute, never as HTML.
'use strict';

const POLL_MS = 1000;
const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const or = (value, fallback) => (value === null || value === undefined ? fallback : value);
const gb = (bytes) => (bytes / 1e9).toFixed(2) + ' GB';
let csrfToken = sessionStorage.getItem('csrfToken');
let pollTimer = null;
let lastStatus = null;
let lastTest = null;

// ---- API -----------------------------------------------------------------------------------

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/session') showLogin();
  if (response.status === 403 && data.error === 'csrf') {
    // a tab opened on a session whose token it never saw: log in again here
    showLogin();
    $('login-error').textContent = 'Please log in again in this tab.';
  }
  if (!response.ok) {
    const error = new Error(data.message || response.statusText || 'HTTP ' + response.status);
    throw Object.assign(error, { data, status: response.status, retryAfter: response.headers.get('Retry-After') });
  }
  return data;
}

// ---- first start, login, logout ------------------------------------------------------------

function showOnly(id) {
  ['first-start', 'login'].forEach((other) => { $(other).hidden = other !== id; });
}

function showLogin() {
  clearTimeout(pollTimer);
  stopAntennaPoll();
  $('tabs').hidden = true;
  $('logout').hidden = true;
  $('report').hidden = true;
  document.querySelectorAll('.panel').forEach((panel) => { panel.hidden = true; });
  showOnly('login');
  $('password').focus();
}

function showFirstStart() {
  showLogin();
  showOnly('first-start');
  $('new-password').focus();
}

function showApp() {
  showOnly(null);
  $('tabs').hidden = false;
  $('logout').hidden = false;
  showTab(location.hash.slice(1) || 'dashboard');
  poll();
}

function loginMessage(e) {
  if (e.status === 429) {
    return 'Too many attempts. Wait ' + waitText(Number(e.retryAfter)) + ', then try again.';
  }
  return e.message;
}

function waitText(seconds) {
  if (!(seconds > 0)) return 'a while';
  if (seconds === 1) return '1 second';
  if (seconds < 120) return seconds + ' seconds';
  return Math.ceil(seconds / 60) + ' minutes';
}

async function logIn(password) {
  const session = await api('POST', '/session', { password });
  csrfToken = session.csrfToken;
  sessionStorage.setItem('csrfToken', csrfToken);
}

async function start() {
  try {
    const session = await api('GET', '/session');
    if (session.passwordSet === false) return showFirstStart();
    if (session.loggedIn === false) return showLogin();
  } catch (e) {
    // an agent without the first-start endpoint: the status says whether we are logged in
  }
  api('GET', '/status').then((s) => { showApp(); render(s); }).catch(() => showLogin());
}

// ---- tabs ----------------------------------------------------------------------------------

const TABS = ['dashboard', 'setup', 'antenna', 'events', 'test', 'diagnostics'];

function showTab(name) {
  if (!TABS.includes(name)) name = 'dashboard';
  $('report').hidden = true;
  TABS.forEach((tab) => { $(tab).hidden = tab !== name; });
  document.querySelectorAll('[data-tab]').forEach((button) => {
    if (button.dataset.tab === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  });
  if (location.hash.slice(1) !== name) history.replaceState(null, '', '#' + name);
  if (name === 'dashboard') loadUsage();
  if (name === 'setup') loadSetup();
  if (name === 'events') loadEvents(false);
  if (name === 'test') loadTest();
  if (name === 'antenna') loadAntenna(); else stopAntennaPoll();
}

// ---- status --------------------------------------------------------------------------------

async function poll() {
  clearTimeout(pollTimer);
  try {
    render(await api('GET', '/status'));
  } catch (e) {
    if (e.status === 401) return;
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

function setState(id, state, text) {
  const el = $(id);
  el.dataset.state = state || 'unknown';
  el.textContent = text;
}

function setBars(svg, bars) {
  svg.setAttribute('aria-label', 'signal: ' + bars + ' of 5 bars');
  [...svg.querySelectorAll('rect')].forEach((bar, i) => bar.classList.toggle('on', i < bars));
}

const UPLINK_NAMES = { primary: 'the Internet line', lte: 'the LTE backup', none: 'no uplink' };
const MODE_NAMES = { auto: 'automatic failover', 'force-primary': 'forced to the Internet line', 'force-lte': 'forced to LTE' };

function render(s) {
  lastStatus = s;
  $('site').textContent = [s.site.name, s.site.deviceId].filter(Boolean).join(' · ');
  $('simulated').hidden = !s.simulated;
  $('active-uplink').textContent = UPLINK_NAMES[s.activeUplink] || s.activeUplink;
  $('active-uplink').dataset.uplink = s.activeUplink;
  $('mode').textContent = MODE_NAMES[s.mode] || s.mode;
  const calls = s.failover.activeCalls;
  $('failover-reason').textContent = ' · ' + s.failover.reason + (calls > 0 ? ' · ' + calls + ' call(s) in progress' : '');

  setState('primary-state', s.primary.state, s.primary.state);
  $('primary-loss').textContent = s.primary.lossPercent === null ? '–' : s.primary.lossPercent.toFixed(0) + ' %';
  $('primary-latency').textContent = s.primary.latencyMs === null ? '–' : s.primary.latencyMs + ' ms';
  $('primary-last').textContent = s.primary.lastProbe ? new Date(s.primary.lastProbe).toLocaleTimeString() : '–';

  setState('lte-state', s.lte.state, s.lte.state);
  setBars($('lte-bars'), s.lte.signal.bars);
  $('lte-operator').textContent = or(s.lte.operator, 'unknown');
  $('lte-registration').textContent = or(s.lte.registration, 'unknown');
  $('lte-rsrp').textContent = s.lte.signal.rsrpDbm === null ? 'unknown' : s.lte.signal.rsrpDbm + ' dBm';

  renderGauge(s.usage);
  const e911 = s.e911.status;
  setState('e911-state', e911, e911);
  $('e911-banner').hidden = e911 === 'registered';
  $('e911-banner').textContent = e911 === 'unverified'
    ? '911: the box may have moved. Confirm the registered address before relying on 911.'
    : '911: no location is registered for this site yet.';
  setState('mqtt-state', s.mqtt.connected ? 'connected' : 'disconnected', s.mqtt.connected ? 'connected' : 'not connected');
  renderEmail(s.notifications);
  renderAlerts(s);
  $('sim').hidden = !s.simulated;
}

function renderEmail(n) {
  let state = ['ok', n.pending > 0 ? n.pending + ' waiting' : 'working'];
  if (!n.enabled) state = ['off', 'not set up'];
  else if (n.lastError) state = ['failing', n.pending + ' waiting: ' + n.lastError];
  setState('email-state', state[0], state[1]);
  $('setup-email-state').textContent = state[1];
}

function renderAlerts(s) {
  const alerts = [];
  if (s.activeUplink === 'lte') alerts.push('The Internet line is down: phones run on the LTE backup (' + s.failover.reason + ').');
  if (s.activeUplink === 'none') alerts.push('No uplink works: phones cannot call out.');
  if (s.lte.state === 'unavailable') alerts.push('The LTE backup is not available: no failover is possible.');
  if (s.lte.modem && s.lte.modem.sim && !['ready', 'unknown'].includes(s.lte.modem.sim)) alerts.push('SIM: ' + s.lte.modem.sim + '.');
  if (s.usage.cycleBytes !== null && s.usage.forecastBytes > s.usage.capBytes) alerts.push('LTE data is forecast to exceed the plan this cycle.');
  if (!s.policy.applied) alerts.push('The voice-only policy for LTE is not in force.');
  if (s.notifications.lastError) alerts.push('E-mail notices fail: ' + s.notifications.lastError);
  const list = $('alerts');
  list.replaceChildren(...alerts.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  list.hidden = alerts.length === 0;
}

function renderGauge(usage) {
  const known = usage.cycleBytes !== null;
  const share = known ? usage.cycleBytes / usage.capBytes : 0;
  $('usage-arc').setAttribute('stroke-dasharray', Math.min(100, share * 100).toFixed(1) + ' 100');
  $('usage-arc').classList.toggle('over', share >= 1);
  $('usage-percent').textContent = known ? Math.round(share * 100) + ' %' : '–';
  $('usage-gauge').setAttribute('aria-label', known ? 'usage: ' + Math.round(share * 100) + ' % of the plan' : 'usage: not metered yet');
  $('usage-text').textContent = known ? gb(usage.cycleBytes) + ' of ' + gb(usage.capBytes) : 'not metered yet · plan ' + gb(usage.capBytes);
}

async function loadUsage() {
  try {
    renderUsage(await api('GET', '/usage'));
  } catch (e) {
    $('usage-forecast').textContent = e.message;
  }
}

function svg(name, attributes, title) {
  const el = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => el.setAttribute(key, value));
  if (title) el.appendChild(Object.assign(document.createElementNS(SVG, 'title'), { textContent: title }));
  return el;
}

// The cycle day by day: bars are the running total at each day's end, the dashed line runs to the
// forecast at the cycle's end, the red line is the cap.
function renderUsage(u) {
  $('usage-forecast').textContent = 'Forecast for the cycle: ' + gb(u.forecastBytes)
    + (u.projectedOverageGb > 0 ? ' (' + u.projectedOverageGb + ' GB over: about $' + u.projectedOverageCost + ')' : ' (within the plan)')
    + ' · about ' + u.minutesLeft + ' talk minutes left · cycle ends ' + new Date(u.cycleEnd).toLocaleDateString();
  const start = Date.parse(u.cycleStart);
  const days = Math.max(1, Math.round((Date.parse(u.cycleEnd) - start) / 86400000));
  const top = Math.max(u.capBytes, u.forecastBytes, u.usedBytes) * 1.1;
  const W = 320, H = 120, step = W / days;
  const y = (bytes) => H - (bytes / top) * H;
  const chart = $('usage-chart');
  const parts = [];
  let total = 0, lastX = 0;
  u.daily.forEach((day) => {
    total += day.bytes;
    const index = Math.round((Date.parse(day.at + 'T12:00:00') - start) / 86400000);
    const x = Math.min(days - 1, Math.max(0, index)) * step;
    lastX = x + step;
    parts.push(svg('rect', { class: 'day', x: x + 1, y: y(total), width: Math.max(1, step - 2), height: H - y(total) },
      day.at + ': ' + gb(day.bytes) + ' (total ' + gb(total) + ')'));
  });
  parts.push(svg('line', { class: 'cap', x1: 0, x2: W, y1: y(u.capBytes), y2: y(u.capBytes) }, 'plan cap ' + gb(u.capBytes)));
  parts.push(svg('line', { class: 'forecast', x1: lastX, x2: W, y1: y(u.usedBytes), y2: y(u.forecastBytes) }, 'forecast ' + gb(u.forecastBytes)));
  chart.replaceChildren(...parts);
  chart.setAttribute('aria-label', 'LTE data this cycle: ' + gb(u.usedBytes) + ' used over ' + u.daily.length
    + ' day(s), forecast ' + gb(u.forecastBytes) + ', cap ' + gb(u.capBytes));
}

// ---- forms with field errors -----------------------------------------------------------------

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => p.remove());
  form.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

// Every field error next to its field; the rest in the form's general message.
function showErrors(form, e, generalId) {
  const fieldErrors = (e.data && e.data.fieldErrors) || {};
  const rest = [];
  Object.entries(fieldErrors).forEach(([name, message]) => {
    const input = form.elements[name];
    if (!input) { rest.push(name + ': ' + message); return; }
    const p = Object.assign(document.createElement('p'), { className: 'error field-error', id: input.id + '-error', textContent: message });
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', p.id);
    input.closest('.field').appendChild(p);
  });
  const count = Object.keys(fieldErrors).length;
  $(generalId).textContent = count > 0
    ? 'Please correct ' + count + ' field(s).' + (rest.length ? ' ' + rest.join('; ') : '')
    : e.message;
  const first = form.querySelector('[aria-invalid]');
  if (first) first.focus();
}

async function submitForm(form, method, path, body, errorId, savedId, savedText) {
  clearErrors(form);
  $(errorId).textContent = '';
  $(savedId).textContent = '';
  try {
    const answer = await api(method, path, body);
    $(savedId).textContent = savedText;
    return answer;
  } catch (e) {
    showErrors(form, e, errorId);
    return null;
  }
}

// ---- setup ---------------------------------------------------------------------------------

const LOCATION_FIELDS = ['houseNumber', 'houseNumberSuffix', 'prefixDirectional', 'streetName', 'streetSuffix',
  'postDirectional', 'building', 'floor', 'suite', 'room', 'city', 'county', 'state', 'zip', 'country',
  'locationNote', 'callbackNumber'];

function renderLocation(report) {
  $('location-status').textContent = report.status;
  $('location-line').textContent = report.oneLine ? '· ' + report.oneLine : '';
  $('location-confirm').hidden = report.status !== 'unverified';
  const form = $('location-form');
  if (report.location) {
    LOCATION_FIELDS.forEach((name) => { form.elements[name].value = or(report.location[name], ''); });
    form.elements.multiStorey.checked = report.location.multiStorey === true;
  }
}

let effectiveConfig = {};

async function loadSetup() {
  api('GET', '/location').then(renderLocation).catch((e) => { $('location-error').textContent = e.message; });
  api('GET', '/modem/settings').then(renderLteSettings).catch((e) => { $('lte-error').textContent = e.message; });
  try {
    const config = await api('GET', '/config');
    effectiveConfig = config.keys;
    Array.from($('site-form').elements).filter((input) => input.name).forEach((input) => {
      input.value = or((config.keys[input.name] || {}).value, '');
    });
    $('config-table').tBodies[0].replaceChildren(...Object.entries(config.keys).map(([key, entry]) => {
      const row = document.createElement('tr');
      [key, or(entry.value, '(not set)'), entry.source].forEach((text) =>
        row.appendChild(Object.assign(document.createElement('td'), { textContent: text })));
      return row;
    }));
  } catch (e) {
    $('config-error').textContent = e.message;
  }
}

function renderLteSettings(s) {
  const form = $('lte-form');
  form.elements.apn.value = or(s.apn, '');
  form.elements.apnUser.value = or(s.apnUser, '');
  form.elements.roamingAllowed.checked = s.roamingAllowed;
  form.elements.apnPassword.value = '';
  form.elements.simPin.value = '';
  $('lte-apnPassword-set').textContent = s.apnPasswordSet ? '(set)' : '';
  $('lte-simPin-set').textContent = s.simPinSet ? '(set)' : '';
}

async function saveLocation(event) {
  event.preventDefault();
  const form = $('location-form');
  const body = {};
  LOCATION_FIELDS.forEach((name) => { if (form.elements[name].value.trim() !== '') body[name] = form.elements[name].value.trim(); });
  body.multiStorey = form.elements.multiStorey.checked;
  const report = await submitForm(form, 'PUT', '/location', body, 'location-error', 'location-saved', 'Saved: this is the registered 911 location.');
  if (report) renderLocation(report);
}

async function saveLte(event) {
  event.preventDefault();
  const form = $('lte-form');
  const body = { apn: form.elements.apn.value.trim(), apnUser: form.elements.apnUser.value.trim(), roamingAllowed: form.elements.roamingAllowed.checked };
  if (form.elements.apnPassword.value) body.apnPassword = form.elements.apnPassword.value;
  if (form.elements.simPin.value) body.simPin = form.elements.simPin.value;
  const settings = await submitForm(form, 'PUT', '/modem/settings', body, 'lte-error', 'lte-saved', 'Saved: the modem takes them within seconds.');
  if (settings) renderLteSettings(settings);
}

// Only what the installer changed: a new value is set, an emptied one goes back to the provider's.
async function saveSite(event) {
  event.preventDefault();
  const form = $('site-form');
  const body = { set: {}, unset: [] };
  Array.from(form.elements).filter((input) => input.name).forEach((input) => {
    const value = input.value.trim();
    if (value === or((effectiveConfig[input.name] || {}).value, '')) return;
    if (value === '') body.unset.push(input.name); else body.set[input.name] = value;
  });
  const answer = await submitForm(form, 'PUT', '/config', body, 'site-error', 'site-saved', 'Nothing changed.');
  if (answer && answer.restarting) {
    $('site-saved').textContent = 'Saved as configuration version ' + answer.version + '. The agent restarts to apply it; log in again in a few seconds.';
  }
}

// ---- antenna placement ---------------------------------------------------------------------

let antennaTimer = null;

function stopAntennaPoll() {
  clearTimeout(antennaTimer);
  antennaTimer = null;
}

const db = (value, unit) => (value === null || value === undefined ? '–' : value + ' ' + unit);

function renderAntenna(a) {
  $('antenna-toggle').textContent = a.active ? 'Stop placement mode' : 'Start placement mode';
  $('antenna-toggle').setAttribute('aria-pressed', String(a.active));
  $('antenna-until').textContent = a.active ? 'On until ' + new Date(a.until).toLocaleTimeString() : 'Off';
  const now = a.readings[0];
  setBars($('antenna-bars'), now ? now.bars : 0);
  $('antenna-verdict').textContent = or(a.verdict, '–');
  $('antenna-rsrp').textContent = now ? db(now.rsrpDbm, 'dBm') : '–';
  $('antenna-rsrq').textContent = now ? db(now.rsrqDb, 'dB') : '–';
  $('antenna-sinr').textContent = now ? db(now.sinrDb, 'dB') : '–';
  $('antenna-best').textContent = a.best ? a.best.bars + ' bars, ' + db(a.best.rsrpDbm, 'dBm') : '–';
}

async function loadAntenna() {
  stopAntennaPoll();
  try {
    const report = await api('GET', '/modem/antenna');
    renderAntenna(report);
    $('antenna-error').textContent = '';
  } catch (e) {
    $('antenna-error').textContent = e.message;
  }
  if (!$('antenna').hidden) antennaTimer = setTimeout(loadAntenna, POLL_MS);
}

async function toggleAntenna() {
  const active = $('antenna-toggle').getAttribute('aria-pressed') !== 'true';
  try {
    renderAntenna(await api('PUT', '/modem/antenna', { active }));
  } catch (e) {
    $('antenna-error').textContent = e.message;
  }
}

// ---- events --------------------------------------------------------------------------------

let eventsNext = null;

async function loadEvents(more) {
  const form = $('events-form');
  const query = new URLSearchParams({ limit: '50' });
  ['severity', 'type', 'text'].forEach((name) => { if (form.elements[name].value.trim()) query.set(name, form.elements[name].value.trim()); });
  if (more && eventsNext) query.set('before', eventsNext);
  clearErrors(form);
  $('events-error').textContent = '';
  try {
    const page = await api('GET', '/events?' + query);
    const items = page.events.map((e) => {
      const li = document.createElement('li');
      li.dataset.severity = e.severity;
      const time = Object.assign(document.createElement('time'), { dateTime: e.at, textContent: new Date(e.at).toLocaleString() });
      const tag = Object.assign(document.createElement('span'), { className: 'tag', textContent: e.severity + ' · ' + e.type });
      li.append(time, tag, Object.assign(document.createElement('span'), { textContent: e.message }));
      return li;
    });
    if (more) $('events-list').append(...items); else $('events-list').replaceChildren(...items);
    if (!more && items.length === 0) $('events-list').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No events match.' }));
    eventsNext = page.next;
    $('events-more').hidden = page.next === null;
  } catch (e) {
    showErrors(form, e, 'events-error');
  }
}

// ---- failover test and report --------------------------------------------------------------

let testTimer = null;
const seconds = (ms) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(1) + ' s');

function renderTest(t) {
  lastTest = t;
  const words = { running: 'Running…', passed: 'Passed', failed: 'Failed' };
  setState('test-state', t.state, words[t.state] || t.state);
  $('test-step').textContent = t.step + (t.problems.length ? ' · ' + t.problems.join('; ') : '');
  $('test-progress').hidden = t.state !== 'running';
  $('test-start').disabled = t.state === 'running';
  $('report-open').hidden = t.state === 'running';
}

async function loadTest() {
  clearTimeout(testTimer);
  try {
    const test = await api('GET', '/failover-test');
    renderTest(test);
    if (test.state === 'running') testTimer = setTimeout(loadTest, POLL_MS);
  } catch (e) {
    if (e.status !== 404) $('test-error').textContent = e.message;
  }
}

async function startTest() {
  $('test-error').textContent = '';
  try {
    renderTest(await api('POST', '/failover-test'));
    testTimer = setTimeout(loadTest, POLL_MS);
  } catch (e) {
    $('test-error').textContent = e.message;
  }
}

async function openReport() {
  const s = lastStatus || await api('GET', '/status');
  const place = await api('GET', '/location').catch(() => null);
  const t = lastTest;
  const set = (id, text) => { $(id).textContent = or(text, '–'); };
  set('r-site', s.site.name);
  set('r-device', s.site.deviceId);
  set('r-date', new Date().toLocaleString());
  set('r-installer', $('installer-name').value.trim() || '(not given)');
  set('r-location', place && place.oneLine);
  set('r-e911', s.e911.status);
  set('r-carrier', [t && t.operator, s.lte.technology].filter(Boolean).join(' · '));
  set('r-signal', t && t.signalBars !== null ? t.signalBars + ' of 5 bars' + (t.rsrpDbm !== null ? ', RSRP ' + t.rsrpDbm + ' dBm' : '') : null);
  set('r-result', t && t.state);
  set('r-started', t && t.startedAt && new Date(t.startedAt).toLocaleString());
  set('r-detection', t && seconds(t.detectionMs));
  set('r-sbc', t && (t.sbcViaLte ? 'yes, in ' + seconds(t.sbcViaLteMs) : 'no'));
  set('r-failback', t && seconds(t.failbackMs));
  set('r-problems', t && (t.problems.length ? t.problems.join('; ') : 'none'));
  set('r-mode', MODE_NAMES[s.mode] || s.mode);
  set('r-policy', s.policy.applied
    ? 'voice only: SIP and media to ' + s.policy.sbcAddresses + ' provider address(es); all else blocked'
    : 'voice-only policy NOT in force');
  set('r-plan', gb(s.usage.capBytes) + ' per cycle' + (s.usage.cycleBytes !== null ? ', ' + gb(s.usage.cycleBytes) + ' used' : ''));
  TABS.forEach((tab) => { $(tab).hidden = true; });
  $('report').hidden = false;
  $('report-print').focus();
}

// ---- simulator -----------------------------------------------------------------------------

async function simulate(path, body) {
  $('sim-error').textContent = '';
  try {
    const state = await api('POST', '/sim/' + path, body);
    $('sim-clock').textContent = 'site time ' + new Date(state.clock).toLocaleString();
    poll();
  } catch (e) {
    const fields = e.data && e.data.fieldErrors ? Object.entries(e.data.fieldErrors).map((f) => f.join(': ')) : [];
    $('sim-error').textContent = [e.message, ...fields].join(' — ');
  }
}

// ---- wiring --------------------------------------------------------------------------------

function on(id, type, handler) {
  $(id).addEventListener(type, handler);
}

function wireSession() {
  on('login-form', 'submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    try {
      await logIn($('password').value);
      $('password').value = '';
      showApp();
    } catch (e) {
      $('login-error').textContent = loginMessage(e);
    }
  });
  on('setup-password-form', 'submit', async (event) => {
    event.preventDefault();
    const password = $('new-password').value;
    $('setup-password-error').textContent = '';
    $('err-new-password').textContent = '';
    if (password !== $('new-password-again').value) {
      $('err-new-password').textContent = 'The two passwords differ.';
      return;
    }
    try {
      await api('POST', '/setup/password', { password });
      await logIn(password);
      showApp();
    } catch (e) {
      if (e.status === 409) { showLogin(); $('login-error').textContent = 'The password is already set: log in with it.'; return; }
      const fieldErrors = (e.data && e.data.fieldErrors) || {};
      $('err-new-password').textContent = fieldErrors.password || '';
      $('setup-password-error').textContent = loginMessage(e);
    }
  });
  on('logout', 'click', async () => {
    await api('DELETE', '/session').catch(() => {});
    sessionStorage.removeItem('csrfToken');
    csrfToken = null;
    showLogin();
  });
}

function wireSimulator() {
  document.querySelectorAll('[data-primary]').forEach((button) => button.addEventListener('click', () =>
    simulate('primary', { state: button.dataset.primary, lossPercent: Number($('sim-loss').value) })));
  const lte = () => simulate('lte', { registered: $('sim-registered').checked, signalBars: Number($('sim-bars').value) });
  on('sim-registered', 'change', lte);
  on('sim-bars', 'change', lte);
  const modem = () => simulate('modem', { present: $('sim-modem-present').checked, fault: $('sim-modem-fault').value });
  on('sim-modem-present', 'change', modem);
  on('sim-modem-fault', 'change', modem);
  on('sim-calls-set', 'click', () => simulate('calls', { active: Number($('sim-calls').value) }));
  document.querySelectorAll('[data-advance]').forEach((button) => button.addEventListener('click', () =>
    simulate('clock', { advanceSeconds: Number(button.dataset.advance) })));
}

function wire() {
  wireSession();
  wireSimulator();
  document.querySelectorAll('[data-tab]').forEach((button) => button.addEventListener('click', () => showTab(button.dataset.tab)));
  on('email-test', 'click', async () => {
    try {
      const queued = await api('POST', '/notify/test');
      $('email-test-result').textContent = 'Queued for ' + queued.recipients.join(', ') + '; watch the state above.';
    } catch (e) {
      $('email-test-result').textContent = e.message;
    }
  });
  on('location-form', 'submit', saveLocation);
  on('location-confirm', 'click', async () => {
    const report = await submitForm($('location-form'), 'POST', '/location/confirm', undefined, 'location-error', 'location-saved', 'Confirmed.');
    if (report) renderLocation(report);
  });
  on('lte-form', 'submit', saveLte);
  on('site-form', 'submit', saveSite);
  on('antenna-toggle', 'click', toggleAntenna);
  on('events-form', 'submit', (event) => { event.preventDefault(); loadEvents(false); });
  on('events-more', 'click', () => loadEvents(true));
  on('test-start', 'click', startTest);
  on('report-open', 'click', openReport);
  on('report-print', 'click', () => window.print());
  on('report-close', 'click', () => showTab('test'));
  document.addEventListener('visibilitychange', () => { if (!document.hidden && !$('tabs').hidden) poll(); });
}

wire();
start();
