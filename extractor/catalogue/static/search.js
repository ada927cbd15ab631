/* Client-side search over the catalogue's units, learning outcomes and criteria.
   The index (QUALSPEC_SEARCH, loaded from search-index.js) holds [kind, label, text, href] entries. */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var entries = window.QUALSPEC_SEARCH || [];
  var LIMIT = 50;
  var haystacks = entries.map(function (e) { return (e[1] + " " + e[2]).toLowerCase(); });

  function show(query) {
    list.textContent = "";
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < entries.length; i++) {
      var hay = haystacks[i];
      if (!words.every(function (w) { return hay.indexOf(w) !== -1; })) continue;
      found++;
      if (found > LIMIT) continue;
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = entries[i][0] + " ";
      var link = document.createElement("a");
      link.href = entries[i][3];
      link.textContent = entries[i][1];
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" " + entries[i][2]));
      list.appendChild(item);
    }
    status.textContent = found === 0 ? "No match." :
      found + (found === 1 ? " match" : " matches") + (found > LIMIT ? ", the first " + LIMIT + " shown." : ".");
  }

  if (input) {
    input.addEventListener("input", function () { show(input.value); });
    if (input.value) show(input.value);
  }
})();
