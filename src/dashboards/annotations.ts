// Dashboard annotations: Grafana's own (annotations and alert state changes), and markers for events that explain
// the graphs, e.g. an OOM kill where a working set line drops.
import { AnnotationQueryBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { type Expr, print } from '../promql/index.ts';
import { DATASOURCE } from './common.ts';

/** What Grafana adds to every dashboard it saves; without it the alert state annotations are missing. */
export function grafanaAnnotations(): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name('Annotations & Alerts')
    .datasource({ type: 'grafana', uid: '-- Grafana --' })
    .builtIn(1)
    .enable(true)
    .hide(true)
    .iconColor('rgba(0, 211, 255, 1)')
    .type('dashboard');
}

/** Marks each time `expr` returns a series; its labels fill `text`. */
export function prometheusAnnotation(
  name: string,
  expr: Expr,
  title: string,
  text: string,
  color: string,
): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name(name)
    .datasource(DATASOURCE)
    .enable(true)
    .hide(false)
    .iconColor(color)
    .expr(print(expr))
    .step('1m')
    .titleFormat(title)
    .textFormat(text);
}
