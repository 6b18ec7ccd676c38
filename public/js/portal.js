// Progressive enhancement only: every page works without it.
(function () {
  // Move focus to the error summary so screen-reader users hear what went wrong first.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();

  // A refused upload is answered at the address it was posted to, whose query carries the form's CSRF
  // token (multipart forms cannot carry it in a field the guard reads): keep it out of the address bar
  // and the history.
  if (/[?&]_csrf=/.test(location.search) && window.history && history.replaceState) {
    var query = location.search
      .slice(1)
      .split('&')
      .filter(function (part) {
        return part.indexOf('_csrf=') !== 0;
      })
      .join('&');
    history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }

  // While the mobile menu is open, USWDS hides the rest of the page from screen readers
  // (aria-hidden + data-nav-hidden) but leaves its links focusable. Make that part of the
  // page inert too, so nothing hidden can take the focus; the overlay stays clickable (it
  // closes the menu). When the menu closes, USWDS moves the focus back to the menu button
  // before this observer has lifted `inert`, so do that here once it has.
  if (!('inert' in HTMLElement.prototype) || !window.MutationObserver) return;
  var HIDDEN = 'data-nav-hidden';
  new MutationObserver(function (records) {
    var shown = false;
    records.forEach(function (record) {
      var el = record.target;
      if (el.classList.contains('usa-overlay')) return;
      if (el.hasAttribute(HIDDEN)) {
        el.inert = true;
      } else if (el.inert) {
        el.inert = false;
        shown = true;
      }
    });
    // (Not when the menu closed because the window grew past the phone layout: the button is gone then.)
    var menuButton = document.querySelector('.usa-menu-btn');
    if (shown && menuButton && menuButton.offsetParent !== null) menuButton.focus();
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: [HIDDEN] });
})();
