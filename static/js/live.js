/* Live pages: poll for new entries and offer them with a button, never moving focus or the page.
   Configured by data- attributes on the stream (no inline script: CSP is script-src 'self'). */
(function () {
  "use strict";
  var stream = document.querySelector("[data-live-updates]");
  if (!stream || !window.fetch || !("content" in document.createElement("template"))) return;

  var url = stream.getAttribute("data-live-updates");
  var after = stream.getAttribute("data-live-after") || "0";
  var interval = (parseInt(stream.getAttribute("data-live-interval"), 10) || 15) * 1000;
  var list = stream.querySelector("[data-live-list]");
  var button = stream.querySelector(".live-reveal");
  var announce = stream.querySelector("[data-live-announce]");
  var pending = [];
  var timer = null;
  var delay = interval;
  var lastPoll = Date.now();
  var title = document.title;

  function plural(n) {
    return n === 1 ? "1 new update" : n + " new updates";
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
  }

  function poll() {
    if (document.hidden) return; // resumed by visibilitychange
    lastPoll = Date.now();
    fetch(url + "?after=" + encodeURIComponent(after), {
      headers: { Accept: "application/json" },
      credentials: "omit"
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        delay = interval;
        if (data.count > 0) receive(data);
      })
      .catch(function () {
        // Back off while the server or the network is unwell, up to two minutes.
        delay = Math.min(delay * 2, 120000);
      })
      .then(function () {
        schedule(delay);
      });
  }

  function receive(data) {
    var template = document.createElement("template");
    template.innerHTML = data.html;
    var fresh = Array.prototype.slice.call(template.content.children);
    var known = {};
    pending.forEach(function (node) { known[node.id] = true; });
    fresh = fresh.filter(function (node) {
      return !known[node.id] && !document.getElementById(node.id);
    });
    pending = fresh.concat(pending);
    after = String(data.latest);
    if (!fresh.length) return;
    button.textContent = "Show " + plural(pending.length);
    button.removeAttribute("aria-disabled");
    button.hidden = false;
    document.title = "(" + pending.length + ") " + title;
    announce.textContent = plural(pending.length) + ". Use the button above the updates to show them.";
  }

  function reveal() {
    if (!pending.length) return;
    var empty = list.querySelector(".live-empty");
    if (empty) empty.remove();
    // The button sits above the list, so the entries open up below the reader's eye and
    // nothing above it moves: the page keeps its scroll position.
    var fragment = document.createDocumentFragment();
    pending.forEach(function (node) {
      node.classList.add("live-entry--new");
      fragment.appendChild(node);
    });
    var count = pending.length;
    pending = [];
    list.insertBefore(fragment, list.firstChild);
    document.title = title;
    announce.textContent = (count === 1 ? "1 update" : count + " updates") + " added at the top.";
    if (document.activeElement === button) {
      // Hiding a focused button would drop focus to the page: leave it, inert, until blur.
      button.textContent = "You are up to date";
      button.setAttribute("aria-disabled", "true");
    } else {
      button.hidden = true;
    }
  }

  button.addEventListener("click", reveal);
  button.addEventListener("blur", function () {
    if (!pending.length) button.hidden = true;
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      clearTimeout(timer);
    } else {
      schedule(Math.max(0, interval - (Date.now() - lastPoll)));
    }
  });
  stream.classList.add("live-stream--js");
  schedule(interval);
})();
