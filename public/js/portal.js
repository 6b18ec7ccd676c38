// Progressive enhancement only: every page works without it.
(function () {
  // Move focus to the error summary so screen-reader users hear what went wrong first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
})();
