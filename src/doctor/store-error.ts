// A store doctor cannot ask (unreachable, refusing, not a query API) or a bad way of asking it (flags, credentials):
// the command prints the message and exits 2, as for any bad input.
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
