// The query page: sends the query to /sparql (SPARQL 1.1 Protocol, POST form) and shows the answer.
// Answers are data, not markup: everything is written with textContent and DOM nodes.
"use strict";

const endpoint = new URL("/sparql", window.location.href).href;
let lastAnswer = null;

function showStatus(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function termText(term) {
  if (!term) return "";
  if (term.type === "uri") return term.value;
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "triple") return "<< " + [term.value.subject, term.value.predicate, term.value.object].map(termText).join(" ") + " >>";
  let text = term.value;
  if (term["xml:lang"]) text += "@" + term["xml:lang"];
  return text;
}

function renderTable(results) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of results.head.vars) {
    const cell = document.createElement("th");
    cell.textContent = name;
    head.appendChild(cell);
  }
  const body = table.createTBody();
  for (const binding of results.results.bindings) {
    const row = body.insertRow();
    for (const name of results.head.vars) {
      const term = binding[name];
      const cell = row.insertCell();
      if (term && term.type === "uri") {
        const link = document.createElement("a");
        link.href = term.value;
        link.textContent = term.value;
        cell.appendChild(link);
      } else {
        cell.textContent = termText(term);
      }
    }
  }
  return table;
}

function render(text, mediaType) {
  const answer = document.getElementById("answer");
  answer.replaceChildren();
  if (mediaType.startsWith("application/sparql-results+json")) {
    const results = JSON.parse(text);
    if ("boolean" in results) {
      const line = document.createElement("p");
      line.textContent = "Answer: " + results.boolean;
      answer.appendChild(line);
      return "yes/no answer";
    }
    answer.appendChild(renderTable(results));
    return results.results.bindings.length + " rows";
  }
  const pre = document.createElement("pre");
  pre.textContent = text;
  answer.appendChild(pre);
  return text.length + " characters";
}

async function runQuery(event) {
  event.preventDefault();
  const query = document.getElementById("query").value;
  const format = document.getElementById("format").value;
  const started = performance.now();
  showStatus("Running…", false);
  document.getElementById("download").disabled = true;
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": format },
      body: new URLSearchParams({ query: query }),
    });
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      const answer = document.getElementById("answer");
      const message = document.createElement("p");
      message.className = "error-message";
      message.textContent = text;
      answer.replaceChildren(message);
      showStatus("Error " + response.status + " after " + seconds + " s", true);
      return;
    }
    const mediaType = response.headers.get("Content-Type") || "text/plain";
    lastAnswer = { text: text, mediaType: mediaType };
    showStatus(render(text, mediaType) + " in " + seconds + " s", false);
    document.getElementById("download").disabled = false;
  } catch (error) {
    showStatus("The server could not be reached: " + error.message, true);
  }
}

function download() {
  if (!lastAnswer) return;
  const blob = new Blob([lastAnswer.text], { type: lastAnswer.mediaType });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "answer";
  link.click();
  URL.revokeObjectURL(link.href);
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("endpoint").textContent = endpoint;
  document.getElementById("query-form").addEventListener("submit", runQuery);
  document.getElementById("download").addEventListener("click", download);
});
