// Errors raised by the store layer, with stable ids. Messages never carry personal data.
export class StoreError extends Error {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
