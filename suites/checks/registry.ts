/** The checks by name; a second check under a name already taken is refused. */
import type { Check } from './check.ts';
import { burstLeavesOneBody } from './burst-leaves-one-body.ts';
import { echoesSentValues } from './echo.ts';
import { existingCustomerFound } from './existing-customer-found.ts';
import { idMatchesPath } from './id-matches-path.ts';
import { samePutSameData } from './idempotent.ts';
import { noServerError } from './no-server-error.ts';
import { omittedFieldsFollowSemantics } from './omitted-fields.ts';
import { otherCustomerUntouched } from './other-customer-untouched.ts';
import { readAfterWrite } from './read-after-write.ts';
import { readOnlyFieldsUnchanged } from './read-only-unchanged.ts';
import { rejectionIsAtomic } from './rejection-atomic.ts';
import { responseMatchesSchema } from './response-shape.ts';
import { semanticsProbe } from './semantics-probe.ts';
import { createAccepted, createdIdKnown } from './setup-answers.ts';
import { spelledIdLeavesCustomer, spelledIdNotFound } from './spelled-id.ts';
import { baselineAccepted, statusInExpectedSet } from './status-in-expected-set.ts';
import { unknownIdStaysUnknown } from './unknown-id.ts';
import { unknownNotEchoed } from './unknown-not-echoed.ts';

export class CheckRegistry {
  private readonly checks = new Map<string, Check>();

  register(check: Check): this {
    if (this.checks.has(check.name)) throw new Error(`check "${check.name}" is registered twice`);
    this.checks.set(check.name, check);
    return this;
  }

  all(): Check[] {
    return [...this.checks.values()];
  }
}

/** Every check, in the order they judge a trace. */
export const CHECKS = new CheckRegistry()
  .register(noServerError)
  .register(baselineAccepted)
  .register(statusInExpectedSet)
  .register(responseMatchesSchema)
  .register(idMatchesPath)
  .register(echoesSentValues)
  .register(omittedFieldsFollowSemantics)
  .register(semanticsProbe)
  .register(readOnlyFieldsUnchanged)
  .register(readAfterWrite)
  .register(unknownNotEchoed)
  .register(rejectionIsAtomic)
  .register(otherCustomerUntouched)
  .register(unknownIdStaysUnknown)
  .register(existingCustomerFound)
  .register(spelledIdNotFound)
  .register(spelledIdLeavesCustomer)
  .register(samePutSameData)
  .register(burstLeavesOneBody)
  .register(createAccepted)
  .register(createdIdKnown);
