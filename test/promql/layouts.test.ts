// The layouts headroom's rules use today (generated/prometheus-rules, before the rule builders move onto the tree),
// built as trees: the printer reproduces them to the byte, but for parentheses precedence does not need. Each case
// shows how to express one layout for the migration.
import { describe, expect, it } from 'vitest';
import {
  balanced,
  binary,
  by,
  call,
  eq,
  type Expr,
  group,
  groupLeft,
  labelReplace,
  type Matcher,
  max,
  neq,
  offset,
  on,
  paren,
  print,
  range,
  re,
  type Selector,
  selector,
  string,
  sum,
  topk,
  without,
} from '../../src/promql/index.ts';

const KSM = [eq('job', 'kube-state-metrics')];
const CADVISOR = [eq('job', 'kubelet'), eq('metrics_path', '/metrics/cadvisor')];
const KUBELET = [eq('job', 'kubelet'), eq('metrics_path', '/metrics')];
const CONTAINER = ['namespace', 'pod', 'container'];

/** counter-rise.ts today: `max_over_time - min_over_time > 0`, and `and increase > 0` where counters reset. */
function rise(counter: Selector, window: string, resets = true): Expr {
  const over = (fn: string) => call(fn, [range(counter, window)]);
  const risen = binary(binary(over('max_over_time'), '-', over('min_over_time')), '>', 0);
  return resets ? binary(risen, 'and', binary(over('increase'), '>', 0)) : risen;
}

/** What `rise` prints, for the expected texts: the counter's rise over the window (`and increase` where it resets). */
function riseText(counter: string, window: string, resets = true): string {
  const risen = `max_over_time(${counter}[${window}]) - min_over_time(${counter}[${window}]) > 0`;
  return resets ? `${risen} and increase(${counter}[${window}]) > 0` : risen;
}

/** ownership.ts today: the newest owner series of each namespace, as 1. */
const newestOwner = () => group(without([]), topk(by(['namespace']), 1, selector('headroom:namespace_owner:info')));

