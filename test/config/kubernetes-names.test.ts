// The Kubernetes metadata rules (k8s.io/apimachinery validation), one example on each side of every limit.
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_SIZE_LIMIT,
  annotationsProblem,
  labelValueProblem,
  metadataKeyProblem,
  metadataProblems,
  namespaceProblem,
  objectNameProblem,
} from '../../src/values/kubernetes-names.ts';

describe('namespaceProblem (DNS-1123 label)', () => {
  it.each(['monitoring', 'a', '0', 'kube-system', 'a'.repeat(63)])('accepts %j', (name) =>
    expect(namespaceProblem(name)).toBeUndefined(),
  );
  it.each(['', 'Bad Namespace!', 'Monitoring', '-a', 'a-', 'a.b', 'a_b', 'a\nb'])('refuses %j', (name) =>
    expect(namespaceProblem(name)).toMatch(/namespace name/),
  );
  it('refuses 64 characters', () => expect(namespaceProblem('a'.repeat(64))).toContain('at most 63'));
});

describe('objectNameProblem (DNS-1123 subdomain)', () => {
  it.each(['headroom-team', 'a.b-c', 'x'.repeat(253)])('accepts %j', (name) =>
    expect(objectNameProblem(name)).toBeUndefined(),
  );
  it.each(['', 'A', 'a..b', '.a', 'a.', 'a_b', 'a/b'])('refuses %j', (name) =>
    expect(objectNameProblem(name)).toMatch(/object name/),
  );
  it('refuses 254 characters', () => expect(objectNameProblem('x'.repeat(254))).toContain('at most 253'));
});

describe('metadataKeyProblem (qualified name)', () => {
  it.each([
    'release',
    'grafana_dashboard',
    'app.kubernetes.io/managed-by',
    'k8s-sidecar-target-directory',
    'A.b_C-9',
    'x'.repeat(63),
    `${'a'.repeat(253)}/b`,
  ])('accepts %j', (key) => expect(metadataKeyProblem(key)).toBeUndefined());
  it.each([
    ['bad key!!', 'letters, digits'],
    ['with space', 'letters, digits'],
    ['', '1 to 63'],
    ['example.com/', '1 to 63'],
    ['/name', 'prefix'],
    ['Example.com/name', 'prefix'],
    ['a/b/c', 'prefix'],
    ['_a', 'letters, digits'],
    ['a-', 'letters, digits'],
    ['x'.repeat(64), '1 to 63'],
    [`${'a'.repeat(254)}/b`, 'at most 253'],
    [`example.com/${'x'.repeat(64)}`, '1 to 63'],
  ])('refuses %j', (key, message) => expect(metadataKeyProblem(key)).toContain(message));
});

describe('labelValueProblem', () => {
  it.each(['', '1', 'kube-prometheus-stack', 'a.b_c-D', 'x'.repeat(63), 'yes'])('accepts %j', (value) =>
    expect(labelValueProblem(value)).toBeUndefined(),
  );
  it.each(['a\nb', 'a b', '-a', 'a.', '{{ x }}', 'é'])('refuses %j', (value) =>
    expect(labelValueProblem(value)).toMatch(/label value/),
  );
  it('refuses 64 characters', () => expect(labelValueProblem('x'.repeat(64))).toContain('at most 63'));
});

describe('annotationsProblem', () => {
  it('accepts free text values, newlines and templates included', () =>
    expect(annotationsProblem({ a: 'line 1\nline 2 {{ .x }} "q"' })).toBeUndefined());
  it('accepts exactly the size limit and refuses one byte more (keys count)', () => {
    expect(annotationsProblem({ k: 'x'.repeat(ANNOTATIONS_SIZE_LIMIT - 1) })).toBeUndefined();
    expect(annotationsProblem({ k: 'x'.repeat(ANNOTATIONS_SIZE_LIMIT) })).toContain('at most 262144 bytes');
  });
});

describe('metadataProblems', () => {
  it('is empty for a valid object', () => {
    expect(
      metadataProblems({
        name: 'headroom-team',
        namespace: 'monitoring',
        labels: { release: 'x', empty: '' },
        annotations: { note: 'any\ntext' },
      }),
    ).toEqual([]);
  });
  it('names every bad field', () => {
    expect(
      metadataProblems({
        name: 'Bad',
        namespace: 'Bad Namespace!',
        labels: { 'bad key!!': 'x', ok: true as never, v: 'a\nb' },
        annotations: { 'bad key!!': 'x' },
      }),
    ).toEqual([
      expect.stringMatching(/^name: /),
      expect.stringMatching(/^namespace: /),
      expect.stringMatching(/^labels\.bad key!!: /),
      'labels.ok: must be a string',
      expect.stringMatching(/^labels\.v: must be a Kubernetes label value/),
      expect.stringMatching(/^annotations\.bad key!!: /),
    ]);
  });
  it('requires a name', () => expect(metadataProblems({})).toEqual(['name: is required']));
  it('refuses a non-string annotation value', () =>
    expect(metadataProblems({ name: 'a', annotations: { note: 1 as never } })).toEqual([
      'annotations.note: must be a string',
    ]));
});
