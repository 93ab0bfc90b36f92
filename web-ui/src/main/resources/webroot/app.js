// Dialtone installer dashboard: login, then the site's status, refreshed every second.
'use strict';

const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);
let csrfToken = sessionStorage.getItem('csrfToken');
let pollTimer = null;

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
  if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { data });
  return data;
}

function showLogin() {
  clearTimeout(pollTimer);
  $('dashboard').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('password').focus();
}

function showDashboard() {
  $('login').hidden = true;
  $('dashboard').hidden = false;
  $('logout').hidden = false;
  poll();
}

async function poll() {
  clearTimeout(pollTimer);
  try {
    render(await api('GET', '/status'));
  } catch (e) {
    if (e.data && e.data.error === 'unauthorized') return;
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

function setState(id, state, text) {
  const el = $(id);
  el.dataset.state = state || 'unknown';
  el.textContent = text;
}

const UPLINK_NAMES = { primary: 'the Internet line', lte: 'the LTE backup', none: 'no uplink' };
const MODE_NAMES = { auto: 'automatic failover', 'force-primary': 'forced to the Internet line', 'force-lte': 'forced to LTE' };
const or = (value, fallback) => (value === null || value === undefined ? fallback : value);

function render(s) {
  $('site').textContent = [s.site.name, s.site.deviceId].filter(Boolean).join(' · ');
  $('simulated').hidden = !s.simulated;
  $('active-uplink').textContent = UPLINK_NAMES[s.activeUplink] || s.activeUplink;
  $('mode').textContent = MODE_NAMES[s.mode] || s.mode;
  const calls = s.failover.activeCalls;
  $('failover-reason').textContent = ' · ' + s.failover.reason + (calls > 0 ? ' · ' + calls + ' call(s) in progress' : '');


  setState('primary-state', s.primary.state, s.primary.state);
  $('primary-loss').textContent = s.primary.lossPercent === null ? '–' : s.primary.lossPercent.toFixed(0) + ' %';
  $('primary-latency').textContent = s.primary.latencyMs === null ? '–' : s.primary.latencyMs + ' ms';
  $('primary-last').textContent = s.primary.lastProbe ? new Date(s.primary.lastProbe).toLocaleTimeString() : '–';

  setState('lte-state', s.lte.state, s.lte.state);
  const bars = s.lte.signal.bars;
  $('lte-bars').setAttribute('aria-label', 'signal: ' + bars + ' of 5 bars');
  [...$('lte-bars').children].forEach((bar, i) => bar.classList.toggle('on', i < bars));
  $('lte-operator').textContent = or(s.lte.operator, 'unknown');
  $('lte-registration').textContent = or(s.lte.registration, 'unknown');
  $('lte-rsrp').textContent = s.lte.signal.rsrpDbm === null ? 'unknown' : s.lte.signal.rsrpDbm + ' dBm';

  renderUsage(s.usage);
  const e911 = s.e911.status;
  setState('e911-state', e911, e911);
  $('e911-banner').hidden = e911 === 'registered';
  $('e911-banner').textContent = e911 === 'unverified'
    ? '911: the box may have moved. Confirm the registered address before relying on 911.'
    : '911: no location is registered for this site yet.';
  setState('mqtt-state', s.mqtt.connected ? 'connected' : 'disconnected', s.mqtt.connected ? 'connected' : 'not connected');
  renderEmail(s.notifications);
  $('sim').hidden = !s.simulated;
}

function renderEmail(n) {
  if (!n.enabled) {
    setState('email-state', 'off', 'not set up');
  } else if (n.lastError) {
    setState('email-state', 'failing', n.pending + ' waiting: ' + n.lastError);
  } else {
    setState('email-state', 'ok', n.pending > 0 ? n.pending + ' waiting' : 'working');
  }
}

function renderUsage(usage) {
  const gb = (bytes) => (bytes / 1e9).toFixed(2) + ' GB';
  if (usage.cycleBytes === null) {
    $('usage-text').textContent = 'not metered yet · plan ' + gb(usage.capBytes);
    $('usage-fill').style.width = '0';
    return;
  }
  const share = usage.cycleBytes / usage.capBytes;
  $('usage-text').textContent = gb(usage.cycleBytes) + ' of ' + gb(usage.capBytes);
  $('usage-fill').style.width = Math.min(100, share * 100).toFixed(1) + '%';
  $('usage-fill').classList.toggle('over', share >= 1);
}

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

function wire() {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    try {
      const session = await api('POST', '/session', { password: $('password').value });
      csrfToken = session.csrfToken;
      sessionStorage.setItem('csrfToken', csrfToken);
      $('password').value = '';
      showDashboard();
    } catch (e) {
      $('login-error').textContent = e.message;
    }
  });
  $('logout').addEventListener('click', async () => {
    await api('DELETE', '/session').catch(() => {});
    sessionStorage.removeItem('csrfToken');
    csrfToken = null;
    showLogin();
  });
  document.querySelectorAll('[data-primary]').forEach((button) => button.addEventListener('click', () =>
    simulate('primary', { state: button.dataset.primary, lossPercent: Number($('sim-loss').value) })));
  const lte = () => simulate('lte', { registered: $('sim-registered').checked, signalBars: Number($('sim-bars').value) });
  $('sim-registered').addEventListener('change', lte);
  $('sim-bars').addEventListener('change', lte);
  const modem = () => simulate('modem', { present: $('sim-modem-present').checked, fault: $('sim-modem-fault').value });
  $('sim-modem-present').addEventListener('change', modem);
  $('sim-modem-fault').addEventListener('change', modem);
  $('email-test').addEventListener('click', async () => {
    try {
      const queued = await api('POST', '/notify/test');
      $('email-test-result').textContent = 'Queued for ' + queued.recipients.join(', ') + '; watch the state above.';
    } catch (e) {
      $('email-test-result').textContent = e.message;
    }
  });
  $('sim-calls-set').addEventListener('click', () => simulate('calls', { active: Number($('sim-calls').value) }));
  document.querySelectorAll('[data-advance]').forEach((button) => button.addEventListener('click', () =>
    simulate('clock', { advanceSeconds: Number(button.dataset.advance) })));
  document.addEventListener('visibilitychange', () => { if (!document.hidden && !$('dashboard').hidden) poll(); });
}

wire();
api('GET', '/status').then((s) => { showDashboard(); render(s); }).catch(() => showLogin());
