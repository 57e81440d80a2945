// The password rule (issue 10), one for every place a password is chosen: the first login after
// temporary codes, a change of one's own accord, a reset link. The forms check it in the browser
// (loaded on demand: the dictionaries weigh about a megabyte) and the server actions check it
// again with the same schema.
//
// At least 12 characters (lib/validations/accounts.ts), not a common password (the shipped list,
// lib/validations/common-passwords.ts), and hard enough to guess by zxcvbn's estimate, with its
// English and French dictionaries: a score of 3 out of 4, about 10^8 guesses or more, which is
// what it takes against an offline attack on a slow hash such as argon2id (lib/auth/password.ts).

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnFr from "@zxcvbn-ts/language-fr";
import { PASSWORD_ERRORS, PASSWORD_MIN_LENGTH, passwordChangeSchema } from "@/lib/validations/accounts";
import { COMMON_PASSWORDS } from "@/lib/validations/common-passwords";

/** zxcvbn's score, 0 to 4: 3 means « safely unguessable » against an offline slow-hash attack. */
export const MIN_PASSWORD_SCORE = 3;

const common = new Set(COMMON_PASSWORDS);
let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: zxcvbnFr.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnFr.dictionary, commonPasswordsShipped: [...COMMON_PASSWORDS] },
    // The estimate costs more with length; beyond 64 characters the first 64 decide.
    maxLength: 64,
  });
  return estimator;
}

/** The password in lower case, and the word inside it without the digits and signs around it. */
function forms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core && core !== lower ? [lower, core] : [lower];
}

/**
 * Why this password is refused, in French, or undefined when it may be used. `userInputs` are
 * words the person's own account gives away (identifier, name), which make it weaker.
 */
export function passwordStrengthError(password: string, userInputs: string[] = []): string | undefined {
  if (forms(password).some((form) => common.has(form))) return PASSWORD_ERRORS.common;
  const { score } = zxcvbn().check(password, userInputs.filter(Boolean));
  return score < MIN_PASSWORD_SCORE ? PASSWORD_ERRORS.weak : undefined;
}

/** « Choisissez votre mot de passe » with the whole rule: the form and the server actions use this one. */
export const strongPasswordChangeSchema = passwordChangeSchema.superRefine((values, ctx) => {
  if (values.password.length < PASSWORD_MIN_LENGTH) return;
  const error = passwordStrengthError(values.password);
  if (error) ctx.addIssue({ code: "custom", path: ["password"], message: error });
});
