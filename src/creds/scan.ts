import { placeHints, type Placement } from '../core/place.js';
import { awsProfiles } from './aws.js';
import {
  azureSubscriptions,
  dockerLogins,
  ghLogins,
  googleCredentials,
  terraformTokens,
} from './json-files.js';
import { kubeContexts } from './kubeconfig.js';
import { powerOf } from './power.js';
import { presentStores } from './presence.js';
import { netrcEntries, pgpassEntries } from './text-files.js';
import type { Credential, CredentialFile, CredentialReport, Found, Inheritance } from './types.js';
import { variableCredentials } from './variables.js';

// `interlock creds scan`, pure: what the agent inherited (variables and files the edge read) → every
// credential, placed by the same function that places effects (a profile `prod-admin` is production, an
// unrecognised remote stays unknown), with how powerful its names make it look.

const PER_FILE: readonly ((file: CredentialFile) => Found[])[] = [
  kubeContexts,
  pgpassEntries,
  netrcEntries,
  googleCredentials,
  dockerLogins,
  terraformTokens,
  ghLogins,
  azureSubscriptions,
  presentStores,
];

function classify(found: Found, placement: Placement): Credential {
  // A credential always reaches somewhere else: never "local", so an unplaced one stays unknown.
  const verdict = placeHints(found.hints, false, placement);
  const because = verdict.because.map((h) => `${h.source}=${h.value}`).join(', ');
  return {
    kind: found.kind,
    source: found.source,
    name: found.name,
    environment: verdict.environment,
    power: powerOf(found.powerNames),
    reason: `${found.detail}${because ? `; ${verdict.environment} by ${because}` : ''}`,
  };
}

const RANK = { production: 0, unknown: 1, 'non-production': 2 } as const;
const POWER = { admin: 0, unknown: 1, 'read-only': 2 } as const;

export function scanCredentials(inherited: Inheritance, placement: Placement): CredentialReport {
  const found = [
    ...variableCredentials(inherited.env),
    ...awsProfiles(inherited.files),
    ...inherited.files.flatMap((file) => PER_FILE.flatMap((read) => read(file))),
  ];
  // Production first, then unknown, admin-like first within each: what to look at first comes first.
  const credentials = found
    .map((f) => classify(f, placement))
    .sort((a, b) => RANK[a.environment] - RANK[b.environment] || POWER[a.power] - POWER[b.power]);
  return { credentials, production: credentials.some((c) => c.environment === 'production') };
}
