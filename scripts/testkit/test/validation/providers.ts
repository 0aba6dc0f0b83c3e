import { checkExchange, type Exchange, type Validators } from "@clientele/core/runtime";
import { cube4salesValidators } from "@clientele/cube4sales/validate";
import { cubitValidators } from "@clientele/cubit/validate";
import { cycleSoftwareValidators } from "@clientele/cyclesoftware/validate";
import { onlinewerkroosterValidators } from "@clientele/onlinewerkrooster/validate";
import { expect } from "vitest";

/** Each provider's generated validators, by registry id. */
export const validatorsOf: Record<string, Validators> = {
  cubit: cubitValidators,
  onlinewerkrooster: onlinewerkroosterValidators,
  cube4sales: cube4salesValidators,
  cyclesoftware: cycleSoftwareValidators,
};

/** The validators of a registry provider; an unknown one is a mistake in the test. */
export function validatorsFor(provider: string): Validators {
  const validators = validatorsOf[provider];
  if (!validators) throw new Error(`no validators for provider "${provider}"`);
  return validators;
}

/** Asserts that the exchange is within the provider's spec, listing each report's message where it is not. */
export function expectNoDrift(provider: string, exchange: Exchange): void {
  expect(checkExchange(validatorsFor(provider).responses, exchange).map((report) => report.message)).toEqual([]);
}
