// The scenario comparison page: merges the checked changes into the plan (one revision, If-Match the plan's
// revision) and shows what was taken and what stayed a conflict.
import { call, explain } from './api.js';

const form = document.getElementById('merge-form');
if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const changes = [...form.querySelectorAll('input[name=change]:checked')].map((c) => c.value);
    const error = form.querySelector('.form-error');
    const ok = form.querySelector('.form-ok');
    error.textContent = ''; ok.textContent = '';
    if (changes.length === 0) { error.textContent = 'Choose at least one change to merge.'; return; }
    const r = await call('POST', form.dataset.merge, { changes }, { ifMatch: true });
    if (!r.ok) { error.textContent = explain(r); return; }
    const conflicts = r.body.conflicts.length;
    ok.textContent = `Merged ${r.body.applied.length} change${r.body.applied.length === 1 ? '' : 's'} into the plan (revision ${r.body.revision})`
      + (conflicts ? `; ${conflicts} conflict${conflicts === 1 ? '' : 's'} left as the plan has ${conflicts === 1 ? 'it' : 'them'}.` : '.');
    setTimeout(() => location.reload(), 1200);
  });
}
