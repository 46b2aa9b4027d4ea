// A problem with what `headroom diff` was asked to compare (a bad ref, a missing folder): exit 2 with this message.
export class DiffInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffInputError';
  }
}
