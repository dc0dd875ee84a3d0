import type { EnvironmentClass, EnvironmentHint } from '../core/types.js';

// What `interlock creds scan` works on and reports. Secrets never enter these types: a parser keeps kinds,
// names, hosts and paths, and drops every value that authenticates.

/** A credential file's text as the edge read it; `text` is absent when only its presence matters. */
export interface CredentialFile {
  kind: CredentialFileKind;
  path: string;
  text?: string;
}

export type CredentialFileKind =
  | 'aws-credentials'
  | 'aws-config'
  | 'kubeconfig'
  | 'pgpass'
  | 'netrc'
  | 'gcloud-adc'
  | 'gcloud-key'
  | 'gcloud-credentials-db'
  | 'docker-config'
  | 'terraform-credentials'
  | 'gh-hosts'
  | 'azure-tokens'
  | 'azure-profile'
  | 'ssh-key';

/** Everything the agent's shell inherits: its variables and the credential files the edge found. */
export interface Inheritance {
  env: Readonly<Record<string, string | undefined>>;
  files: readonly CredentialFile[];
}

export type Power = 'admin' | 'read-only' | 'unknown';

/** A credential as a parser found it, before placement. */
export interface Found {
  kind: string;
  /** Where it was found: a file path or `env NAME`. */
  source: string;
  /** What it is called: a profile, a context, `user@host`; never a secret. */
  name: string;
  /** Where it reaches, as placement hints (a profile or context name, a host). */
  hints: EnvironmentHint[];
  /** Names that say how powerful it is (a role, a user). */
  powerNames: string[];
  /** What kind of secret it holds, in words (`static access key AKIA…WXYZ`, `exec plugin aws`). */
  detail: string;
}

export interface Credential {
  kind: string;
  source: string;
  name: string;
  environment: EnvironmentClass;
  power: Power;
  reason: string;
}

export interface CredentialReport {
  credentials: Credential[];
  /** Whether any credential reaches production (the exit code says so, for CI). */
  production: boolean;
}

/** A name only (a role, a database, a cluster's name): it may raise to production, never lower. */
export const weakHint = (source: string, value: string): EnvironmentHint => ({ source, value, weak: true });
