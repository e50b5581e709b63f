// The query page's YASGUI: this server's /sparql only, and nothing fetched from elsewhere.
(function () {
  "use strict";
  const root = document.getElementById("yasgui");
  if (!root || !window.Yasgui) return;
  const Yasgui = window.Yasgui;
  // Relative in the page, absolute here: YASGUI needs a full URL, and resolving it against the
  // page keeps it right behind a proxy.
  const endpoint = new URL(root.dataset.endpoint, document.baseURI).href;
  const questions = JSON.parse(document.getElementById("questions").textContent);

  // No remote look-ups: the class and property completers ask Linked Open Vocabularies, and
  // prefix completion would fetch prefix.cc if given its address; keep the bundled ones only.
  delete Yasgui.Yasqe.Autocompleters.class;
  delete Yasgui.Yasqe.Autocompleters.property;
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    corsProxy: undefined,
    // A link must not be able to point the editor at another endpoint.
    populateFromUrl: false,
    // The endpoint list offers this server only (the default lists public endpoints).
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    persistenceId: "appeals-kg-query",
  });
  window.kgYasgui = yasgui;

  // A competency question opens in a tab of its own name, its text (re)loaded.
  function openQuestion(name) {
    const text = questions[name];
    if (text === undefined) return null;
    for (const id of yasgui.persistentConfig.getTabs()) {
      const tab = yasgui.getTab(id);
      if (tab && tab.getName() === name) {
        yasgui.selectTabId(id);
        tab.setQuery(text);
        return tab;
      }
    }
    return yasgui.addTab(true, { name: name, yasqe: { value: text }, requestConfig: { endpoint: endpoint } });
  }
  window.kgOpenQuestion = openQuestion;

  for (const link of document.querySelectorAll("a.cq")) {
    link.addEventListener("click", function (event) {
      if (openQuestion(link.dataset.cq)) {
        event.preventDefault();
        history.replaceState(null, "", link.href);
        root.scrollIntoView();
      }
    });
  }
  if (root.dataset.opened) openQuestion(root.dataset.opened);
})();
