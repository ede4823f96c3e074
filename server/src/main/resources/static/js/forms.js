// Forms that change the plan through the REST API. A form with data-api sends its named fields as
// JSON (data-method: POST, PUT or PATCH; data-if-match: the page's revision), then reloads the page
// or goes where data-then says. Problems are shown next to the fields they concern, a conflict (409)
// says what happened and how to go on. Buttons with data-delete delete after a confirmation.
import { call, explain, fieldErrors } from './api.js';

function valueOf(input) {
  const type = input.dataset.type;
  if (input.type === 'checkbox') return input.checked;
  const v = input.value.trim();
  if (v === '') return undefined;
  switch (type) {
    case 'number': return Number(v);
    case 'percent': return Number(v) / 100;
    case 'list': return v.split(',').map(s => s.trim()).filter(Boolean);
    case 'datetime': return v.length === 10 ? v + 'T00:00:00' : v;
    default: return v;
  }
}

function setPath(obj, path, value) {
  const parts = path.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
    if (o[key] === undefined) o[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    o = o[key];
  }
  const last = /^\d+$/.test(parts[parts.length - 1]) ? Number(parts[parts.length - 1]) : parts[parts.length - 1];
  if (value === undefined) delete o[last]; else o[last] = value;
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  if (general) general.textContent = '';
}

/** Puts each problem next to its field (matched by the last part of its path), the rest in the form's message area. */
export function showErrors(form, result) {
  const general = form.querySelector('.form-error');
  const unplaced = [];
  for (const e of fieldErrors(result)) {
    const name = (e.field || '').split(/[/.]/).filter(Boolean).pop();
    const input = name && [...form.elements].find(el => el.name && (el.name === name || el.name.split('.')[0] === name));
    if (input) {
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = (input.id || input.name) + '-error';
      p.textContent = e.message;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', p.id);
      input.insertAdjacentElement('afterend', p);
    } else if (e.message) {
      unplaced.push(e.message);
    }
  }
  if (general) {
    general.textContent = explain(result) + (unplaced.length ? ' ' + unplaced.join(' ') : '');
    if (result.status === 409) {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = 'Reload'; b.className = 'small';
      b.addEventListener('click', () => location.reload());
      general.append(' ', b);
    }
  }
}

/** A message for the next page, shown once at its top (the page reloads after a change). */
function flash(text) {
  try { sessionStorage.setItem('planwright-flash', text); } catch (e) { /* private mode: no message */ }
}

function after(form, body) {
  const warnings = body && Array.isArray(body.warnings) ? body.warnings : [];
  if (warnings.length) flash(`Imported, with ${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} the file held that Planwright did not carry over: ${warnings.slice(0, 8).join(' · ')}${warnings.length > 8 ? ' …' : ''}`);
  else flash(form.dataset.saved || 'Saved.');
  const then = form.dataset.then || 'reload';
  if (then.startsWith('goto:')) location.href = then.slice(5).replace('{id}', encodeURIComponent(body && body.id));
  else location.reload();
}

async function submitApi(form) {
  clearErrors(form);
  let url = form.dataset.api;
  const body = form.dataset.base ? JSON.parse(form.dataset.base) : {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'submit' || el.type === 'file') continue;
    const v = valueOf(el);
    if (url.includes(`{${el.name}}`)) { url = url.replace(`{${el.name}}`, encodeURIComponent(v ?? '')); continue; }
    if (v === undefined && form.dataset.method === 'PATCH') { setPath(body, el.name, null); continue; }
    setPath(body, el.name, v);
  }
  const button = form.querySelector('[type=submit]');
  if (button) button.disabled = true;
  const result = await call(form.dataset.method || 'POST', url, body, { ifMatch: form.dataset.ifMatch === 'true' });
  if (button) button.disabled = false;
  if (result.ok) after(form, result.body); else showErrors(form, result);
}

async function submitUpload(form) {
  clearErrors(form);
  const file = form.querySelector('input[type=file]').files[0];
  if (!file) return;
  if (file.size === 0) { form.querySelector('.form-error').textContent = `${file.name} is empty: choose the file with the plan in it.`; return; }
  const url = form.dataset.upload + '?filename=' + encodeURIComponent(file.name);
  const result = await call('POST', url, file, { raw: true, contentType: 'application/octet-stream' });
  if (result.ok) after(form, result.body); else showErrors(form, result);
}

function showFlash() {
  let text = null;
  try { text = sessionStorage.getItem('planwright-flash'); sessionStorage.removeItem('planwright-flash'); } catch (e) { return; }
  const main = document.querySelector('main');
  if (!text || !main) return;
  const p = document.createElement('p');
  p.className = 'flash';
  p.setAttribute('role', 'status');
  p.textContent = text;
  main.prepend(p);
}
showFlash();

document.addEventListener('submit', (ev) => {
  const form = ev.target;
  if (form.dataset.api) { ev.preventDefault(); submitApi(form); }
  else if (form.dataset.upload) { ev.preventDefault(); submitUpload(form); }
});

document.addEventListener('click', async (ev) => {
  const b = ev.target.closest('[data-delete]');
  if (!b) return;
  if (b.dataset.confirm && !confirm(b.dataset.confirm)) return;
  const form = b.closest('form');
  const result = await call('DELETE', b.dataset.delete, undefined, { ifMatch: b.dataset.revision || !!document.querySelector('meta[name=plan-revision]') });
  if (result.ok) {
    flash('Deleted.');
    if (/\/plans\/\d+$/.test(b.dataset.delete) && location.pathname !== '/') location.href = '/'; else location.reload();
  } else if (form) showErrors(form, result);
  else alert(explain(result));
});
