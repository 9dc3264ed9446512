// "Nueva solicitud" with JavaScript (issue 17): the server decides which questions a request needs (the conditions of
// the deployed start form, in FEEL); when an answer other questions depend on changes, the form is asked for again at
// once, as the «Actualizar el formulario» button does without JavaScript. The page says so above the form (WCAG
// 3.2.2), the answers typed so far come back, and the focus returns to the question just answered.
(function () {
  'use strict';
  var form = document.querySelector('form[data-refresh]');
  var button = form && form.querySelector('button[name="actualizar"]');
  if (!form || !button) {
    return;
  }
  var keys = form.getAttribute('data-refresh').split(',').filter(function (key) { return key; });
  var focused = window.sessionStorage && sessionStorage.getItem('mesa-nueva-foco');
  if (focused) {
    sessionStorage.removeItem('mesa-nueva-foco');
    var field = document.getElementById(focused);
    if (field) {
      field.focus();
    }
  }
  form.addEventListener('change', function (event) {
    var target = event.target;
    if (!target.name || keys.indexOf(target.name) < 0) {
      return;
    }
    if (window.sessionStorage) {
      sessionStorage.setItem('mesa-nueva-foco', target.id);
    }
    button.click();
  });
  document.documentElement.classList.add('js');
})();
