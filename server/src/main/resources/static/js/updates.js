// The updates page: accepting the selected updates at once, as one revision of the plan.
import { call } from './api.js';
import { showErrors } from './forms.js';

const form = document.getElementById('accept-selected');
if (form) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ids = [...document.querySelectorAll('.select-update:checked')].map(b => Number(b.value));
    const message = form.querySelector('.form-error');
    message.textContent = '';
    if (!ids.length) { message.textContent = 'Select the updates to accept first.'; return; }
    const result = await call('POST', form.dataset.url, { ids });
    if (result.ok) {
      try { sessionStorage.setItem('planwright-flash', `Accepted ${ids.length} ${ids.length === 1 ? 'update' : 'updates'} as revision ${result.body.revision}.`); } catch (e) { /* no message */ }
      location.reload();
    } else {
      showErrors(form, result);
    }
  });
}
