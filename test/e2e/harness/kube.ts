// Fake Kubernetes objects of one cluster, written as the series the real exporters show for them: kubelet's cadvisor
// (containers, the pod cgroup `container=""` and the pause container `container="POD"`), kube-state-metrics (served
// by both replicas), and the kubelet's own /metrics (node name, evictions).
import type { Exporter, Labels } from './exporter.ts';

export const MiB = 1024 * 1024;

type ContainerType = 'container' | 'init' | 'sidecar';

interface ContainerSpec {
  namespace: string;
  pod: string;
  container: string;
  type?: ContainerType;
  limitBytes: number;
  workingSetBytes: number;
  restarts?: number;
  /** kube-state-metrics' last terminated reason and exit code (none: the container never terminated). */
  lastTerminated?: { reason: string; exitCode: number };
  /** cadvisor's container_oom_events_total. */
  oomEvents?: number;
}

const NODE = 'node-1';

export class FakeCluster {
  constructor(
    readonly exporter: Exporter,
    readonly name: string,
  ) {}

  /** A namespace, labelled `team=<team>` when a team is given (kube_namespace_labels, as with the allowlist). */
  namespace(name: string, team?: string): void {
    this.exporter.deleteMatching(this.name, 'kube-state-metrics', 'kube_namespace_labels', { namespace: name });
    const labels: Labels = { namespace: name, ...(team === undefined ? {} : { label_team: team }) };
    this.exporter.set(this.name, 'kube-state-metrics', 'kube_namespace_labels', labels, 1);
  }

  /** `kubectl label namespace <name> team=<team> --overwrite`: one series replaces the other in the same scrape. */
  relabel(name: string, team: string): void {
    this.namespace(name, team);
  }

  /** The node the cluster's containers run on: its MemoryPressure condition and the kubelet's node name. */
  node(memoryPressure = false): void {
    for (const status of ['true', 'false', 'unknown']) {
      const value = (status === 'true') === memoryPressure && status !== 'unknown' ? 1 : 0;
      this.exporter.set(
        this.name,
        'kube-state-metrics',
        'kube_node_status_condition',
        { node: NODE, condition: 'MemoryPressure', status },
        value,
      );
    }
    this.exporter.set(this.name, 'kubelet', 'kubelet_node_name', { node: NODE }, 1);
  }

  /** kubelet_evictions of a signal (the kubelet creates the counter at its first eviction). */
  evictions(signal: string, count: number): void {
    this.exporter.set(this.name, 'kubelet', 'kubelet_evictions', { eviction_signal: signal }, count);
  }

  container(spec: ContainerSpec): FakeContainer {
    return new FakeContainer(this.exporter, this.name, spec);
  }
}

export class FakeContainer {
  private readonly type: ContainerType;
  private workingSet: number;
  private restarts: number;
  private oomEvents: number;
  private lastTerminated: { reason: string; exitCode: number } | undefined;

  constructor(
    private readonly exporter: Exporter,
    private readonly cluster: string,
    readonly spec: ContainerSpec,
  ) {
    this.type = spec.type ?? 'container';
    this.workingSet = spec.workingSetBytes;
    this.restarts = spec.restarts ?? 0;
    this.oomEvents = spec.oomEvents ?? 0;
    this.lastTerminated = spec.lastTerminated;
    this.writeStatic();
    this.writeCadvisor();
    this.writeKubeStateMetrics();
  }

  get namespace(): string {
    return this.spec.namespace;
  }

  get pod(): string {
    return this.spec.pod;
  }

  get name(): string {
    return this.spec.container;
  }

  /** cadvisor: a new working set (pod cgroup included). */
  setWorkingSet(bytes: number): void {
    this.workingSet = bytes;
    this.writeCadvisor();
  }

  /** cadvisor: the kernel's OOM killer hit the container's cgroup (container_oom_events_total + 1). */
  oomEvent(): void {
    this.oomEvents += 1;
    this.writeCadvisor();
  }

  /** kube-state-metrics: the container restarted after terminating with this reason and exit code. */
  restart(reason: string, exitCode: number): void {
    this.restarts += 1;
    this.lastTerminated = { reason, exitCode };
    this.writeKubeStateMetrics();
  }

