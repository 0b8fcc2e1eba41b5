"use strict";
// The query page of `kg serve`: every value from the data is set with textContent.
(function () {
  const questions = JSON.parse(document.getElementById("kg-questions").textContent);
  const form = document.getElementById("kg-form");
  const select = document.getElementById("kg-question");
  const query = document.getElementById("kg-query");
  const city = document.getElementById("kg-city");
  const format = document.getElementById("kg-format");
  const run = document.getElementById("kg-run");
  const status = document.getElementById("kg-status");
  const results = document.getElementById("kg-results");
  const title = document.getElementById("kg-question-title");

  for (const q of questions) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name + (q.title ? " — " + q.title : "");
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const chosen = questions.find((q) => q.name === select.value);
    if (chosen) {
      query.value = chosen.query;
      title.textContent = chosen.title;
    }
  });

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("kg-error", Boolean(isError));
  }

  function short(term) {
    if (term.type === "uri" && term.value.includes("#")) return term.value.split("#").pop();
    return term.value;
  }

  function table(document_) {
    const vars = document_.head.vars || [];
    const node = document.createElement("table");
    const head = node.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = node.createTBody();
    for (const binding of document_.results.bindings) {
      const row = body.insertRow();
      for (const v of vars) {
        const cell = row.insertCell();
        const term = binding[v];
        if (!term) continue;
        cell.textContent = short(term);
        cell.title = term.value;
        if (term.type === "uri") cell.className = "kg-iri";
      }
    }
    return node;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams({ query: query.value });
    if (city.value.trim() && /[?$]city\b/.test(query.value)) params.set("$city", city.value.trim());
    run.disabled = true;
    say("running…");
    results.replaceChildren();
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: format.value },
        body: params,
      });
      const text = await response.text();
      const ms = Math.round(performance.now() - started);
      if (!response.ok) {
        say(`${response.status} ${response.statusText}: ${text}`, true);
        return;
      }
      const truncated = response.headers.get("X-Kg-Truncated") ? " (cut at the row limit)" : "";
      if ((response.headers.get("Content-Type") || "").includes("sparql-results+json")) {
        const parsed = JSON.parse(text);
        if ("boolean" in parsed) {
          say(`${parsed.boolean} · ${ms} ms`);
          return;
        }
        const n = parsed.results.bindings.length;
        say(`${n} row${n === 1 ? "" : "s"} · ${ms} ms${truncated}`);
        results.appendChild(table(parsed));
      } else {
        say(`${ms} ms${truncated}`);
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.appendChild(pre);
      }
    } catch (error) {
      say(`the server did not answer: ${error}`, true);
    } finally {
      run.disabled = false;
    }
  });
})();
