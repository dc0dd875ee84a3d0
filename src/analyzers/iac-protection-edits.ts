import type { Effect } from '../core/types.js';
import type { Analyzer, Invocation } from './analyzer.js';

// Infrastructure code edited in place to drop what stops a destroy: `sed -i '/prevent_destroy/d'
// infra/prod/*.tf`, `perl -pi -e 's/deletion_protection = true/deletion_protection = false/' db.tf`. An
// in-place edit of project files is everyday work, and this one deletes nothing yet; but the next apply
// may then destroy what the setting kept. The edited files' path says which environment they describe.

/** Settings whose only purpose is to stop a resource being destroyed or its data lost. */
const PROTECTION =
  /prevent_destroy|deletion_protection|termination_protection|disable_api_termination|skip_final_snapshot|force_destroy|DeletionPolicy|UpdateReplacePolicy|deletionProtection|delete_protection/;
/** Files that describe infrastructure: Terraform/OpenTofu, HCL, CloudFormation or Pulumi templates. */
const IAC_FILE = /\.(tf|tf\.json|tofu|hcl|ya?ml|json)$/;

/** An in-place edit: `sed -i`, `-i.bak`, `-Ei`, `--in-place`; `perl -pi`, `-i.orig`. */
const inPlace = (inv: Invocation) =>
  inv.args.some((w) => /^-[a-zA-Z]*i/.test(w.value) || w.value.startsWith('--in-place'));

export const iacProtectionEditsAnalyzer: Analyzer = {
  family: 'iac-protection-edits',
  commands: ['sed', 'gsed', 'perl'],
  local: true,
  environmentVariables: [],
  partial: true,
  analyze(inv) {
    if (!inPlace(inv)) return [];
    const script = inv.args.find((w) => !w.dynamic && PROTECTION.test(w.value));
    const files = inv.args.filter((w) => IAC_FILE.test(w.value) && !w.value.startsWith('-'));
    if (!script || files.length === 0) return [];
    const setting = PROTECTION.exec(script.value)![0];
    const target = files.map((w) => w.value).join(' ');
    return [
      {
        operation: 'modify',
        tool: inv.name,
        target,
        reversible: true,
        risk: 'medium',
        reason: `${inv.name} edits ${setting} in ${target}: the protection that stops a destroy or a data loss`,
        category: 'iac',
        hints: files.map((w) => ({ source: 'infrastructure code path', value: w.value, weak: true })),
      } satisfies Effect,
    ];
  },
};