describe("today's layouts", () => {
  it("a 'lines' join whose right operand needs parentheses on one line", () => {
    const limits = ['kube_pod_container_resource_limits', 'kube_pod_init_container_resource_limits'].map((metric) =>
      max(by(CONTAINER), selector(metric, ...KSM, eq('resource', 'memory'))),
    );
    const workingSet = selector(
      'container_memory_working_set_bytes',
      ...CADVISOR,
      neq('container', ''),
      neq('container', 'POD'),
    );
    const tree = binary(
      max(by(CONTAINER), workingSet),
      '/',
      binary(binary(limits[0]!, 'or', limits[1]!), '>', 0),
      on(CONTAINER),
      'lines',
    );
    const limit = (metric: string) =>
      `max by (namespace, pod, container) (${metric}{job="kube-state-metrics", resource="memory"})`;
    const cadvisor = 'job="kubelet", metrics_path="/metrics/cadvisor", container!="", container!="POD"';
    expect(print(tree)).toBe(
      `max by (namespace, pod, container) (container_memory_working_set_bytes{${cadvisor}})
/ on (namespace, pod, container)
((${limit('kube_pod_container_resource_limits')} or ${limit('kube_pod_init_container_resource_limits')}) > 0)`,
    );
  });

  it("'lines' joins nested, aggregations in blocks, group_left ()", () => {
    const threshold = max(
      by(['namespace']),
      binary(
        newestOwner(),
        '*',
        selector('headroom:team_setting:value', eq('setting', 'containerMemoryNearLimit.threshold')),
        on(['owner']),
        groupLeft(),
        'lines',
      ),
    );
    const above = binary(
      selector('headroom:container_memory_above_threshold:ratio_limit'),
      '>',
      threshold,
      on(['namespace']),
      groupLeft(),
      'lines',
    );
    const owners = group(
      without([]),
      binary(
        topk(by(['namespace']), 1, selector('headroom:namespace_owner:info')),
        'and',
        selector(
          'headroom:namespace_owner:info',
          eq('headroom_container_memory_near_limit', 'for=10m,severity=warning'),
        ),
        on(['namespace', 'headroom_container_memory_near_limit']),
        'lines',
      ),
    );
    const tree = binary(above, '*', owners, on(['namespace']), groupLeft(['team', 'slack_channel']), 'lines');
    expect(print(tree)).toBe(`(
  headroom:container_memory_above_threshold:ratio_limit
  > on (namespace) group_left ()
  (
    max by (namespace) (
      group without () (topk by (namespace) (1, headroom:namespace_owner:info))
      * on (owner) group_left ()
      headroom:team_setting:value{setting="containerMemoryNearLimit.threshold"}
    )
  )
)
* on (namespace) group_left (team, slack_channel)
(
  group without () (
    topk by (namespace) (1, headroom:namespace_owner:info)
    and on (namespace, headroom_container_memory_near_limit)
    headroom:namespace_owner:info{headroom_container_memory_near_limit="for=10m,severity=warning"}
  )
)`);
  });

  it('label_replace with a multi-line first argument, inline operators on one line', () => {
    const prometheus = selector('prometheus_rule_evaluation_failures_total', re('rule_group', '.*;headroom-.*'));
    const vmalert = (metric: string) => selector(metric, re('group', 'headroom-.*'));
    const gauge = (metric: string) => binary(call('max_over_time', [range(vmalert(metric), '10m')]), '>', 0);
    const perRule = binary(
      binary(gauge('vmalert_alerting_rules_error'), 'or', gauge('vmalert_recording_rules_error'), 'lines'),
      'or',
      binary(
        rise(vmalert('vmalert_alerting_rules_errors_total'), '10m'),
        'or',
        rise(vmalert('vmalert_recording_rules_errors_total'), '10m'),
        'lines',
      ),
      'lines',
    );
    const tree = binary(
      max(by(['rule_group']), rise(prometheus, '10m')),
      'or',
      max(by(['rule_group']), labelReplace(perRule, 'rule_group', '$1', 'group', '(.*)')),
      'lines',
    );
    const failures = 'prometheus_rule_evaluation_failures_total{rule_group=~".*;headroom-.*"}';
    const errors = (metric: string) => riseText(`${metric}{group=~"headroom-.*"}`, '10m');
    expect(print(tree)).toBe(`max by (rule_group) (${riseText(failures, '10m')})
or
(
  max by (rule_group) (
    label_replace(
      (
        max_over_time(vmalert_alerting_rules_error{group=~"headroom-.*"}[10m]) > 0
        or
        max_over_time(vmalert_recording_rules_error{group=~"headroom-.*"}[10m]) > 0
      )
      or
      (
        ${errors('vmalert_alerting_rules_errors_total')}
        or
        ${errors('vmalert_recording_rules_errors_total')}
      ),
      "rule_group", "$1", "group", "(.*)"
    )
  )
)`);
  });

  it("an inline binary with a multi-line right operand: `time() * (` … `)`; balanced 'or' with 'lines'", () => {
    const containers = (...matchers: Matcher[]) =>
      group(by(['namespace']), selector('headroom:namespace_containers:count', ...matchers));
    const claimed = [
      ['batch', 'batch-.*'],
      ['payments', 'payments|payments-.*'],
      ['search', 'search|search-indexer'],
    ].map(([owner, namespaces]) => labelReplace(containers(re('namespace', namespaces!)), 'owner', owner!));
    const owners = binary(
      labelReplace(balanced(claimed, 'or', 'lines'), 'claim', 'file'),
      'or',
      labelReplace(containers(), 'claim', 'none'),
      on(['namespace']),
      'lines',
    );
    const labels = ['team', 'slack_channel', 'headroom_container_memory_near_limit', 'headroom_container_oom_killed'];
    const teams = binary(owners, '*', selector('headroom:team:info'), on(['owner']), groupLeft(labels), 'lines');
    const claim = (owner: string, namespaces: string) =>
      `label_replace(group by (namespace) (headroom:namespace_containers:count{namespace=~"${namespaces}"}), ` +
      `"owner", "${owner}", "", "")`;
    expect(print(binary(call('time'), '*', teams))).toBe(`time() * (
  (
    (
      label_replace(
        (
          ${claim('batch', 'batch-.*')}
          or
          ${claim('payments', 'payments|payments-.*')}
        )
        or
        ${claim('search', 'search|search-indexer')},
        "claim", "file", "", ""
      )
    )
    or on (namespace)
    label_replace(group by (namespace) (headroom:namespace_containers:count), "claim", "none", "", "")
  )
  * on (owner) group_left (team, slack_channel, headroom_container_memory_near_limit, headroom_container_oom_killed)
  headroom:team:info
)`);
  });

  it("a multi-line argument inside a call's own line: 'inline' arguments and the builder's parentheses", () => {
    const kills = selector('headroom:container_process_oom_kills:increase', eq('window', '10m'));
    const types = selector('headroom:init_container_type:info');
    const mainContainers = call(
      'label_replace',
      [
        paren(binary(kills, 'unless', types, on(CONTAINER), 'lines')),
        ...['container_type', 'container', '', ''].map(string),
      ],
      'inline',
    );
    const typed = binary(kills, '*', types, on(CONTAINER), groupLeft(['container_type']), 'lines');
    const tree = binary(
      binary(mainContainers, 'or', typed, 'lines'),
      '*',
      newestOwner(),
      on(['namespace']),
      groupLeft(['team', 'slack_channel']),
      'lines',
    );
    expect(print(tree)).toBe(`(
  (
    label_replace((
      headroom:container_process_oom_kills:increase{window="10m"}
      unless on (namespace, pod, container)
      headroom:init_container_type:info
    ), "container_type", "container", "", "")
  )
  or
  (
    headroom:container_process_oom_kills:increase{window="10m"}
    * on (namespace, pod, container) group_left (container_type)
    headroom:init_container_type:info
  )
)
* on (namespace) group_left (team, slack_channel)
group without () (topk by (namespace) (1, headroom:namespace_owner:info))`);
  });

  it('an inline comparison after a multi-line aggregation; offsets', () => {
    const evictions = selector(
      'kubelet_evictions',
      ...KUBELET,
      re('eviction_signal', 'memory.available|allocatableMemory.available'),
    );
    const nodeName = selector('kubelet_node_name', ...KUBELET);
    const appeared = binary(
      binary(call('max_over_time', [range(evictions, '10m')]), 'unless', offset(evictions, '10m'), 'lines'),
      'and',
      offset(nodeName, '10m'),
      on(['instance']),
      'lines',
    );
    const perInstance = binary(appeared, 'or', rise(evictions, '10m'), 'lines');
    const perNode = binary(
      perInstance,
      '*',
      max(by(['instance', 'node']), nodeName),
      on(['instance']),
      groupLeft(['node']),
      'lines',
    );
    const kubelet = 'job="kubelet", metrics_path="/metrics"';
    const signals = 'eviction_signal=~"memory.available|allocatableMemory.available"';
    const evictionsText = `kubelet_evictions{${kubelet}, ${signals}}`;
    expect(print(binary(sum(by(['node']), perNode), '>', 0))).toBe(`sum by (node) (
  (
    (
      (
        max_over_time(${evictionsText}[10m])
        unless
        ${evictionsText} offset 10m
      )
      and on (instance)
      kubelet_node_name{${kubelet}} offset 10m
    )
    or
    ${riseText(evictionsText, '10m')}
  )
  * on (instance) group_left (node)
  max by (instance, node) (kubelet_node_name{${kubelet}})
) > 0`);
  });
});

