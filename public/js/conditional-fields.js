// Conditional fields of procedure forms, live: each field wrapper with `data-show-if`
// (its condition as JSON, the values already normalised by the server) is shown
// when the condition holds for what has been answered, and hidden otherwise. A hidden
// field's controls are disabled, so they are not posted and count as "no value" for
// the conditions of other fields: conditions chain, as in the validator
// (src/procedures/forms/validate-submission.ts). Without this script the server does
// the same on each round-trip (the form's "Update" button).
(function () {
  'use strict';
  var ROOT = '[data-conditional-form]';
  var NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
  var VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  // Trimmed, NFC, and a day/month/year date in ISO form, as the server compares them.
  function canonical(value) {
    var s = value.trim();
    if (s.normalize) s = s.normalize('NFC');
    var m = VN_DATE.exec(s);
    return m ? m[3] + '-' + pad(+m[2]) + '-' + pad(+m[1]) : s;
  }

  function wrapperOf(root, key) {
    return root.querySelector('[data-field="' + key + '"]');
  }

  // Every non-empty value the controls named `key` (or `key.part`, for an address) would post.
  function valuesOf(root, key) {
    var wrapper = wrapperOf(root, key);
    if (wrapper && wrapper.hidden) return null;
    var out = [];
    var controls = root.querySelectorAll('input[name], select[name], textarea[name]');
    for (var i = 0; i < controls.length; i++) {
      var el = controls[i];
      if (el.disabled || (el.name !== key && el.name.indexOf(key + '.') !== 0)) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      var v = canonical(el.value);
      if (v !== '') out.push(v);
    }
    return out;
  }

  function matches(values, want) {
    // A single checkbox: ticked or not (a hidden one is neither).
    if (typeof want === 'boolean') return values !== null && values.some(isTicked) === want;
    if (values === null) return false;
    return values.some(function (v) {
      return typeof want === 'number' ? NUMBER.test(v) && Number(v) === want : v === want;
    });
  }

  function isTicked(v) {
    return v === 'true' || v === 'on';
  }

  function holds(cond, root) {
    if (cond.all)
      return cond.all.every(function (c) {
        return holds(c, root);
      });
    if (cond.any)
      return cond.any.some(function (c) {
        return holds(c, root);
      });
    var values = valuesOf(root, cond.field);
    if (cond.notEmpty) return values !== null && values.length > 0;
    if ('equals' in cond) return matches(values, cond.equals);
    if (cond.in)
      return cond.in.some(function (w) {
        return matches(values, w);
      });
    return true;
  }

  function setShown(wrapper, shown) {
    wrapper.hidden = !shown;
    var controls = wrapper.querySelectorAll('input, select, textarea');
    for (var i = 0; i < controls.length; i++) controls[i].disabled = !shown;
  }

  // Repeats until nothing changes: showing one field may show (or hide) the fields that depend on it.
  function refresh(root) {
    var wrappers = root.querySelectorAll('[data-show-if]');
    for (var pass = 0; pass <= wrappers.length; pass++) {
      var changed = false;
      for (var i = 0; i < wrappers.length; i++) {
        var cond;
        try {
          cond = JSON.parse(wrappers[i].getAttribute('data-show-if'));
        } catch (e) {
          continue;
        }
        var shown = holds(cond, root);
        if (wrappers[i].hidden === shown) changed = true;
        // Also on an unchanged field: the server hides fields but leaves their controls enabled.
        setShown(wrappers[i], shown);
      }
      if (!changed) return;
    }
  }

  function refreshAll() {
    var roots = document.querySelectorAll(ROOT);
    for (var i = 0; i < roots.length; i++) refresh(roots[i]);
  }

  function onChange(event) {
    var root = event.target.closest && event.target.closest(ROOT);
    if (root) refresh(root);
  }

  document.addEventListener('input', onChange);
  document.addEventListener('change', onChange);
  // Content swapped in by another script (the admin's live preview).
  document.addEventListener('portal:updated', refreshAll);
  refreshAll();
})();
