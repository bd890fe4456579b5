/**
 * Every error code the service reports, in one closed list: the HTTP layer
 * maps each to a status (adapters/http/error-responses.ts) and the compiler
 * checks that mapping is complete.
 */
export const ERROR_CODES = [
  // a caller's request
  'invalid_input',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rule_limit',
  'settings_changed',
  'payload_too_large',
  'rate_limited',
  'address_not_allowed',
  // the service's own state
  'storage_unavailable',
  'platform_unavailable',
  'delivery_failed',
  'internal',
  // start-up and command-line input
  'config_file',
  'env_config',
  'knowledge_base_file',
  'usage',
  'command',
  'embedded_database',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors with a stable code; the HTTP layer maps codes to statuses in one place. */
export class HandoverError extends Error {
  constructor(
    readonly code: ErrorCode,
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


/** A settings form saved against a revision of the bot that someone else has changed since: nothing is overwritten. */
export class SettingsChangedError extends HandoverError {
  constructor(
    readonly botId: string,
    /** Who made the change meanwhile (null: not through the settings, e.g. the configuration file). */
    readonly changedBy: string | null,
    /** That change in plain words, when known. */
    readonly changeSummary: string | null,
  ) {
    super(
      'settings_changed',
      `the settings of bot "${botId}" were changed meanwhile${changedBy ? ` by ${changedBy}` : ''}${changeSummary ? ` (${changeSummary})` : ''}; nothing was saved: reopen the settings to see the change, then try again`,
    );
  }
}

/** A rule names a person the platform cannot find in the bot's workspace. */
export class UnknownStaffError extends HandoverError {
  constructor(readonly reference: string) {
    super('invalid_input', `nobody "${reference}" could be found in this workspace: pick someone who is a member`);
  }
}
