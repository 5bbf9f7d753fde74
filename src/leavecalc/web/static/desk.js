// 咨询台: copy the summary, print, and fill a typed date box from its date picker. No inline
// scripts (the Content Security Policy allows only this file).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.picker").forEach(function (picker) {
    picker.addEventListener("change", function () {
      var box = document.getElementById(picker.dataset.for);
      if (box && picker.value) { box.value = picker.value; }
    });
  });
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      var text = source.value;
      var done = function () { button.textContent = button.dataset.done; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(source); done(); });
      } else { fallback(source); done(); }
    });
  });
  var bad = document.querySelector("[aria-invalid=true]");
  if (bad) { bad.focus(); }  // a re-shown form: straight to the first field to correct
  var print = document.getElementById("print");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
});
function fallback(source) {
  // Plain http on an intranet is not a secure context: select and use the old copy command.
  source.select();
  try { document.execCommand("copy"); } catch (e) { /* the text stays selected for Ctrl-C */ }
}
