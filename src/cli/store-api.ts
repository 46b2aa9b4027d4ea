// The live store's query API as doctor, backtest and diff --prometheus reach it: from the store options of the
// command line (options.ts), credentials from the environment (see query-api.ts).
import { queryApi, type RangeQueryApi } from '../doctor/query-api.ts';
import { headersOf, type StoreOptions } from './options.ts';

export function storeApi(options: StoreOptions, env: NodeJS.ProcessEnv): RangeQueryApi {
  return queryApi({
    url: options.prometheus,
    headers: headersOf(options.header),
    ...(options.caFile === undefined ? {} : { caFile: options.caFile }),
    timeoutMs: options.timeout * 1000,
    env,
  });
}
