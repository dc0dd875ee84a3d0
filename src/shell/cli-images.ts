import type { Word } from './words.js';
import { word } from './words.js';

// Images whose entrypoint is a CLI: `docker run --rm bitnami/kubectl delete ns production` runs `kubectl
// delete ns production`, `docker run hashicorp/terraform destroy -auto-approve` runs terraform. The words after
// the image were read as a program called `delete`. Only `run` of the image without `--entrypoint` uses it.

/**
 * An image's repository (registry and tag dropped) → the program its entrypoint is: every word after the image
 * goes to it. (Images whose entrypoint is a script that runs a subcommand or any other program are not here.)
 */
const ENTRYPOINTS: ReadonlyMap<string, string> = new Map([
  ['bitnami/kubectl', 'kubectl'],
  ['rancher/kubectl', 'kubectl'],
  ['lachlanevenson/k8s-kubectl', 'kubectl'],
  ['amazon/aws-cli', 'aws'],
  ['aws-cli/aws-cli', 'aws'],
  ['hashicorp/terraform', 'terraform'],
  ['opentofu/opentofu', 'tofu'],
  ['alpine/helm', 'helm'],
  ['minio/mc', 'mc'],
  ['flyway/flyway', 'flyway'],
  ['liquibase/liquibase', 'liquibase'],
]);

/**
 * The repository part of an image reference: `docker.io/bitnami/kubectl:1.30` → `bitnami/kubectl` (the
 * registry, tag and digest dropped). Shared with the published-ports analyzer, which names images by it.
 */
export function repository(image: string): string {
  const noDigest = image.split('@')[0]!;
  const noTag = noDigest.replace(/:[^/]*$/, '');
  const parts = noTag.split('/');
  // A registry is the first part when it has a dot or a port (`docker.io`, `public.ecr.aws`, `localhost:5000`).
  if (parts.length > 2 || (parts.length === 2 && /[.:]/.test(parts[0]!))) parts.shift();
  return parts.join('/').replace(/^library\//, '');
}

/**
 * The command a `run` of `image` executes: `argv` after the image's entrypoint when the image is a known CLI
 * and `argv` does not already name it; `argv` itself otherwise.
 */
export function withEntrypoint(image: Word | undefined, argv: Word[], entrypointGiven: boolean): Word[] {
  if (!image || image.dynamic || entrypointGiven) return argv;
  const program = ENTRYPOINTS.get(repository(image.value));
  if (!program || argv[0]?.value === program) return argv;
  return [word(program), ...argv];
}
