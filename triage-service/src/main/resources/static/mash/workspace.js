// The workspace's one script (a file: the Content-Security-Policy allows no inline script). Pages work without it;
// with it, a part of the page marked data-stream is replaced whenever the server sends a newer copy over
// Server-Sent Events, without a reload. The part's data-summary is copied into the page's status line (role=status),
// so screen readers hear that it changed, and focus stays on the same link or button if it is still there.
(function () {
  'use strict';

  function follow(live) {
    var url = live.getAttribute('data-stream');
    if (!url || !window.EventSource) {
      return;
    }
    var source = new EventSource(url);
    source.addEventListener('update', function (event) {
      var focused = document.activeElement;
      var keep = focused && live.contains(focused) ? (focused.getAttribute('href') || focused.closest('form') &&
        focused.closest('form').getAttribute('action')) : null;
      live.innerHTML = event.data;
      var part = live.firstElementChild;
      var status = document.querySelector('[role=status]');
      if (part && status && part.getAttribute('data-summary') && status.textContent !== part.getAttribute('data-summary')) {
        status.textContent = part.getAttribute('data-summary');
      }
      if (keep) {
        var again = live.querySelector('a[href="' + keep + '"]') || live.querySelector('form[action="' + keep + '"] button');
        if (again) {
          again.focus();
        }
      }
      live.setAttribute('data-updated', String(Date.now()));
    });
    // The browser reconnects by itself after an error (the server ends each stream after a while).
  }

  document.addEventListener('DOMContentLoaded', function () {
    var parts = document.querySelectorAll('[data-stream]');
    for (var i = 0; i < parts.length; i++) {
      follow(parts[i]);
    }
    // GOV.UK pattern: a form shown again with errors puts focus on its error summary.
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();
