// onrecord's client script: quote details on hover and keyboard focus. Everything works
// without it (details are also each quote's accessible description); it only adds the popup.
'use strict';

(function () {
  var shown = null;

  function infoFor(el) {
    var mark = el.closest('[data-q]');
    if (!mark) return null;
    return { index: mark.getAttribute('data-q'), mark: mark };
  }

  function fragments(index) {
    return document.querySelectorAll('mark.quote[data-q="' + index + '"]');
  }

  function hide() {
    if (!shown) return;
    shown.info.hidden = true;
    shown.info.classList.remove('visible');
    fragments(shown.index).forEach(function (m) { m.classList.remove('active'); });
    shown = null;
  }

  function show(index, anchor) {
    var info = document.getElementById('qi-' + index);
    if (!info) return;
    if (shown && shown.index === index) return;
    hide();
    fragments(index).forEach(function (m) { m.classList.add('active'); });
    info.hidden = false;
    info.classList.add('visible');
    // Positioned through the CSS object model, which the Content-Security-Policy allows
    // (unlike style attributes in the markup).
    var rect = anchor.getBoundingClientRect();
    var top = rect.bottom + window.scrollY + 6;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, document.documentElement.clientWidth - info.offsetWidth - 8));
    info.style.top = top + 'px';
    info.style.left = left + 'px';
    shown = { index: index, info: info };
  }

  function quoteTarget(event) {
    var t = event.target;
    if (!(t instanceof Element)) return null;
    var mark = t.closest('mark.quote');
    return mark ? infoFor(mark) : null;
  }

  document.addEventListener('mouseover', function (event) {
    var hit = quoteTarget(event);
    if (hit) show(hit.index, hit.mark);
    else if (shown && !(event.target instanceof Element && event.target.closest('.quote-info'))) hide();
  });
  document.addEventListener('focusin', function (event) {
    var hit = quoteTarget(event);
    if (hit) show(hit.index, document.getElementById('q-' + hit.index) || hit.mark);
    else hide();
  });
  document.addEventListener('focusout', function (event) {
    if (quoteTarget(event)) hide();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
})();
