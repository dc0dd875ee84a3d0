import { describe, expect, it } from 'vitest';
import { check } from '../support/runtime.js';

// A pipe whose first stage only passes text on (`cat <<EOF |`, `echo '…' |`) feeds the next stage that text,
// as a here-document would (src/shell/extract.ts, passedOn). `cat <<EOF | kubectl delete -f -` with the
// production namespace in it was "manifests read from stdin", high: the same manifest as a here-document
// of kubectl's own was critical. tree-sitter-bash hangs such a pipeline inside the here-document's redirect.

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: production\n';

describe('text piped from cat or echo is read like a here-document', () => {
  it.each([
    `kubectl --context prod delete -f - <<EOF\n${NAMESPACE}EOF`,
    `cat <<EOF | kubectl --context prod delete -f -\n${NAMESPACE}EOF`,
    `cat <<'EOF' | kubectl --context prod delete -f -\n${NAMESPACE}EOF`,
    `cat - <<EOF | kubectl --context prod delete -f -\n${NAMESPACE}EOF`,
    `echo '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"production"}}' | kubectl --context prod delete -f -`,
    // echo -e reads its escapes (passed-text.ts): \x22 is a double quote.
    `echo -e '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":\\x22production\\x22}}' | kubectl --context prod delete -f -`,
  ])('%s deletes the production namespace', async (command) => {
    const r = await check(command);
    expect(r.assessment.risk, JSON.stringify(r.assessment.effects)).toBe('critical');
    expect(r.assessment.effects.map((e) => e.target)).toContain('namespace/production');
  });

  it.each([
    ["cat <<'SQL' | psql -h prod-db app\nDROP TABLE users;\nSQL", 'table users'],
    ["echo 'DROP TABLE users;' | psql -h prod-db app", 'table users'],
    ['cat <<EOF | sh\nrm -rf ~\nEOF', '/home/dev'],
  ])('%s reaches %s', async (command, target) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).toContain(target);
  });

  it.each([
    // Not passed on as written: filtered, or written to a file.
    `cat <<EOF | grep x | kubectl --context prod delete -f -\n${NAMESPACE}EOF`,
    `cat <<EOF > /tmp/ns.yaml | kubectl --context prod delete -f -\n${NAMESPACE}EOF`,
  ])('%s is not read as the manifest (and still not allowed)', async (command) => {
    const r = await check(command);
    expect(r.decision.outcome).not.toBe('allow');
    expect(r.assessment.effects.map((e) => e.target)).not.toContain('namespace/production');
  });

  it.each(['cat <<EOF | wc -l\nhello\nEOF', "echo 'hello' | tr a-z A-Z", 'echo done | tee -a build.log'])(
    '%s is allowed',
    async (command) => {
      const r = await check(command);
      expect(r.decision.outcome, JSON.stringify(r.assessment.effects)).toBe('allow');
    },
  );
});
