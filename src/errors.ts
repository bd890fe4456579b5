/** Errors with a stable code; the HTTP layer maps codes to statuses in one place. */
export class HandoverError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends HandoverError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class InvalidInputError extends HandoverError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export class UnauthorizedError extends HandoverError {
  constructor(message: string) {
    super('unauthorized', message);
  }
}

/** A state change whose precondition no longer holds (already claimed, already resolved…). */
export class ConflictError extends HandoverError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class RuleLimitError extends HandoverError {
  constructor(botId: string, max: number) {
    super('rule_limit', `bot "${botId}" already has ${max} handover rules, the most a bot can have: remove one first`);
  }
}
