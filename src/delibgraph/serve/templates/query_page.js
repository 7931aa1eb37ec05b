(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var examples = JSON.parse(document.getElementById("examples-data").textContent);
  var select = document.getElementById("example");
  var textarea = document.getElementById("query");
  var description = document.getElementById("example-description");
  var results = document.getElementById("results");
  var error = document.getElementById("error");
  var status = document.getElementById("status");
  var csv = document.getElementById("csv");
  var endpoint = form.getAttribute("data-endpoint");

  select.addEventListener("change", function () {
    var example = examples[select.value];
    if (example) {
      textarea.value = example.text;
      description.textContent = example.description;
    }
  });

  function cell(term) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var a = document.createElement("a");
      a.href = term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    }
    return td;
  }

  function render(data) {
    if (Object.prototype.hasOwnProperty.call(data, "boolean")) {
      var p = document.createElement("p");
      p.id = "boolean-result";
      p.textContent = data["boolean"] ? "true" : "false";
      results.appendChild(p);
      status.textContent = "ASK";
      return;
    }
    var vars = data.head.vars;
    var table = document.createElement("table");
    table.id = "results-table";
    var head = table.createTHead().insertRow();
    vars.forEach(function (name) {
      var th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    data.results.bindings.forEach(function (binding) {
      var row = body.insertRow();
      vars.forEach(function (name) { row.appendChild(cell(binding[name])); });
    });
    results.appendChild(table);
    status.textContent = data.results.bindings.length + " ligne(s)";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.textContent = "";
    status.textContent = "…";
    results.textContent = "";
    var query = textarea.value;
    csv.href = endpoint + "?format=csv&query=" + encodeURIComponent(query);
    fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.8"
      },
      body: new URLSearchParams({ query: query })
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var detail = text;
          try { detail = JSON.parse(text).detail; } catch (ignored) { /* plain text */ }
          status.textContent = "";
          error.textContent = response.status + " : " + detail;
          return;
        }
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("sparql-results+json") >= 0) {
          render(JSON.parse(text));
        } else {
          var pre = document.createElement("pre");
          pre.id = "rdf-result";
          pre.textContent = text;
          results.appendChild(pre);
          status.textContent = "";
        }
        csv.hidden = false;
      });
    }).catch(function (failure) {
      status.textContent = "";
      error.textContent = String(failure);
    });
  });
})();
