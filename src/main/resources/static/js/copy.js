// A click on a shortened SHA-256 copies its full value (also in its title, and selectable as text).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var hash = event.target.closest ? event.target.closest('.hash') : null;
    if (!hash || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(hash.textContent.trim()).then(function () {
      hash.classList.add('copied');
      window.setTimeout(function () { hash.classList.remove('copied'); }, 1200);
    }, function () {
      // not allowed (plain HTTP on another host): the value can still be selected and copied by hand
    });
  });
})();
