import type { Word } from './words.js';

// Windows paths, in one place. cmd.exe and PowerShell name `C:\Users\dev\repo`, `D:\*` or `%TEMP%\build`;
// the analyzers resolve and classify POSIX paths. So a Windows path is written the POSIX way and absolute
// (`C:\data` is `/C:/data`, `%TEMP%\x` is `/%TEMP%/x`), and windowsParts says where on its drive such a path
// is, for the path classification to rate the whole drive like `/`, C:\Windows like a system directory,
// C:\Users\<name> like a home and the temp directories like scratch space.

/** Variables that name the same place on every Windows machine: the path they stand for on the drive. */
const PLACES: Readonly<Record<string, string>> = {
  systemdrive: '',
  homedrive: '',
  systemroot: 'windows',
  windir: 'windows',
  programfiles: 'program files',
  'programfiles(x86)': 'program files (x86)',
  programw6432: 'program files',
  programdata: 'programdata',
  allusersprofile: 'programdata',
  public: 'users/public',
  // The user's own folders: `<user>` stands for whoever runs the command.
  userprofile: 'users/<user>',
  appdata: 'users/<user>/appdata/roaming',
  localappdata: 'users/<user>/appdata/local',
  temp: 'users/<user>/appdata/local/temp',
  tmp: 'users/<user>/appdata/local/temp',
};

/** Whether `%NAME%` names one of those places (its value is then known well enough to judge a path by). */
export const isPlaceVariable = (name: string): boolean => PLACES[name.toLowerCase()] !== undefined;

/** `%TEMP%` (or another place) at the start of a path, up to a separator. */
const PLACE_PREFIX = /^%([\w()]+)%(?=[\\/]|$)/;

/**
 * A Windows path as the path analysis reads paths: `C:\data` is `/C:/data`, `%TEMP%\x` is `/%TEMP%/x`,
 * `build\out` is `build/out`; any other word is left as it is.
 */
export function posixPath(w: Word): Word {
  const place = PLACE_PREFIX.exec(w.value);
  if (place && isPlaceVariable(place[1]!)) return { ...w, value: `/${w.value.replace(/\\/g, '/')}` };
  return /^[A-Za-z]:([\\/]|$)/.test(w.value) || w.value.includes('\\')
    ? { ...w, value: w.value.replace(/^([A-Za-z]:)/, '/$1').replace(/\\/g, '/') }
    : w;
}

/**
 * Where a resolved path lies on a Windows drive, as lower-case parts below the drive (`/C:/Users/Dev` is
 * `['users', 'dev']`, `/C:` is `[]`); undefined for a path that is not on one. Besides `/C:/…` (and
 * `/%TEMP%/…`), Git Bash's `/c/…` and WSL's `/mnt/c/…` are a drive's paths.
 */
export function windowsParts(path: string): string[] | undefined {
  const m = /^\/(?:([A-Za-z]):|%([\w()]+)%|([a-z])|mnt\/([a-z]))(?=\/|$)(.*)$/.exec(path);
  if (!m) return undefined;
  const place = m[2] === undefined ? '' : PLACES[m[2].toLowerCase()];
  if (place === undefined) return undefined;
  const rest = m[5]!.toLowerCase().split('/').filter(Boolean);
  return [...place.split('/').filter(Boolean), ...rest];
}
