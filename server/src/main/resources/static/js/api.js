// Talking to the Planwright REST API from a page: the session's CSRF token, the plan's revision
// (If-Match on every change, the new one taken from each answer), and problems put in words.

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

export const planId = meta('plan-id');
export const canEdit = meta('can-edit') === 'true';
let revision = Number(meta('plan-revision') || 0);

export function currentRevision() { return revision; }
export function setRevision(r) {
  if (!r) return;
  revision = Number(r);
  const shown = document.getElementById('rev-number');
  if (shown) shown.textContent = String(revision);
}

/** Calls the API; resolves to {ok, status, body, revision}. Never throws for HTTP errors. */
export async function call(method, url, body, { ifMatch = false, contentType = 'application/json', raw = false } = {}) {
  const headers = { 'Accept': 'application/json' };
  const csrfHeader = meta('csrf-header');
  if (csrfHeader && method !== 'GET') headers[csrfHeader] = meta('csrf-token');
  // ifMatch: true for the plan this page shows, or the revision of another plan (the plans list)
  if (ifMatch) headers['If-Match'] = `"${ifMatch === true ? revision : ifMatch}"`;
  let payload;
  if (body !== undefined) {
    if (raw) { payload = body; headers['Content-Type'] = contentType; }
    else { payload = JSON.stringify(body); headers['Content-Type'] = contentType; }
  }
  let res;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    return { ok: false, status: 0, body: { detail: 'The server cannot be reached. Check the connection and try again.' } };
  }
  let text = '';
  try {
    text = await res.text();
  } catch (e) {
    // the page is being left (the browser aborts what it was reading) or the connection broke
    return { ok: false, status: 0, body: { detail: 'The answer could not be read: the connection was interrupted. Try again.' } };
  }
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text.slice(0, 300) }; }
  // the ETag is a revision the answer shows whole; Planwright-Revision only names the revision a change made
  const etag = (res.headers.get('ETag') || '').replace(/\D/g, '');
  const made = res.headers.get('Planwright-Revision') || etag;
  if (res.ok && etag) setRevision(etag);
  return { ok: res.ok, status: res.status, body: parsed, revision: etag ? Number(etag) : null, made: made ? Number(made) : null };
}

/** What went wrong, in words a project manager understands. */
export function explain(result) {
  const b = result.body || {};
  switch (result.status) {
    case 0: return b.detail;
    case 401: return 'Your session has ended. Sign in again (your change was not saved).';
    case 403: return b.detail && b.detail.includes('CSRF') ? 'The page is too old to send changes. Reload it and try again.'
      : !b.detail || / of the plan may do this/.test(b.detail) ? 'You may not change this plan: ask an owner to make you an editor.'
      : capitalise(b.detail) + '.';
    case 404: return b.detail ? capitalise(b.detail) + '. Someone may have deleted it: reload the page.' : 'This no longer exists: someone may have deleted it. Reload the page.';
    case 409: return b.currentRevision
      ? `Someone else changed this since you loaded the page (the plan is now at revision ${b.currentRevision}). Reload to see their change, then make yours again.`
      : (b.detail || 'This conflicts with what is there already.');
    case 413: return 'That is too large for the server.';
    case 422: return b.detail ? capitalise(b.detail) + '.' : 'The change would leave the plan with errors.';
    case 428: return 'The page did not say which version it changes. Reload it and try again.';
    default: return b.detail ? capitalise(b.detail) : `The server answered ${result.status}.`;
  }
}

/** The field-level problems: [{field, message}], field being a path such as tasks/t1/duration. */
export function fieldErrors(result) {
  const errors = (result.body && result.body.errors) || [];
  return errors.map(e => typeof e === 'string' ? { field: '', message: e } : e);
}

export function capitalise(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }
