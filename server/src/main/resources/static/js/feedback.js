// The stakeholder page's feedback links: an owner makes one for a stakeholder and an item of the
// communication plan, and copies it into a mail of their own (before the outbox sends them).
import { call, explain } from './api.js';

for (const form of document.querySelectorAll('form[data-feedback-link]')) {
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const out = form.querySelector('.link-out');
    const error = form.querySelector('.form-error');
    error.textContent = '';
    const result = await call('POST', form.dataset.feedbackLink, { itemId: form.elements.itemId.value, stakeholderId: form.elements.stakeholderId.value });
    if (!result.ok) { error.textContent = explain(result); return; }
    out.value = result.body.url;
    out.hidden = false;
    out.select();
    try { await navigator.clipboard.writeText(result.body.url); error.textContent = 'Copied.'; } catch (e) { /* no clipboard: the link is selected */ }
  });
}
