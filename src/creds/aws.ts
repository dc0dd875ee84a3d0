import { maskId } from './mask.js';
import { parseIni } from './ini.js';
import { weakHint, type CredentialFile, type Found } from './types.js';

// AWS profiles from the shared credentials and config files: static keys, assumed roles, credential
// processes, SSO and web identity. The profile's name places it (`prod-admin` → production); role names
// and SSO role names say how powerful it is.

type Settings = Map<string, string>;

/** `[profile prod]` in the config file, `[prod]` in the credentials file; sso-session sections are not profiles. */
function profileName(section: string, kind: CredentialFile['kind']): string | undefined {
  if (kind === 'aws-credentials') return section;
  if (section === 'default') return section;
  const m = /^profile\s+(.+)$/.exec(section);
  return m?.[1]?.trim();
}

const roleName = (arn: string) => arn.split('/').pop() ?? arn;
/** The program a credential_process runs, not its arguments (they may carry a secret). */
const programOf = (command: string) => (command.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? '';

function describe(s: Settings): { details: string[]; roles: string[] } {
  const details: string[] = [];
  const roles: string[] = [];
  const keyId = s.get('aws_access_key_id');
  if (keyId || s.has('aws_secret_access_key'))
    details.push(`static access key ${keyId ? maskId(keyId) : ''}`.trim());
  if (s.has('aws_session_token')) details.push('session token');
  const roleArn = s.get('role_arn');
  if (roleArn) {
    roles.push(roleName(roleArn));
    const from = s.get('source_profile') ?? s.get('credential_source');
    details.push(`assumes role ${roleName(roleArn)}${from ? ` from ${from}` : ''}`);
  }
  const process = s.get('credential_process');
  if (process) details.push(`credential_process ${programOf(process)}`);
  const ssoRole = s.get('sso_role_name');
  if (s.has('sso_start_url') || s.has('sso_session') || ssoRole) {
    if (ssoRole) roles.push(ssoRole);
    details.push(`SSO${ssoRole ? ` role ${ssoRole}` : ''}`);
  }
  if (s.has('web_identity_token_file')) details.push('web identity token file');
  return { details, roles };
}

/** One credential per profile that holds or obtains one, merged over the credentials and config files. */
export function awsProfiles(files: readonly CredentialFile[]): Found[] {
  const profiles = new Map<string, { settings: Settings; sources: string[] }>();
  for (const file of files) {
    if ((file.kind !== 'aws-credentials' && file.kind !== 'aws-config') || file.text === undefined) continue;
    for (const [section, settings] of parseIni(file.text)) {
      const name = profileName(section, file.kind);
      if (!name) continue;
      const entry = profiles.get(name) ?? { settings: new Map<string, string>(), sources: [] };
      for (const [k, v] of settings) entry.settings.set(k, v);
      entry.sources.push(file.path);
      profiles.set(name, entry);
    }
  }
  return [...profiles].flatMap(([name, { settings, sources }]) => {
    const { details, roles } = describe(settings);
    if (!details.length) return [];
    return [
      {
        kind: 'aws-profile',
        source: [...new Set(sources)].join(', '),
        name,
        hints: [{ source: 'aws profile', value: name }, ...roles.map((r) => weakHint('aws role', r))],
        powerNames: [name, ...roles],
        detail: details.join('; '),
      },
    ];
  });
}
