// How Helm layers a user's values over a chart's: maps merge key by key, anything else (a list, a string) replaces
// the chart's value whole. The reason a fix that changes one relabelling rule must repeat the others.

type Values = Record<string, unknown>;

function isMap(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeValues(chart: Values, user: Values): Values {
  const merged: Values = { ...chart };
  for (const [key, value] of Object.entries(user))
    merged[key] = isMap(value) && isMap(chart[key]) ? mergeValues(chart[key], value) : value;
  return merged;
}
