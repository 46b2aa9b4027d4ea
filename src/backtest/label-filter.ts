// A label matcher applied to any instant vector, not only to a selector: what `recorded{label=~"…"}` selects once the
// recorded series is replaced by the expression that records it. PromQL has no filter on an expression's labels, so
// the matcher becomes a set operation against a one-series vector carrying the wanted value:
//   label="v"   x and on (label) label_replace(vector(1), "label", "v", "", "")
//   label!="v"  the same with unless
//   label=~"r"  x marked where label matches r (label_replace with r as its regex, which PromQL anchors like a
//               matcher), kept where marked (and on the mark), the mark then removed; !~ keeps the unmarked.
// A series without the label reads as label="", as in a selector.
import { binary, call, type Expr, labelReplace, type Matcher, on } from '../promql/index.ts';

/** The label of the mark: a name no series of the store carries. */
const MARK = 'headroom_backtest_match';

export function withMatcher(expr: Expr, matcher: Matcher): Expr {
  const one = call('vector', [1]);
  switch (matcher.op) {
    case '=':
    case '!=':
      return binary(
        expr,
        matcher.op === '=' ? 'and' : 'unless',
        labelReplace(one, matcher.label, matcher.value),
        on([matcher.label]),
      );
    case '=~':
    case '!~': {
      const marked = labelReplace(expr, MARK, '1', matcher.label, matcher.value);
      const kept = binary(marked, matcher.op === '=~' ? 'and' : 'unless', labelReplace(one, MARK, '1'), on([MARK]));
      return labelReplace(kept, MARK, '');
    }
  }
}
