// The admin's JSON editor: refreshes the form preview while the administrator types,
// by posting the JSON to the preview endpoint and swapping in the HTML it answers.
// Without this script the "Preview" button does the same with a full page post.
(function () {
  'use strict';
  var form = document.querySelector('[data-preview-form]');
  var target = document.querySelector('[data-preview-target]');
  var status = document.querySelector('[data-preview-status]');
  if (!form || !target || !window.fetch || !window.URLSearchParams) return;
  var source = form.querySelector('[data-preview-source]');
  var timer = null;
  var latest = 0;

  function refresh() {
    var ticket = ++latest;
    var body = new URLSearchParams();
    body.set('_csrf', form.querySelector('input[name="_csrf"]').value);
    body.set('json', source.value);
    fetch('/admin/procedures/preview', { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('preview ' + response.status);
        return response.text();
      })
      .then(function (html) {
        if (ticket !== latest) return; // an older answer arriving after a newer one
        target.innerHTML = html;
        target.dispatchEvent(new CustomEvent('portal:updated', { bubbles: true }));
        if (status) status.textContent = status.getAttribute('data-done') || '';
      })
      .catch(function () {
        if (status) status.textContent = status.getAttribute('data-failed') || '';
      });
  }

  source.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  });
})();