describe('what changes when the rules move onto the tree', () => {
  it('parentheses precedence does not need go, nothing else', () => {
    // headroom:container_restarts:increase today wraps a one-line aggregation, which binds tighter than `*`.
    const restartsText = riseText('headroom:container_restarts_total:max', '10m', false);
    const initRestartsText = riseText(
      'kube_pod_init_container_status_restarts_total{job="kube-state-metrics"}',
      '10m',
      false,
    );
    const today = `label_replace(${restartsText}, "container_type", "container", "", "")
or
(
  (max by (namespace, pod, container) (${initRestartsText}))
  * on (namespace, pod, container) group_left (container_type)
  headroom:init_container_type:info
)`;
    const restarts = selector('headroom:container_restarts_total:max');
    const initRestarts = selector('kube_pod_init_container_status_restarts_total', ...KSM);
    const tree = binary(
      labelReplace(rise(restarts, '10m', false), 'container_type', 'container'),
      'or',
      binary(
        max(by(CONTAINER), rise(initRestarts, '10m', false)),
        '*',
        selector('headroom:init_container_type:info'),
        on(CONTAINER),
        groupLeft(['container_type']),
        'lines',
      ),
      'lines',
    );
    const printed = print(tree);
    expect(printed).not.toBe(today);
    expect(printed).toBe(today.replace('  (max by', '  max by').replace('> 0))\n', '> 0)\n'));
  });
});
