import type { Analyzer } from './analyzer.js';
import { curl, httpie, wget } from './http/clients.js';

/**
 * HTTP clients: curl, wget, HTTPie (http, https) and xh. The method says what a request does (DELETE
 * deletes, PUT/PATCH/POST change, GET/HEAD only read); known APIs (Elasticsearch, Solr, the Kubernetes
 * API, Consul, Vault, Grafana) are recognised by the path, hosted ones (Okta, Datadog, Opsgenie, Tailscale,
 * New Relic's NerdGraph) by the host, and some by what the body says; a body that carries a credential file
 * or a secret variable is an effect of its own. The host a request goes to is where it lands (an explicit hint).
 */
export const httpAnalyzer: Analyzer = {
  family: 'http',
  commands: ['curl', 'wget', 'http', 'https', 'xh', 'xhs'],
  local: false,
  environmentVariables: [],
  analyze(inv) {
    switch (inv.name) {
      case 'curl':
        return curl(inv);
      case 'wget':
        return wget(inv);
      default:
        return httpie(inv);
    }
  },
};