  private get ids(): Labels {
    return { namespace: this.spec.namespace, pod: this.spec.pod, container: this.spec.container };
  }

  private get podCgroup(): Labels {
    return {
      namespace: this.spec.namespace,
      pod: this.spec.pod,
      container: '',
      id: `/kubepods/pod-${this.spec.pod}`,
      image: '',
      name: '',
    };
  }

  private get pause(): Labels {
    return {
      namespace: this.spec.namespace,
      pod: this.spec.pod,
      container: 'POD',
      id: `/kubepods/pod-${this.spec.pod}/pause`,
      image: 'registry.k8s.io/pause:3.9',
      name: `k8s_POD_${this.spec.pod}`,
    };
  }

  private get cgroup(): Labels {
    return {
      ...this.ids,
      id: `/kubepods/pod-${this.spec.pod}/${this.spec.container}`,
      image: `example/${this.spec.container}:1`,
      name: `k8s_${this.spec.container}_${this.spec.pod}`,
    };
  }

  private writeStatic(): void {
    const ksm = (name: string, labels: Labels, value: number) =>
      this.exporter.set(this.cluster, 'kube-state-metrics', name, labels, value);
    const prefix = this.type === 'container' ? 'kube_pod_container' : 'kube_pod_init_container';
    ksm(
      `${prefix}_resource_limits`,
      { ...this.ids, node: NODE, resource: 'memory', unit: 'byte' },
      this.spec.limitBytes,
    );
    ksm(
      `${prefix}_resource_requests`,
      { ...this.ids, node: NODE, resource: 'memory', unit: 'byte' },
      this.spec.limitBytes / 2,
    );
    if (this.type !== 'container')
      ksm('kube_pod_init_container_info', { ...this.ids, restart_policy: this.type === 'sidecar' ? 'Always' : '' }, 1);
    ksm('kube_pod_info', { namespace: this.spec.namespace, pod: this.spec.pod, node: NODE }, 1);
    // The pause container and the pod cgroup: series the rules must leave out of container counts.
    this.exporter.set(this.cluster, 'cadvisor', 'container_memory_working_set_bytes', this.pause, 1 * MiB);
    this.exporter.set(this.cluster, 'cadvisor', 'container_spec_memory_limit_bytes', this.pause, 0);
    this.exporter.set(this.cluster, 'cadvisor', 'container_spec_memory_limit_bytes', this.cgroup, this.spec.limitBytes);
    this.exporter.set(
      this.cluster,
      'cadvisor',
      'container_spec_memory_limit_bytes',
      this.podCgroup,
      this.spec.limitBytes,
    );
  }

  private writeCadvisor(): void {
    this.exporter.set(this.cluster, 'cadvisor', 'container_memory_working_set_bytes', this.cgroup, this.workingSet);
    this.exporter.set(
      this.cluster,
      'cadvisor',
      'container_memory_working_set_bytes',
      this.podCgroup,
      this.workingSet + 1 * MiB,
    );
    this.exporter.set(this.cluster, 'cadvisor', 'container_oom_events_total', this.cgroup, this.oomEvents);
  }

  private writeKubeStateMetrics(): void {
    const prefix = this.type === 'container' ? 'kube_pod_container' : 'kube_pod_init_container';
    this.exporter.set(this.cluster, 'kube-state-metrics', `${prefix}_status_restarts_total`, this.ids, this.restarts);
    this.exporter.deleteMatching(
      this.cluster,
      'kube-state-metrics',
      `${prefix}_status_last_terminated_reason`,
      this.ids,
    );
    if (this.lastTerminated !== undefined) {
      this.exporter.set(
        this.cluster,
        'kube-state-metrics',
        `${prefix}_status_last_terminated_reason`,
        { ...this.ids, reason: this.lastTerminated.reason },
        1,
      );
      this.exporter.set(
        this.cluster,
        'kube-state-metrics',
        `${prefix}_status_last_terminated_exitcode`,
        this.ids,
        this.lastTerminated.exitCode,
      );
    }
  }
}
