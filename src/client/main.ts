// Progressive enhancement only: every page works without this file.
import './consensus.ts';
import './documents.ts';
import './live-room.ts';
import './live-sense.ts';

function focusErrors() {
  const summary = document.querySelector<HTMLElement>('.error-summary');
  summary?.focus();
}

/** Fields marked data-show-when="name=value" appear only when that choice is made. */
function conditionalFields() {
  const dependents = document.querySelectorAll<HTMLElement>('[data-show-when]');
  if (dependents.length === 0) return;
  const update = () => {
    dependents.forEach((el) => {
      const [name, value] = (el.dataset.showWhen ?? '').split('=');
      const checked = document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      const show = checked?.value === value;
      el.hidden = !show;
    });
  };
  document.addEventListener('change', update);
  update();
}

/** Buttons with data-confirm ask before submitting. */
function confirmations() {
  document.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    const button = (e as SubmitEvent).submitter as HTMLElement | null;
    const message = button?.dataset.confirm ?? form.dataset.confirm;
    if (message && !window.confirm(message)) e.preventDefault();
  });
}

focusErrors();
conditionalFields();
confirmations();
