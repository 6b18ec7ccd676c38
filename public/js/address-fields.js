// Address fields: once a province is chosen, the commune list shows only that
// province's communes (without this script it shows them all, grouped by province).
(function () {
  'use strict';

  function narrow(province) {
    var commune = document.getElementById(province.getAttribute('data-address-province'));
    if (!commune) return;
    var groups = commune.querySelectorAll('optgroup');
    for (var i = 0; i < groups.length; i++) {
      var match = !province.value || groups[i].getAttribute('data-parent') === province.value;
      groups[i].hidden = !match;
      groups[i].disabled = !match;
    }
    var chosen = commune.options[commune.selectedIndex];
    if (chosen && chosen.parentNode.tagName === 'OPTGROUP' && chosen.parentNode.disabled) commune.value = '';
  }

  function narrowAll() {
    var provinces = document.querySelectorAll('[data-address-province]');
    for (var i = 0; i < provinces.length; i++) narrow(provinces[i]);
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-address-province]')) narrow(event.target);
  });
  document.addEventListener('portal:updated', narrowAll);
  narrowAll();
})();
