// While an execution shown runs, refreshes its status and counts (and its steps') in place from /jobs/progress,
// and loads the page again once it has ended (its buttons then change) or a step it does not show has started.
(function () {
  'use strict';
  var page = document.querySelector('[data-progress-url]');
  if (!page) {
    return;
  }
  var url = page.getAttribute('data-progress-url');
  var every = Number(page.getAttribute('data-refresh-millis')) || 2000;
  var ids = [];
  document.querySelectorAll('[data-execution][data-running]').forEach(function (element) {
    ids.push(element.getAttribute('data-execution'));
  });
  if (ids.length === 0) {
    return;
  }

  function set(element, field, value) {
    element.querySelectorAll('[data-field="' + field + '"]').forEach(function (cell) {
      if (cell.textContent !== String(value)) {
        cell.textContent = String(value);
      }
    });
  }

  function show(element, counts) {
    set(element, 'status', counts.label || counts.status);
    set(element, 'read', counts.readCount);
    set(element, 'written', counts.writeCount);
    set(element, 'skipped', counts.skipCount);
  }

  function tick() {
    fetch(url + '?ids=' + ids.join(','), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('progress ' + response.status);
        }
        return response.json();
      })
      .then(function (executions) {
        var reload = false;
        executions.forEach(function (execution) {
          document.querySelectorAll('[data-execution="' + execution.id + '"]').forEach(function (element) {
            show(element, execution);
          });
          var steps = document.getElementById('steps');
          execution.steps.forEach(function (step) {
            var row = document.getElementById('step-' + step.id);
            if (row) {
              show(row, step);
            } else if (steps) {
              reload = true;
            }
          });
          reload = reload || !execution.running;
        });
        if (reload) {
          window.location.reload();
        } else {
          window.setTimeout(tick, every);
        }
      })
      .catch(function () {
        // signed out or the server gone: stop refreshing; the Refresh link still works
      });
  }

  window.setTimeout(tick, every);
})();
